import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { requireEventOrganizer } from '#app/modules/auth/permissions.server.ts'
import { checkIn } from '#app/modules/events/checkin.server.ts'
import { getEventForEdit } from '#app/modules/events/events.server.ts'
import { checkInSchema } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requireEventOrganizer(request, params.id ?? '')
  const event = await getEventForEdit(params.id ?? '')
  return { event: { id: event.id, titleZh: event.titleZh, titleEn: event.titleEn } }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireEventOrganizer(request, params.id ?? '')
  const submission = parseForm(await request.formData(), checkInSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const person = await checkIn(params.id ?? '', submission.value.ticket, user.id)
  return { result: submission.reply({ resetForm: true }), person }
})

export const meta: MetaFunction = () => [{ title: '签到 · Check-in · 链桥 Lianqiao' }]

export default function CheckIn() {
  const { event } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const person = actionData && 'person' in actionData ? actionData.person : null
  const [form, fields] = useForm<{ ticket: string }>({ id: 'checkin', lastResult: actionData?.result })
  return (
    <section className="narrow stack">
      <p>
        <Link to={`/organize/events/${event.id}`}>{t('common.back')}</Link>
      </p>
      <h1>{t('organize.checkinTitle')}</h1>
      <p>{pickText(locale, event.titleZh, event.titleEn)}</p>
      {person ? (
        <div role="status" className="toast">
          <p>
            <strong>{t('organize.checkinOk', { name: person.name })}</strong>
          </p>
          <p>
            {person.university ? pickText(locale, person.university.zh, person.university.en) : null}
            {person.team ? ` · ${person.team}` : null}
          </p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="checkin-form">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          field={fields.ticket}
          label={t('organize.checkinInput')}
          inputProps={{ className: 'checkin-input', autoFocus: true, autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false, inputMode: 'text' }}
        />
        <SubmitButton>{t('organize.checkinSubmit')}</SubmitButton>
      </Form>
    </section>
  )
}
