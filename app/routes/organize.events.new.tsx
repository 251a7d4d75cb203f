import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { EventForm } from '#app/components/events/event-form.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { createEvent } from '#app/modules/events/events.server.ts'
import { eventFormSchema } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, 'organizer', 'admin')
  return {}
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'organizer', 'admin')
  const submission = parseForm(await request.formData(), eventFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const event = await createEvent(submission.value, user)
  return redirectWithToast(`/organize/events/${event.id}`, 'organize.created')
})

export const meta: MetaFunction = () => [{ title: '创建活动 · New event · 链桥 Lianqiao' }]

export default function NewEvent() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  return (
    <section className="stack">
      <h1>{t('organize.newEvent')}</h1>
      <EventForm lastResult={actionData?.result} defaults={{ kind: 'lecture', eligibility: 'students' }} submitLabel={t('common.create')} />
    </section>
  )
}
