import { cookieFromHeader, serializeCookie, type CookieDefinition } from '#app/lib/cookies.server.ts'
import { isLocale, localeFromAcceptLanguage, type Locale } from './locale.ts'

const LOCALE_COOKIE: CookieDefinition = { name: 'lq_lang', httpOnly: false, maxAge: 31536000 }

function chosenIn(cookieHeader: string | null | undefined): Locale | null {
  const chosen = cookieFromHeader(cookieHeader, LOCALE_COOKIE)
  return isLocale(chosen) ? chosen : null
}

/** The language the reader chose with the language switch, if any. */
export function chosenLocale(request: Request): Locale | null {
  return chosenIn(request.headers.get('Cookie'))
}

/** The reader's language from raw headers: their explicit choice (cookie) first, then the browser's. */
export function localeOfHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return chosenIn(cookieHeader) ?? localeFromAcceptLanguage(acceptLanguage ?? null)
}

/** The reader's language: their explicit choice (cookie) first, then the browser's. */
export function requestLocale(request: Request): Locale {
  return localeOfHeaders(request.headers.get('Cookie'), request.headers.get('Accept-Language'))
}

export function localeCookie(locale: Locale) {
  return serializeCookie(LOCALE_COOKIE, locale)
}
