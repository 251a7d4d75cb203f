import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ApplicationStatusFilter } from '#app/components/application-status-filter.tsx'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { changeStatusMany } from '#app/modules/applications/applications.server.ts'
import { listApplicants } from '#app/modules/applications/review.server.ts'
import { applicantsQuerySchema, bulkStatusSchema } from '#app/modules/applications/schemas.ts'
import { applicationStatuses } from '#app/modules/applications/transitions.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'company_member')
  const query = applicantsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const result = await listApplicants(user, params.id ?? '', { status: query.status, sort: query.sort })
  if (!result) throw notFoundResponse()
  return { ...result, status: query.status ?? '', sort: query.sort ?? 'date' }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { locale }) => {
  const user = await requireRole(request, 'company_member')
  const submission = parseForm(await request.formData(), bulkStatusSchema, locale)
  if (submission.status !== 'success')
    return data(
      {
        error: Object.values(submission.error ?? {})
          .flat()
          .join(' '),
      },
      { status: 400 },
    )
  await changeStatusMany(user, submission.value.ids, submission.value.status)
  const url = new URL(request.url)
  return redirectWithToast(`/company/roles/${params.id}/applicants${url.search}`, 'applications.bulkDone')
})

export const meta: MetaFunction = pageTitle('title.applicants')

export default function Applicants() {
  const { role, applicants, counts, status, sort } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('applications.applicantsTitle', { role: pickText(locale, role.titleZh, role.titleEn) })}</h1>
      <Form method="get" className="filters">
        <ApplicationStatusFilter status={status} counts={counts} />
        <div className="field">
          <label htmlFor="sort">{t('applications.sort')}</label>
          <select id="sort" name="sort" defaultValue={sort}>
            <option value="date">{t('applications.sortDate')}</option>
            <option value="score">{t('applications.sortScore')}</option>
          </select>
        </div>
        <button type="submit" className="button small">
          {t('applications.filter')}
        </button>
      </Form>
      {applicants.length === 0 ? (
        <p>{t('applications.noApplicants')}</p>
      ) : (
        <Form method="post">
          {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
          <table className="data">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('applications.select', { name: '' })}</span>
                </th>
                <th scope="col">{t('applications.candidate')}</th>
                <th scope="col">{t('applications.status')}</th>
                <th scope="col">{t('applications.score')}</th>
                <th scope="col">{t('applications.screen')}</th>
                <th scope="col">{t('applications.resume')}</th>
                <th scope="col">{t('applications.date')}</th>
              </tr>
            </thead>
            <tbody>
              {applicants.map((a) => (
                <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={a.id}
                      id={`select-${a.id}`}
                      aria-label={t('applications.select', { name: a.name ?? t('privacy.anonymisedApplicant') })}
                    />
                  </td>
                  <td>
                    <Link to={`/company/applications/${a.id}`}>{a.name ?? t('privacy.anonymisedApplicant')}</Link>
                  </td>
                  <td>
                    {t(`applications.status.${a.status}`)}
                    {a.overdue ? <span className="tag warning">{t('applications.overdue')}</span> : null}
                  </td>
                  <td>{a.score ?? '—'}</td>
                  <td>
                    {a.answers.length === 0 ? '—' : a.passesScreen ? t('applications.screenPassed') : <strong>{t('applications.screenFailed')}</strong>}
                    {a.answers.length ? (
                      <ul className="answers">
                        {a.answers.map((answer) => (
                          <li key={answer.questionId}>
                            {pickText(locale, answer.prompt.zh, answer.prompt.en)}:{' '}
                            {answer.answer === 'yes' ? t('applications.yes') : answer.answer === 'no' ? t('applications.no') : answer.answer}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>{a.resume ? <a href={`/company/applications/${a.id}/resume`}>{a.resume.filename}</a> : '—'}</td>
                  <td>{formatDate(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="field bulk">
            <label htmlFor="bulk-status">{t('applications.bulkTo')}</label>
            <select id="bulk-status" name="status" defaultValue="reviewing">
              {applicationStatuses
                .filter((s) => s !== 'submitted' && s !== 'withdrawn')
                .map((s) => (
                  <option key={s} value={s}>
                    {t(`applications.status.${s}`)}
                  </option>
                ))}
            </select>
          </div>
          <SubmitButton>{t('applications.apply')}</SubmitButton>
        </Form>
      )}
    </section>
  )
}
