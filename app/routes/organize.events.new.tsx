import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { EventForm } from '#app/components/events/event-form.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { createEvent } from '#app/modules/events/events.server.ts'
import { eventFormSchema } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  await requireRole(request, 'organizer', 'admin')
  return { skillSearch: await skillPickerSearch(request, locale) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'organizer', 'admin')
  const submission = parseForm(await request.formData(), eventFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const event = await createEvent(user, submission.value)
  return redirectWithToast(`/organize/events/${event.id}`, 'organize.created')
})

export const meta: MetaFunction = pageTitle('title.newEvent')

export default function NewEvent() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const { skillSearch } = useLoaderData<typeof loader>()
  return (
    <section className="stack">
      <h1>{t('organize.newEvent')}</h1>
      <EventForm
        lastResult={actionData?.result}
        defaults={{ kind: 'lecture', eligibility: 'students' }}
        submitLabel={t('common.create')}
        skills={[]}
        skillSearch={skillSearch}
      />
    </section>
  )
}
