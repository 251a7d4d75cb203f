// What happens after credentials are accepted: a new session cookie and a redirect.
import { redirect } from '@remix-run/node'
import type { MessageKey } from '#app/i18n/translate.ts'
import { clientIp } from '#app/lib/request-context.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { createSession, sessionCookie } from './session.server.ts'

export async function startSessionAndRedirect(request: Request, userId: string, to: string, toast?: MessageKey) {
  const { token, expiresAt } = await createSession(userId, {
    userAgent: request.headers.get('User-Agent'),
    ip: clientIp(),
  })
  const headers = { 'Set-Cookie': sessionCookie(token, expiresAt) }
  return toast ? redirectWithToast(to, toast, { headers }) : redirect(to, { headers })
}

/** Bots fill the hidden field; a filled one is answered like a normal failure. */
export function isHoneypotFilled(formData: FormData) {
  const value = formData.get('website_url')
  return typeof value === 'string' && value.length > 0
}
