// /admin/verifications — licence-verification applications: approve, or reject with a
// reason the company sees. A code another company holds or applied with is marked duplicate.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { verificationDecisionSchema } from '#app/modules/verification/schemas.ts'
import { decideVerification, verificationQueue } from '#app/modules/verification/verification.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireRole(request, 'admin')
  return { applications: await verificationQueue(admin) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { about, locale }) => {
  const admin = await requireRole(request, 'admin')
  // Parsed without the page's form tools: a service error shows as `error` beside the row.
  const submission = parseForm(await request.formData(), verificationDecisionSchema, locale)
  if (submission.status !== 'success') {
    return data({ subject: String(submission.payload.applicationId ?? ''), error: translate(locale, 'trust.review.reasonRequired') }, { status: 400 })
  }
  const decision = submission.value
  about(decision.applicationId)
  await decideVerification(admin, decision.applicationId, decision.intent === 'approve' ? { approve: true } : { approve: false, note: decision.note })
  return redirectWithToast('/admin/verifications', decision.intent === 'approve' ? 'trust.verification.approvedToast' : 'trust.verification.rejectedToast')
})

export default function AdminVerifications() {
  const { applications } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('trust.verification.queueTitle')}</h1>
      {applications.length === 0 ? <p>{t('trust.verification.queueEmpty')}</p> : null}
      {applications.map((application) => {
        const company = pickText(locale, application.company.name.zh, application.company.name.en)
        return (
          <article key={application.id} className="card stack" aria-label={company}>
            <h2>
              <Link to={`/companies/${application.company.id}`}>{company}</Link>
            </h2>
            {application.duplicateOf ? (
              <p className="notice warning">
                {t('trust.verification.duplicate', { company: pickText(locale, application.duplicateOf.name.zh, application.duplicateOf.name.en) })}
              </p>
            ) : null}
            <dl className="facts">
              <dt>{t('trust.verification.legalName')}</dt>
              <dd>{application.legalName}</dd>
              <dt>{t('trust.verification.creditCode')}</dt>
              <dd>
                <code>{application.creditCode}</code>
              </dd>
              <dt>{t('trust.verification.contactName')}</dt>
              <dd>
                {application.contactName} · {application.contactPhone}
              </dd>
            </dl>
            <p>
              <a href={`/admin/verifications/${application.id}/licence`}>{t('trust.verification.viewLicence')}</a> ({application.licenceType})
            </p>
            {actionData?.error && actionData.subject === application.id ? (
              <p className="notice warning" role="alert">
                {actionData.error}
              </p>
            ) : null}
            <Form method="post" className="inline">
              <input type="hidden" name="applicationId" value={application.id} />
              <SubmitButton name="intent" value="approve" className="button primary small">
                {t('trust.verification.approve')}
                <span className="visually-hidden"> {company}</span>
              </SubmitButton>
            </Form>
            <Form method="post" className="stack">
              <input type="hidden" name="applicationId" value={application.id} />
              <div className="field">
                <label htmlFor={`note-${application.id}`}>{t('trust.review.reasonLabel')}</label>
                <textarea id={`note-${application.id}`} name="note" required maxLength={1000} rows={2} />
              </div>
              <SubmitButton name="intent" value="reject" className="button small">
                {t('trust.verification.reject')}
                <span className="visually-hidden"> {company}</span>
              </SubmitButton>
            </Form>
          </article>
        )
      })}
    </section>
  )
}
