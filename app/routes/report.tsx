// /report?targetType=role&targetId=… — anyone signed in reports a role, company, message,
// event or contest submission (once; rate-limited). The one-click report under a warned
// message posts here directly.
import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Honeypot, SubmitButton, TextAreaField } from '#app/components/forms.tsx'
import { reportReasonKeys, reportTargetKeys } from '#app/modules/moderation/labels.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { fileReport } from '#app/modules/moderation/reports.server.ts'
import { reportReasons, reportSchema, reportTargets, type ReportTargetType } from '#app/modules/moderation/schemas.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireUser(request)
  const params = new URL(request.url).searchParams
  const targetType = params.get('targetType')
  return {
    targetType: (reportTargets as readonly string[]).includes(targetType ?? '') ? (targetType as ReportTargetType) : 'role',
    targetId: (params.get('targetId') ?? '').slice(0, 100),
  }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireUser(request)
  const submission = parseForm(await request.formData(), reportSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await fileReport(user, submission.value)
  return redirectWithToast('/reports', 'trust.report.sent')
})

export default function ReportPage() {
  const { targetType, targetId } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'report',
    lastResult: actionData?.result,
    defaultValue: { targetType, targetId, reason: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reportSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="stack narrow">
      <h1>
        {t('trust.report.title')} · {t(reportTargetKeys[targetType])}
      </h1>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Honeypot />
        <input type="hidden" name={fields.targetType.name} value={targetType} />
        <input type="hidden" name={fields.targetId.name} value={targetId} />
        <div className="field">
          <label htmlFor={fields.reason.id}>{t('trust.report.reason')}</label>
          <select {...getSelectProps(fields.reason)} key={fields.reason.key}>
            <option value="" />
            {reportReasons.map((reason) => (
              <option key={reason} value={reason}>
                {t(reportReasonKeys[reason])}
              </option>
            ))}
          </select>
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <TextAreaField field={fields.details} label={t('trust.report.details')} rows={5} />
        <SubmitButton>{t('trust.report.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
