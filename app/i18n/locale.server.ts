import { cookieFromHeader, serializeCookie, type CookieDefinition } from '#app/lib/cookies.server.ts'
import { isLocale, localeFromAcceptLanguage, type Locale } from './locale.ts'

const LOCALE_COOKIE: CookieDefinition = { name: 'lq_lang', httpOnly: false, maxAge: 31536000 }

/** The language the reader chose with the language switch, if any. */
export function chosenLocale(request: Request): Locale | null {
  return chosenLocaleOf(request.headers.get('Cookie'))
}

function chosenLocaleOf(cookieHeader: string | null | undefined): Locale | null {
  const chosen = cookieFromHeader(cookieHeader, LOCALE_COOKIE)
  return isLocale(chosen) ? chosen : null
}

/** The reader's language: their explicit choice (cookie) first, then the browser's. */
export function requestLocale(request: Request): Locale {
  return localeOfHeaders(request.headers.get('Cookie'), request.headers.get('Accept-Language'))
}

/** The same, from raw headers (for middleware that has no Fetch Request). */
export function localeOfHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return chosenLocaleOf(cookieHeader) ?? localeFromAcceptLanguage(acceptLanguage ?? null)
}

export function localeCookie(locale: Locale) {
  return serializeCookie(LOCALE_COOKIE, locale)
}
