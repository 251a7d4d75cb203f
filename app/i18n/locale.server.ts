import { readCookie } from '#app/modules/auth/session.server.ts'
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from './locale.ts'
import { env } from '#app/lib/env.server.ts'

/** The reader's language: their explicit choice (cookie) first, then the browser's. */
export function requestLocale(request: Request): Locale {
  const chosen = readCookie(request, LOCALE_COOKIE)
  if (isLocale(chosen)) return chosen
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'))
}

export function localeCookie(locale: Locale) {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${env.isProduction ? '; Secure' : ''}`
}
