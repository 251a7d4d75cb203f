// Whether a request reached Lianqiao over HTTPS, and from which origin, decided once per
// request in server.ts and carried in the request context. X-Forwarded-Proto and
// -Host count only from TRUST_PROXY addresses: server.ts gives Express's `trust proxy`
// that setting, and Express's req.protocol and req.hostname apply it.
import type { Request as ExpressRequest } from 'express'
import { env } from './env.server.ts'
import { logger } from './logger.server.ts'
import { currentRequestContext } from './request-context.server.ts'

export type RequestScheme = {
  /** Cookies are Secure with the __Host- prefix, and HSTS is sent. */
  https: boolean
  /** The origin a same-site browser request names in its Origin header. */
  origin: string
  /** A production request over plain HTTP to a host other than this machine. */
  servedInClear: boolean
}

const appOrigin = env.APP_ORIGIN ? new URL(env.APP_ORIGIN) : null
// An https:// APP_ORIGIN says a TLS proxy is in front, whatever the last hop says.
const appOriginIsHttps = appOrigin?.protocol === 'https:'

type TrustFunction = (address: string | undefined, hop: number) => boolean

export function requestScheme(req: ExpressRequest): RequestScheme {
  const trusted = (req.app.get('trust proxy fn') as TrustFunction)(req.socket.remoteAddress, 0)
  const forwardedHost = trusted ? req.get('X-Forwarded-Host')?.split(',')[0]?.trim() : undefined
  const host = forwardedHost || req.get('Host') || req.hostname
  const https = req.protocol === 'https' || appOriginIsHttps
  return {
    https,
    origin: appOrigin?.origin ?? `${req.protocol}://${host}`,
    servedInClear: env.isProduction && !https && !isLoopbackHost(req.hostname),
  }
}

/** Whether the current request is secure; outside a request, whether APP_ORIGIN is https. */
export function requestIsHttps(): boolean {
  return currentRequestContext()?.https ?? appOriginIsHttps
}

/** Whether the current request is production over plain HTTP at a non-loopback host. */
export function servedInClear(): boolean {
  return currentRequestContext()?.servedInClear ?? false
}

export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name)
}

const CLEAR_TEXT_WARNING =
  'served over plain HTTP: sessions and passwords travel in clear text. Put a TLS proxy in front and set APP_ORIGIN=https://… (README: "Reaching Lianqiao from another device")'

/**
 * At start-up, production only: a warning when other machines will reach the app over
 * plain HTTP, that is when APP_ORIGIN is http:// at a non-loopback host, or when there is
 * no APP_ORIGIN and the server listens beyond loopback.
 */
export function startupClearTextWarning(): string | null {
  if (!env.isProduction || appOriginIsHttps) return null
  if (appOrigin) return isLoopbackHost(appOrigin.hostname) ? null : `${appOrigin.origin} is ${CLEAR_TEXT_WARNING}`
  if (env.HOST && isLoopbackHost(env.HOST)) return null
  return `Lianqiao listens on ${env.HOST ?? 'every interface'} (port ${env.PORT}) and is ${CLEAR_TEXT_WARNING}`
}

let warnedAboutRequest = false

/** Logs the first request that arrived in clear text from another machine's point of view. */
export function warnOnFirstClearTextRequest(scheme: RequestScheme, host: string) {
  if (!scheme.servedInClear || warnedAboutRequest) return
  warnedAboutRequest = true
  logger.warn({ host }, `A request for ${host} was ${CLEAR_TEXT_WARNING}`)
}
