// /admin/moderation — open reports, one entry per reported thing: hide, restore, warn the
// owner, suspend (or lift the suspension of) the company, or dismiss; always with a reason.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { moderationActionKeys, reportReasonKeys, reportTargetKeys } from '#app/modules/moderation/labels.ts'
import { moderate, moderationQueue } from '#app/modules/moderation/moderation.server.ts'
import { moderationActionSchema } from '#app/modules/moderation/schemas.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireRole(request, 'admin')
  return { entries: await moderationQueue(admin) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { about, locale }) => {
  const admin = await requireRole(request, 'admin')
  // Parsed without the page's form tools: a service error shows as `error` beside the row.
  const submission = parseForm(await request.formData(), moderationActionSchema, locale)
  if (submission.status !== 'success') {
    return data({ subject: String(submission.payload.targetId ?? ''), error: translate(locale, 'trust.review.reasonRequired') }, { status: 400 })
  }
  about(submission.value.targetId)
  await moderate(admin, submission.value)
  return redirectWithToast('/admin/moderation', 'trust.moderation.done')
})

const targetLink = (type: string, id: string) =>
  type === 'role' ? `/roles/${id}` : type === 'company' ? `/companies/${id}` : type === 'event' ? `/events/${id}` : null

export default function Moderation() {
  const { entries } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('trust.moderation.title')}</h1>
      {entries.length === 0 ? <p>{t('trust.moderation.empty')}</p> : null}
      {entries.map((entry) => {
        const label = pickText(locale, entry.label.zh, entry.label.en) || entry.targetId
        const link = targetLink(entry.targetType, entry.targetId)
        const actions = [entry.hidden ? 'restore' : 'hide', 'warn', ...(entry.companyId ? ['suspend', 'unsuspend'] : []), 'dismiss'] as Array<
          keyof typeof moderationActionKeys
        >
        return (
          <article key={`${entry.targetType}:${entry.targetId}`} className="card stack" aria-label={label}>
            <h2>
              {t(reportTargetKeys[entry.targetType])} · {link ? <a href={link}>{label}</a> : label}
              {entry.hidden ? <span className="tag">{t('trust.moderation.hidden')}</span> : null}
            </h2>
            <p>{t('trust.moderation.count', { count: entry.reports.length })}</p>
            <ul>
              {entry.reports.map((report) => (
                <li key={report.id}>
                  <strong>{t(reportReasonKeys[report.reason])}</strong>
                  {report.details ? ` — ${report.details}` : null}
                </li>
              ))}
            </ul>
            {actionData?.error && actionData.subject === entry.targetId ? (
              <p className="notice warning" role="alert">
                {actionData.error}
              </p>
            ) : null}
            <Form method="post" className="stack">
              <input type="hidden" name="targetType" value={entry.targetType} />
              <input type="hidden" name="targetId" value={entry.targetId} />
              <div className="field">
                <label htmlFor={`note-${entry.targetId}`}>{t('trust.moderation.note')}</label>
                <textarea id={`note-${entry.targetId}`} name="note" required maxLength={1000} rows={2} />
              </div>
              <p className="row-actions">
                {actions.map((intent) => (
                  <SubmitButton key={intent} name="intent" value={intent} className="button small">
                    {t(moderationActionKeys[intent])}
                    <span className="visually-hidden"> {label}</span>
                  </SubmitButton>
                ))}
              </p>
            </Form>
          </article>
        )
      })}
    </section>
  )
}
