// /company/verification — the company applies for licence verification (legal name, credit
// code, business licence, contact person) and sees where its application stands.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { shanghaiDay } from '#app/lib/time.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { licenceUpload } from '#app/lib/upload-limits.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { memberCompanyId } from '#app/modules/companies/companies.server.ts'
import { verificationApplicationSchema } from '#app/modules/verification/schemas.ts'
import { applyForVerification, verificationForCompany } from '#app/modules/verification/verification.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'company_member')
  const companyId = memberCompanyId(user, null)
  if (!companyId) throw notFoundResponse()
  const status = await verificationForCompany(user, companyId)
  return {
    verifiedOn: status.verifiedAt ? shanghaiDay(status.verifiedAt) : null,
    legalName: status.legalName,
    creditCode: status.creditCode,
    latest: status.latest ? { ...status.latest, sentOn: shanghaiDay(status.latest.createdAt) } : null,
  }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'company_member')
  const companyId = memberCompanyId(user, null)
  if (!companyId) throw notFoundResponse()
  const formData = await readUploadForm(request, licenceUpload)
  const submission = parseForm(formData, verificationApplicationSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const licence = formData.get('licence')
  await applyForVerification(
    user,
    companyId,
    submission.value,
    licence instanceof Blob && licence.size > 0 ? new Uint8Array(await licence.arrayBuffer()) : null,
  )
  return redirectWithToast('/company/verification', 'trust.verification.submitted')
})

export default function CompanyVerification() {
  const { verifiedOn, legalName, creditCode, latest } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'verification',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    defaultValue: {
      legalName: latest?.legalName ?? legalName ?? '',
      creditCode: latest?.creditCode ?? creditCode ?? '',
      contactName: latest?.contactName ?? '',
      contactPhone: latest?.contactPhone ?? '',
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: verificationApplicationSchema, errorMap: errorMapFor(locale) }),
  })
  const licenceErrors = (actionData?.result as { error?: Record<string, string[] | null> } | undefined)?.error?.licence ?? undefined
  return (
    <section className="stack narrow">
      <h1>{t('trust.verification.title')}</h1>
      {verifiedOn ? (
        <p className="notice" role="status">
          <span className="tag ok">{t('trust.verification.verifiedSince', { date: verifiedOn })}</span> {legalName} · {creditCode}
        </p>
      ) : null}
      {latest?.status === 'pending' ? (
        <p className="notice" role="status">
          {t('trust.verification.pending', { date: latest.sentOn })}
        </p>
      ) : null}
      {latest?.status === 'rejected' ? (
        <p className="notice warning" role="alert">
          {t('trust.verification.rejected', { note: latest.decisionNote ?? '' })}
        </p>
      ) : null}
      <p>{t('trust.verification.intro')}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.legalName} label={t('trust.verification.legalName')} />
        <Field field={fields.creditCode} label={t('trust.verification.creditCode')} />
        <div className="field">
          <label htmlFor="licence">{t('trust.verification.licence')}</label>
          <input
            id="licence"
            name="licence"
            type="file"
            accept="image/png,image/jpeg,image/webp,application/pdf"
            aria-invalid={licenceErrors ? true : undefined}
            aria-describedby="licence-errors"
          />
          <ErrorList id="licence-errors" errors={licenceErrors} />
        </div>
        <Field field={fields.contactName} label={t('trust.verification.contactName')} />
        <Field field={fields.contactPhone} label={t('trust.verification.contactPhone')} type="tel" />
        <SubmitButton>{t('trust.verification.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
