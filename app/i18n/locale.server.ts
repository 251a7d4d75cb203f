import { readCookie, serializeCookie, type CookieDefinition } from '#app/lib/cookies.server.ts'
import { isLocale, localeFromAcceptLanguage, type Locale } from './locale.ts'

const LOCALE_COOKIE: CookieDefinition = { name: 'lq_lang', httpOnly: false, maxAge: 31536000 }

/** The language the reader chose with the language switch, if any. */
export function chosenLocale(request: Request): Locale | null {
  const chosen = readCookie(request, LOCALE_COOKIE)
  return isLocale(chosen) ? chosen : null
}

/** The reader's language: their explicit choice (cookie) first, then the browser's. */
export function requestLocale(request: Request): Locale {
  return chosenLocale(request) ?? localeFromAcceptLanguage(request.headers.get('Accept-Language'))
}

export function localeCookie(locale: Locale) {
  return serializeCookie(LOCALE_COOKIE, locale)
}
