import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { EventForm } from '#app/components/events/event-form.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { useT } from '#app/i18n/use-t.ts'
import { errorReply, invalidReply, parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { createEvent } from '#app/modules/events/events.server.ts'
import { eventFormSchema } from '#app/modules/events/schemas.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'organizer', 'admin')
  return {}
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'organizer', 'admin')
  const locale = requestLocale(request)
  const submission = parseForm(await request.formData(), eventFormSchema, locale)
  if (submission.status !== 'success') return invalidReply(submission)
  try {
    const event = await createEvent(submission.value, user)
    return redirectWithToast(`/organize/events/${event.id}`, 'organize.created')
  } catch (error) {
    return errorReply(submission, error, locale)
  }
}

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
