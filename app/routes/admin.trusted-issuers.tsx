// Admins: the trusted external issuers — credentials students import from these DIDs count
// as verified evidence. List, add, remove; every change is in the audit log.
import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { pageTitle } from '#app/i18n/page-title.ts'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { distrustExternalIssuer, trustedExternalIssuers, trustExternalIssuer } from '#app/modules/credentials/external.server.ts'
import { distrustIssuerSchema, trustedIssuerKinds, trustIssuerSchema } from '#app/modules/credentials/schemas.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'admin')
  return { issuers: await trustedExternalIssuers(user) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent }) => {
  const user = await requireRole(request, 'admin')
  const formData = await request.formData()
  if (intent(formData, ['trust', 'distrust']) === 'distrust') {
    const submission = parseForm(formData, distrustIssuerSchema)
    if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
    await distrustExternalIssuer(user, submission.value.issuerId)
    return redirectWithToast('/admin/trusted-issuers', 'trustedIssuers.removed')
  }
  const submission = parseForm(formData, trustIssuerSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await trustExternalIssuer(user, submission.value)
  return redirectWithToast('/admin/trusted-issuers', 'trustedIssuers.added')
})

export const meta = pageTitle('title.trustedIssuers')

export default function TrustedIssuers() {
  const { issuers } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  const [form, fields] = useForm({
    id: 'trust-issuer',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trustIssuerSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="stack">
      <h1>{t('trustedIssuers.title')}</h1>
      <p className="hint">{t('trustedIssuers.intro')}</p>
      {issuers.length === 0 ? (
        <p>{t('trustedIssuers.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('trustedIssuers.nameZh')}</th>
              <th scope="col">{t('trustedIssuers.nameEn')}</th>
              <th scope="col">{t('trustedIssuers.kind')}</th>
              <th scope="col">{t('trustedIssuers.did')}</th>
              <th scope="col">{t('trustedIssuers.note')}</th>
              <th scope="col">{t('trustedIssuers.credentials')}</th>
              <th scope="col">{t('trustedIssuers.addedOn')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('trustedIssuers.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {issuers.map((issuer) => (
              <tr key={issuer.id}>
                <td>{issuer.nameZh}</td>
                <td>{issuer.nameEn}</td>
                <td>{t(`trustedIssuers.kind.${issuer.kind}`)}</td>
                <td>
                  <code className="token">{issuer.did}</code>
                </td>
                <td>{issuer.note}</td>
                <td>{issuer._count.credentials}</td>
                <td>{formatDate(issuer.createdAt, 'date')}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="issuerId" value={issuer.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="distrust"
                      className="button danger"
                      aria-label={t('trustedIssuers.removeLabel', { name: pickText(locale, issuer.nameZh, issuer.nameEn) })}
                    >
                      {t('trustedIssuers.remove')}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="trust-issuer-heading" className="card">
        <h2 id="trust-issuer-heading">{t('trustedIssuers.add')}</h2>
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field
            field={fields.did}
            label={t('trustedIssuers.did')}
            hint={t('trustedIssuers.didHint')}
            inputProps={{ spellCheck: false, autoComplete: 'off' }}
          />
          <Field field={fields.nameZh} label={t('trustedIssuers.nameZh')} />
          <Field field={fields.nameEn} label={t('trustedIssuers.nameEn')} />
          <div className="field">
            <label htmlFor={fields.kind.id}>{t('trustedIssuers.kind')}</label>
            <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
              {trustedIssuerKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`trustedIssuers.kind.${kind}`)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
          </div>
          <Field field={fields.note} label={t('trustedIssuers.note')} />
          <SubmitButton name="intent" value="trust">
            {t('trustedIssuers.add')}
          </SubmitButton>
        </Form>
      </section>
    </section>
  )
}
