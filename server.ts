// The HTTP server: security headers, the Origin check, request ids, body limits, static
// files, and Remix. In development Vite serves the app with hot reload; in production the build.
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { afterBodyRefusal, bodyLimits } from '#app/lib/body-limit.server.ts'
import { env } from '#app/lib/env.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { isSameOriginRequest } from '#app/lib/origin-check.server.ts'
import { requestContextStorage } from '#app/lib/request-context.server.ts'
import { requestScheme, startupClearTextWarning, warnOnFirstClearTextRequest } from '#app/lib/request-scheme.server.ts'
import { securityHeaders } from '#app/lib/security-headers.server.ts'

type BackgroundModule = { startBackgroundJobs?: () => Promise<void>; stopBackgroundJobs?: () => Promise<void> }

const viteDevServer = env.isProduction ? undefined : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

async function loadBuild(): Promise<ServerBuild> {
  if (viteDevServer) return (await viteDevServer.ssrLoadModule('virtual:remix/server-build')) as ServerBuild
  // @ts-expect-error the build exists only after `npm run build`
  return (await import('./build/server/index.js')) as ServerBuild
}

const app = express()
app.disable('x-powered-by')
// X-Forwarded-* (scheme, host, client address) count only from these proxies.
app.set('trust proxy', env.TRUST_PROXY)

app.use((req, res, next) => {
  const nonce = randomBytes(16).toString('base64')
  const requestId = (req.get('X-Request-Id') ?? '').slice(0, 64) || randomUUID()
  res.setHeader('X-Request-Id', requestId)
  const scheme = requestScheme(req)
  warnOnFirstClearTextRequest(scheme, req.hostname)
  for (const [name, value] of Object.entries(securityHeaders(nonce, { production: env.isProduction, https: scheme.https }))) {
    res.setHeader(name, value)
  }
  const sameOrigin = isSameOriginRequest({
    method: req.method,
    origin: req.get('Origin') ?? null,
    referer: req.get('Referer') ?? null,
    expectedOrigin: scheme.origin,
    hasAuthorizationHeader: Boolean(req.get('Authorization')),
    hasCookies: Boolean(req.get('Cookie')),
  })
  if (!sameOrigin) {
    res.status(403).type('text/plain').send('Cross-origin request refused / 已拒绝跨站请求')
    return
  }
  const started = process.hrtime.bigint()
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    logger.info({ requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) }, 'request')
  })
  requestContextStorage.run(
    { requestId, nonce, clientIp: req.ip ?? 'unknown', https: scheme.https, servedInClear: scheme.servedInClear, setCookies: [], memo: new Map() },
    () => next(),
  )
})

app.use(bodyLimits)

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  app.use('/assets', express.static(path.resolve('build/client/assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(path.resolve('build/client'), { maxAge: '1h' }))
}

app.all('*', createRequestHandler({ build: viteDevServer ? loadBuild : await loadBuild() }))
app.use(afterBodyRefusal)

// Without HOST, every interface: other devices on the network reach the app.
const server = app.listen({ port: env.PORT, host: env.HOST }, () => {
  logger.info({ port: env.PORT, host: env.HOST }, `Lianqiao is listening on http://localhost:${env.PORT}`)
  console.log(`Lianqiao 链桥 is running at http://localhost:${env.PORT}`)
  const warning = startupClearTextWarning()
  if (warning) logger.warn(warning)
})

let background: BackgroundModule | undefined
if (env.RUN_JOBS) {
  background = (await loadBuild()).entry.module as BackgroundModule
  await background.startBackgroundJobs?.()
}

let closing = false
async function shutdown() {
  if (closing) return
  closing = true
  server.close()
  server.closeIdleConnections()
  await background?.stopBackgroundJobs?.().catch(() => undefined)
  await viteDevServer?.close()
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
