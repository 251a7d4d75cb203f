// The cookies the app sets (session, language, toast): one way to name, read and write
// them. Every cookie is Path=/, SameSite=Lax and has no Domain. When the request arrived
// over HTTPS it is also `Secure` and its name carries the `__Host-` prefix, so neither
// plain HTTP nor a sibling subdomain can set or overwrite it. Over plain HTTP it is
// neither: browsers drop a Secure cookie at every http:// host but localhost, and nobody
// could sign in at a LAN address or an intranet name (docs/decisions/012).
import { requestIsHttps } from './request-scheme.server.ts'

export type CookieDefinition = {
  /** The name without the `__Host-` prefix. */
  name: string
  httpOnly: boolean
  /** Lifetime in seconds; without it the value says when it expires (or it ends with the browser). */
  maxAge?: number
}

/** The name the cookie has on this request. */
export function cookieName(definition: CookieDefinition): string {
  return requestIsHttps() ? `__Host-${definition.name}` : definition.name
}

/** The cookie's value on the request, under the name that applies to it; null when absent. */
export function readCookie(request: Request, definition: CookieDefinition): string | null {
  return cookieFromHeader(request.headers.get('Cookie'), definition)
}

/** The cookie's value in a raw Cookie header (for middleware that has no Fetch Request). */
export function cookieFromHeader(header: string | null | undefined, definition: CookieDefinition): string | null {
  if (!header) return null
  const name = cookieName(definition)
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index < 0 || part.slice(0, index).trim() !== name) continue
    try {
      return decodeURIComponent(part.slice(index + 1).trim())
    } catch {
      return null
    }
  }
  return null
}

/** A Set-Cookie value storing `value`; `expires` overrides the definition's lifetime. */
export function serializeCookie(definition: CookieDefinition, value: string, options: { expires?: Date } = {}): string {
  const lifetime = options.expires ? `Expires=${options.expires.toUTCString()}` : definition.maxAge !== undefined ? `Max-Age=${definition.maxAge}` : null
  return attributes(definition, encodeURIComponent(value), lifetime)
}

/** A Set-Cookie value that removes the cookie. */
export function expiredCookie(definition: CookieDefinition): string {
  return attributes(definition, '', 'Max-Age=0')
}

function attributes(definition: CookieDefinition, value: string, lifetime: string | null) {
  return [
    `${cookieName(definition)}=${value}`,
    'Path=/',
    ...(lifetime ? [lifetime] : []),
    ...(definition.httpOnly ? ['HttpOnly'] : []),
    'SameSite=Lax',
    ...(requestIsHttps() ? ['Secure'] : []),
  ].join('; ')
}
