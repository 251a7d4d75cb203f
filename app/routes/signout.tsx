import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { getSessionId } from '#app/modules/auth/permissions.server.ts'
import { clearedSessionCookie, invalidateSession } from '#app/modules/auth/session.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const action = pageAction(async ({ request }: ActionFunctionArgs) => {
  const sessionId = await getSessionId(request)
  if (sessionId) await invalidateSession(sessionId)
  return redirectWithToast('/', 'auth.signedOut', { headers: { 'Set-Cookie': clearedSessionCookie() } })
})

export const loader = pageLoader(async () => {
  return redirect('/')
})
