import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { acceptOffer, withdraw } from '#app/modules/applications/applications.server.ts'
import { listMyApplications } from '#app/modules/applications/review.server.ts'
import { withdrawSchema } from '#app/modules/applications/schemas.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  return { applications: await listMyApplications(user) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent, about }) => {
  const user = await requireRole(request, 'student')
  const formData = await request.formData()
  const id = String(formData.get('applicationId') ?? '')
  about(id)
  switch (intent(formData, ['withdraw', 'accept'])) {
    case 'withdraw': {
      const submission = parseForm(formData, withdrawSchema)
      if (submission.status !== 'success')
        return data(
          {
            subject: id,
            error: Object.values(submission.error ?? {})
              .flat()
              .join(' '),
          },
          { status: 400 },
        )
      await withdraw(user, id, submission.value.reason)
      return redirectWithToast('/applications', 'applications.withdrawn')
    }
    case 'accept':
      await acceptOffer(user, id)
      return redirectWithToast('/applications', 'applications.offerAccepted')
  }
})

export const meta: MetaFunction = pageTitle('title.myApplications')

export default function MyApplications() {
  const { applications } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('applications.mineTitle')}</h1>
      {applications.length === 0 ? <p>{t('applications.none')}</p> : null}
      {applications.map((a) => (
        <article key={a.id} className="card application-card" aria-labelledby={`app-${a.id}`}>
          <h2 id={`app-${a.id}`}>
            {pickText(locale, a.role.titleZh, a.role.titleEn)} · {pickText(locale, a.role.company.nameZh, a.role.company.nameEn)}
          </h2>
          <p>
            <span className={`status status-${a.status}`}>{t(`applications.status.${a.status}`)}</span>{' '}
            {t('applications.appliedOn', { date: formatDate(a.createdAt) })}
            {a.noResponse ? <span className="tag warning">{t('applications.noResponse')}</span> : null}
          </p>
          {a.withdrawnReason ? <p className="hint">{t('applications.reason', { reason: a.withdrawnReason })}</p> : null}
          <details>
            <summary>{t('applications.history')}</summary>
            <ol className="history">
              {a.events.map((e, i) => (
                <li key={i}>{t('applications.historyEntry', { date: formatDate(e.createdAt), status: t(`applications.status.${e.toStatus}`) })}</li>
              ))}
            </ol>
          </details>
          <p>
            <Link to={`/applications/${a.id}`}>{t('applications.open')}</Link>
          </p>
          {actionData?.subject === a.id && actionData.error ? <ErrorList errors={[actionData.error]} /> : null}
          {a.studentNext.includes('accepted') ? (
            <Form method="post">
              <input type="hidden" name="applicationId" value={a.id} />
              <SubmitButton name="intent" value="accept">
                {t('applications.acceptOffer')}
              </SubmitButton>
            </Form>
          ) : null}
          {a.studentNext.includes('withdrawn') ? (
            <Form method="post" className="withdraw-form">
              <input type="hidden" name="applicationId" value={a.id} />
              <div className="field">
                <label htmlFor={`reason-${a.id}`}>{t('applications.withdrawReason')}</label>
                <input id={`reason-${a.id}`} name="reason" maxLength={500} />
              </div>
              <SubmitButton name="intent" value="withdraw" className="button danger small">
                {t('applications.withdraw')}
              </SubmitButton>
            </Form>
          ) : null}
        </article>
      ))}
    </section>
  )
}
