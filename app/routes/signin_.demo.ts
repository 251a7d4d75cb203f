// "Try as": one click signs in as a demo persona (the sign-in page's buttons post here; the
// server's Origin check applies). Not found in production or on an external database.
import type { ActionFunctionArgs } from '@remix-run/node'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { notFoundResponse, requireAnonymous, requireDemoPersonas } from '#app/modules/auth/permissions.server.ts'
import { startSessionAndRedirect } from '#app/modules/auth/sign-in-flow.server.ts'
import { demoPersonaSignIn } from '#app/modules/demo/personas.server.ts'
import { demoPersonaSchema } from '#app/modules/demo/personas.ts'

export const loader = pageLoader(async () => {
  throw notFoundResponse()
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  requireDemoPersonas()
  await requireAnonymous(request)
  const submission = parseForm(await request.formData(), demoPersonaSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const { userId, landing } = await demoPersonaSignIn(submission.value.persona)
  return await startSessionAndRedirect(request, userId, landing)
})
