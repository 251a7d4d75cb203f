import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { z } from 'zod'
import { localeCookie } from '#app/i18n/locale.server.ts'
import { locales } from '#app/i18n/locale.ts'
import { requestOrigin, safeRedirectTarget } from '#app/lib/redirect-target.server.ts'
import { setUserLocale } from '#app/modules/auth/accounts.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { redirectToSchema } from '#app/modules/auth/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

const schema = z.object({ locale: z.enum(locales), redirectTo: redirectToSchema })

export const action = pageAction(async ({ request }: ActionFunctionArgs) => {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const user = await getUser(request)
  if (user) await setUserLocale(user.id, parsed.data.locale)
  return redirect(safeRedirectTarget(parsed.data.redirectTo, requestOrigin(request)), { headers: { 'Set-Cookie': localeCookie(parsed.data.locale) } })
})

export const loader = pageLoader(async () => {
  return redirect('/')
})
