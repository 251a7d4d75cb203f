// /admin/reviews — roles the posting rules held back (off-platform contact, a stipend far
// outside the regional range): approve publishes, reject returns them with a reason.
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
import { roleReviewDecisionSchema } from '#app/modules/moderation/schemas.ts'
import { approveRole, rejectRole, rolesInReview } from '#app/modules/roles/posting-review.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireRole(request, 'admin')
  return { roles: await rolesInReview(admin) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { about, locale }) => {
  const admin = await requireRole(request, 'admin')
  // Parsed without the page's form tools: a service error shows as `error` beside the row.
  const submission = parseForm(await request.formData(), roleReviewDecisionSchema, locale)
  if (submission.status !== 'success') {
    return data({ subject: String(submission.payload.roleId ?? ''), error: translate(locale, 'trust.review.reasonRequired') }, { status: 400 })
  }
  const decision = submission.value
  about(decision.roleId)
  if (decision.intent === 'approve') await approveRole(admin, decision.roleId)
  else await rejectRole(admin, decision.roleId, decision.note)
  return redirectWithToast('/admin/reviews', decision.intent === 'approve' ? 'trust.review.approvedToast' : 'trust.review.rejectedToast')
})

export default function AdminReviews() {
  const { roles } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('trust.review.title')}</h1>
      {roles.length === 0 ? <p>{t('trust.review.empty')}</p> : null}
      {roles.map((role) => {
        const title = pickText(locale, role.title.zh, role.title.en)
        return (
          <article key={role.id} className="card stack" aria-label={title}>
            <h2>
              <Link to={`/roles/${role.id}`}>{title}</Link> · {pickText(locale, role.company.name.zh, role.company.name.en)}
            </h2>
            <ul>
              {role.reasons.includes('contact') ? (
                <li>
                  {t('trust.review.reason.contact')}
                  {role.contactPhrase ? ` — ${t('trust.review.found', { phrase: role.contactPhrase })}` : null}
                </li>
              ) : null}
              {role.reasons.includes('stipend') ? (
                <li>
                  {t('trust.review.reason.stipend')}: {role.stipend.min}–{role.stipend.max} ·{' '}
                  {t('trust.review.regionalRange', { low: role.regionalRange.low, high: role.regionalRange.high })}
                </li>
              ) : null}
            </ul>
            {actionData?.error && actionData.subject === role.id ? (
              <p className="notice warning" role="alert">
                {actionData.error}
              </p>
            ) : null}
            <Form method="post" className="inline">
              <input type="hidden" name="roleId" value={role.id} />
              <SubmitButton name="intent" value="approve" className="button primary small">
                {t('trust.review.approve')}
                <span className="visually-hidden"> {title}</span>
              </SubmitButton>
            </Form>
            <Form method="post" className="stack">
              <input type="hidden" name="roleId" value={role.id} />
              <div className="field">
                <label htmlFor={`note-${role.id}`}>{t('trust.review.reasonLabel')}</label>
                <textarea id={`note-${role.id}`} name="note" required maxLength={1000} rows={2} />
              </div>
              <SubmitButton name="intent" value="reject" className="button small">
                {t('trust.review.reject')}
                <span className="visually-hidden"> {title}</span>
              </SubmitButton>
            </Form>
          </article>
        )
      })}
    </section>
  )
}
