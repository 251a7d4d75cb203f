// One-shot messages shown after a redirect ("Saved", "Signed out"), kept in a short-lived
// cookie so they survive the redirect without JavaScript.
import { redirect } from '@remix-run/node'
import type { MessageKey } from '#app/i18n/translate.ts'
import { isMessageKey } from '#app/i18n/translate.ts'
import { readCookie } from '#app/modules/auth/session.server.ts'
import { env } from './env.server.ts'
import { currentRequestContext } from './request-context.server.ts'

const TOAST_COOKIE = 'lq_toast'

function cookie(value: string, maxAge: number) {
  return `${TOAST_COOKIE}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${env.isProduction ? '; Secure' : ''}`
}

export function redirectWithToast(url: string, key: MessageKey, init?: { headers?: HeadersInit }) {
  const headers = new Headers(init?.headers)
  headers.append('Set-Cookie', cookie(key, 60))
  return redirect(url, { headers })
}

/** Reads the pending toast and clears it on this response. */
export function takeToast(request: Request): MessageKey | null {
  const value = readCookie(request, TOAST_COOKIE)
  if (!value) return null
  currentRequestContext()?.setCookies.push(cookie('', 0))
  return isMessageKey(value) ? value : null
}
