// /company/profile — the company's profile and logo (checked by content, at most 1 MB).
import { getFormProps, getInputProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { logoUpload } from '#app/lib/upload-limits.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { getCompanyProfile, memberCompanyId, updateCompanyProfile } from '#app/modules/companies/companies.server.ts'
import { companyProfileSchema } from '#app/modules/companies/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'company_member')
  const companyId = memberCompanyId(user, null)
  if (!companyId) throw notFoundResponse()
  return { company: await getCompanyProfile(user, companyId) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'company_member')
  const companyId = memberCompanyId(user, null)
  if (!companyId) throw notFoundResponse()
  const formData = await readUploadForm(request, logoUpload)
  const submission = parseForm(formData, companyProfileSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const logo = formData.get('logo')
  await updateCompanyProfile(user, companyId, submission.value, logo instanceof Blob && logo.size > 0 ? new Uint8Array(await logo.arrayBuffer()) : null)
  return redirectWithToast('/company', 'companies.saved')
})

export default function CompanyProfile() {
  const { company } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'company-profile',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    defaultValue: {
      nameZh: company.nameZh ?? '',
      nameEn: company.nameEn ?? '',
      city: company.city,
      descriptionZh: company.descriptionZh ?? '',
      descriptionEn: company.descriptionEn ?? '',
      website: company.website ?? '',
      parkIncubated: company.parkIncubated ? 'on' : undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: companyProfileSchema, errorMap: errorMapFor(locale) }),
  })
  const logoErrors = (actionData?.result as { error?: Record<string, string[] | null> } | undefined)?.error?.logo ?? undefined
  return (
    <section className="stack narrow-wide">
      <h1>{t('companies.profileTitle')}</h1>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.nameZh} label={t('companies.nameZh')} />
        <Field field={fields.nameEn} label={t('companies.nameEn')} />
        <Field field={fields.city} label={t('companies.city')} />
        {(['descriptionZh', 'descriptionEn'] as const).map((name) => {
          const props = getTextareaProps(fields[name])
          return (
            <div className="field" key={name}>
              <label htmlFor={fields[name].id}>{t(name === 'descriptionZh' ? 'companies.descriptionZh' : 'companies.descriptionEn')}</label>
              <textarea {...props} key={props.key} rows={6} />
              <ErrorList id={fields[name].errorId} errors={fields[name].errors} />
            </div>
          )
        })}
        <Field field={fields.website} label={t('companies.website')} type="url" />
        <div className="field checkbox">
          <input {...getInputProps(fields.parkIncubated, { type: 'checkbox' })} aria-describedby="park-hint" />
          <label htmlFor={fields.parkIncubated.id}>{t('companies.parkClaim')}</label>
          <p id="park-hint" className="hint">
            {t('companies.parkClaimHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="company-logo">{t('companies.logo')}</label>
          {company.logoKey ? <img className="company-logo" src={`/companies/${company.id}/logo`} alt="" width={64} height={64} /> : null}
          <input
            id="company-logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby="logo-hint"
            aria-invalid={logoErrors ? true : undefined}
          />
          <p id="logo-hint" className="hint">
            {t('companies.logoHint')}
          </p>
          <ErrorList errors={logoErrors} />
        </div>
        {company.logoKey ? (
          <div className="field checkbox">
            <input {...getInputProps(fields.removeLogo, { type: 'checkbox' })} />
            <label htmlFor={fields.removeLogo.id}>{t('companies.removeLogo')}</label>
          </div>
        ) : null}
        <SubmitButton>{t('common.save')}</SubmitButton>
      </Form>
    </section>
  )
}
