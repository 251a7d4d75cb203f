import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { RequestInfoContext } from '#app/components/request-info.tsx'
import { isBodyTooLarge } from '#app/lib/body-limit.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { currentRequestContext } from '#app/lib/request-context.server.ts'

export { startBackgroundJobs, stopBackgroundJobs } from '#app/modules/jobs/background.server.ts'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

function appendCookies(headers: Headers) {
  for (const cookie of currentRequestContext()?.setCookies ?? []) headers.append('Set-Cookie', cookie)
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  appendCookies(response.headers)
  return response
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // An aborted request, or a body cut off at its limit (already answered 413), is no fault.
  if (request.signal.aborted || isBodyTooLarge(error)) return
  logger.error({ err: error, requestId: currentRequestContext()?.requestId, url: request.url }, 'unhandled error')
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  const context = currentRequestContext()
  const info = { nonce: context?.nonce ?? '', requestId: context?.requestId ?? '' }
  appendCookies(responseHeaders)
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const respond = () => {
      const body = new PassThrough()
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
      pipe(body)
    }
    const { pipe, abort } = renderToPipeableStream(
      <RequestInfoContext.Provider value={info}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={info.nonce} />
      </RequestInfoContext.Provider>,
      {
        nonce: info.nonce,
        onShellReady() {
          shellRendered = true
          if (!waitForAll) respond()
        },
        onAllReady() {
          // Once everything rendered, the render need not stay in memory for the delay.
          clearTimeout(abortTimer)
          if (waitForAll) respond()
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger.error({ err: error, requestId: info.requestId }, 'render error')
        },
      },
    )
    const abortTimer = setTimeout(abort, ABORT_DELAY + 1000)
  })
}
