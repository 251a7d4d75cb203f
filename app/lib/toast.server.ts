// One-shot messages shown after a redirect ("Saved", "Signed out"), kept in a short-lived
// cookie so they survive the redirect without JavaScript.
import { redirect } from '@remix-run/node'
import type { MessageKey } from '#app/i18n/translate.ts'
import { isMessageKey } from '#app/i18n/translate.ts'
import { expiredCookie, readCookie, serializeCookie, type CookieDefinition } from './cookies.server.ts'
import { currentRequestContext } from './request-context.server.ts'

const TOAST_COOKIE: CookieDefinition = { name: 'lq_toast', httpOnly: true, maxAge: 60 }

export function redirectWithToast(url: string, key: MessageKey, init?: { headers?: HeadersInit }) {
  const headers = new Headers(init?.headers)
  headers.append('Set-Cookie', serializeCookie(TOAST_COOKIE, key))
  return redirect(url, { headers })
}

/** Reads the pending toast and clears it on this response. */
export function takeToast(request: Request): MessageKey | null {
  const value = readCookie(request, TOAST_COOKIE)
  if (!value) return null
  currentRequestContext()?.setCookies.push(expiredCookie(TOAST_COOKIE))
  return isMessageKey(value) ? value : null
}
