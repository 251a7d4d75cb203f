// Request bodies are bounded before they are read: a declared Content-Length over the limit
// is answered 413 at once and the connection closed; a chunked body is counted while it
// streams and cut off at the limit, failing whatever was reading it. Forms get 64 KB, the
// JSON API 256 KB, and the upload pages (upload-limits.ts) room for their files. A body of
// a kind the address does not take is refused with 415 before it is read.
import type { Socket } from 'node:net'
import type { NextFunction, Request, Response } from 'express'
import { localeOfHeaders } from '#app/i18n/locale.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { translate, type MessageKey, type MessageParams } from '#app/i18n/translate.ts'
import { uploadBodyLimit, uploadPageFiles } from './upload-limits.ts'

export const FORM_BODY_LIMIT = 64 * 1024
export const API_BODY_LIMIT = 256 * 1024

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/** True for the error a cut-off body read fails with (also when wrapped by the reader). */
export function isBodyTooLarge(error: unknown): boolean {
  const named = (e: unknown) => e instanceof Error && e.name === 'BodyTooLargeError'
  return named(error) || (error instanceof Error && named(error.cause))
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`
}

const isApiPath = (pathname: string) => pathname.startsWith('/api/')
const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase()

type BodyRule = { limit: number; accepts: (contentType: string | undefined) => boolean; expected: string }

/** What a request to this path may carry. */
export function bodyRuleFor(pathname: string, contentType: string | undefined): BodyRule {
  if (isApiPath(pathname)) {
    return { limit: API_BODY_LIMIT, accepts: (t) => /^application\/([\w.-]+\+)?json$/.test(mediaType(t)), expected: 'application/json' }
  }
  const urlencoded = (t: string | undefined) => mediaType(t) === 'application/x-www-form-urlencoded'
  const files = uploadPageFiles(pathname)
  if (files && mediaType(contentType) === 'multipart/form-data') {
    return { limit: uploadBodyLimit(files, FORM_BODY_LIMIT), accepts: (t) => /;\s*boundary=/i.test(t ?? ''), expected: 'multipart/form-data' }
  }
  return {
    limit: FORM_BODY_LIMIT,
    accepts: urlencoded,
    expected: files ? 'application/x-www-form-urlencoded, multipart/form-data' : 'application/x-www-form-urlencoded',
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The answer for a refused body: problem+json for the API, a small page for everything else. */
export function refusalBody(pathname: string, locale: Locale, status: 413 | 415, key: MessageKey, params: MessageParams) {
  const title = translate(locale, status === 413 ? 'limits.tooLargeTitle' : 'limits.unsupportedTypeTitle')
  const detail = translate(locale, key, params)
  if (isApiPath(pathname)) {
    return { contentType: 'application/problem+json; charset=utf-8', body: JSON.stringify({ type: 'about:blank', status, title, detail }) }
  }
  const body = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} · 链桥 Lianqiao</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><a href="/">${escapeHtml(translate(locale, 'limits.backHome'))}</a></p></main></body></html>`
  return { contentType: 'text/html; charset=utf-8', body }
}

const refused = new WeakSet<Request>()

/** How long a refused upload may keep arriving (and be discarded) before the connection closes. */
const LINGER_MS = 2_000

/**
 * Closing a connection while the client is still sending resets it, and the client may lose
 * the answer it was sent. So once the answer is out: stop writing, discard what still
 * arrives for a moment, then close. Node calls `destroySoon` when a `Connection: close`
 * answer has been written.
 */
function lingerThenClose(socket: Socket) {
  Object.assign(socket, {
    destroySoon() {
      socket.end()
      const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref()
      socket.once('close', () => clearTimeout(timer))
    },
  })
}

function refuse(req: Request, res: Response, status: 413 | 415, key: MessageKey, params: MessageParams) {
  refused.add(req)
  if (res.headersSent) {
    req.destroy()
    return
  }
  const { contentType, body } = refusalBody(req.path, localeOfHeaders(req.get('Cookie'), req.get('Accept-Language')), status, key, params)
  // The rest of the body is never read: close the connection once the answer is out.
  lingerThenClose(req.socket)
  res.status(status).set({ 'Content-Type': contentType, Connection: 'close', 'Cache-Control': 'no-store' }).send(body)
}

/** Express middleware: bounds and checks every request body before anything reads it. */
export function bodyLimits(req: Request, res: Response, next: NextFunction) {
  const declared = req.get('Content-Length')
  const chunked = req.get('Transfer-Encoding') !== undefined
  if (!chunked && (declared === undefined || declared === '0')) return next()
  const contentType = req.get('Content-Type')
  const rule = bodyRuleFor(req.path, contentType)
  const tooLarge = () => refuse(req, res, 413, 'limits.tooLarge', { max: formatBytes(rule.limit) })
  if (!chunked && !(Number(declared) <= rule.limit)) return tooLarge()
  if (!rule.accepts(contentType)) {
    return refuse(req, res, 415, 'limits.unsupportedType', { expected: rule.expected, received: mediaType(contentType) || '-' })
  }
  let received = 0
  const count = (chunk: Buffer) => {
    received += chunk.length
    if (received <= rule.limit) return
    req.off('data', count)
    // Whoever reads the body fails now, so neither a cut-off nor an oversized body is used.
    if (req.listenerCount('error') > 0) req.emit('error', new BodyTooLargeError(rule.limit))
    tooLarge()
  }
  // Paused first, so counting does not start the flow before the reader is attached.
  req.pause()
  req.on('data', count)
  // A page that answered without reading the whole body (a refusal before parsing) does not
  // go on to read the rest of what may be a huge upload: the connection is closed instead.
  res.on('finish', () => {
    if (req.complete || refused.has(req)) return
    lingerThenClose(req.socket)
    ;(req.socket as Socket & { destroySoon(): void }).destroySoon()
  })
  next()
}

/**
 * Express error middleware after the app: once a body was refused, the reader that was cut
 * off fails and cannot answer any more; that is expected, not an error to report.
 */
export function afterBodyRefusal(error: unknown, req: Request, res: Response, next: NextFunction) {
  if (refused.has(req) && res.headersSent) return
  next(error)
}
