import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { EventForm } from '#app/components/events/event-form.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireEventOrganizer } from '#app/modules/auth/permissions.server.ts'
import { getEventForEdit, updateEvent } from '#app/modules/events/events.server.ts'
import { eventFormSchema, questionLines } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { chosenSkills, skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { toDateTimeLocal } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  await requireEventOrganizer(request, params.id ?? '')
  const [event, skillSearch] = await Promise.all([getEventForEdit(params.id ?? ''), skillPickerSearch(request, locale)])
  const defaults: Record<string, string | undefined> = {
    key: event.key ?? undefined,
    kind: event.kind,
    titleZh: event.titleZh ?? undefined,
    titleEn: event.titleEn ?? undefined,
    descriptionZh: event.descriptionZh ?? undefined,
    descriptionEn: event.descriptionEn ?? undefined,
    venue: event.venue ?? undefined,
    onlineUrl: event.onlineUrl ?? undefined,
    startsAt: toDateTimeLocal(event.startsAt),
    endsAt: toDateTimeLocal(event.endsAt),
    registrationOpensAt: toDateTimeLocal(event.registrationOpensAt),
    registrationClosesAt: toDateTimeLocal(event.registrationClosesAt),
    capacity: event.capacity?.toString(),
    waitlist: event.waitlist ? 'on' : undefined,
    approvalRequired: event.approvalRequired ? 'on' : undefined,
    eligibility: event.eligibility,
    questions: questionLines(event.questions),
    rulesZh: event.rulesZh ?? undefined,
    rulesEn: event.rulesEn ?? undefined,
    teamSizeMin: event.teamSizeMin?.toString(),
    teamSizeMax: event.teamSizeMax?.toString(),
    submissionDeadline: toDateTimeLocal(event.submissionDeadline),
    tracks: event.tracks.map((tr) => [tr.key, tr.nameZh ?? '', tr.nameEn ?? ''].join(' | ')).join('\n'),
  }
  return { id: event.id, defaults, skills: chosenSkills(locale, event.skills), skillSearch }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireEventOrganizer(request, params.id ?? '')
  const submission = parseForm(await request.formData(), eventFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await updateEvent(user, params.id ?? '', submission.value)
  return redirectWithToast(`/organize/events/${params.id}`, 'organize.updated')
})

export const meta: MetaFunction = pageTitle('title.editEvent')

export default function EditEvent() {
  const { defaults, skills, skillSearch } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('organize.editEvent')}</h1>
      <EventForm defaults={defaults} lastResult={actionData?.result} submitLabel={t('common.save')} skills={skills} skillSearch={skillSearch} />
    </section>
  )
}
