// Per-request state shared by the HTTP server and the app: request id, CSP nonce, the
// scheme the request arrived by (request-scheme.server.ts), and the cookies the app wants
// set on the response (a refreshed session). Kept on globalThis so
// the server entry and the built app bundle see the same storage.
import { AsyncLocalStorage } from 'node:async_hooks'

export type RequestContext = {
  requestId: string
  nonce: string
  clientIp: string
  /** Reached over HTTPS (directly, via a trusted proxy, or an https APP_ORIGIN). */
  https: boolean
  /** Production over plain HTTP at a host other than loopback. */
  servedInClear: boolean
  setCookies: string[]
  memo: Map<string, unknown>
}

const KEY = Symbol.for('lianqiao.request-context')
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> }
export const requestContextStorage = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>())

export function currentRequestContext(): RequestContext | undefined {
  return requestContextStorage.getStore()
}

/** Computes a value once per request (outside a request, every time). */
export async function memoPerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const context = currentRequestContext()
  if (!context) return compute()
  if (!context.memo.has(key)) context.memo.set(key, compute())
  return context.memo.get(key) as Promise<T>
}

/** The client's address as the HTTP server saw it (for rate limits). */
export function clientIp(): string {
  return currentRequestContext()?.clientIp ?? 'unknown'
}
