import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ApplicationStatusFilter } from '#app/components/application-status-filter.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { listCompanyApplications } from '#app/modules/applications/review.server.ts'
import { applicantsQuerySchema } from '#app/modules/applications/schemas.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'company_member')
  const query = applicantsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const applications = await listCompanyApplications(user, { status: query.status })
  return { applications, status: query.status ?? '', overdue: applications.filter((a) => a.overdue).length }
})

export const meta: MetaFunction = pageTitle('title.companyApplications')

export default function CompanyApplications() {
  const { applications, status, overdue } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('applications.companyTitle')}</h1>
      {overdue > 0 ? (
        <p className="notice warning" role="status">
          {t('applications.overdueCount', { count: overdue })}
        </p>
      ) : null}
      <Form method="get" className="filters">
        <ApplicationStatusFilter status={status} />
        <button type="submit" className="button small">
          {t('applications.filter')}
        </button>
      </Form>
      {applications.length === 0 ? (
        <p>{t('applications.noApplicants')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('applications.candidate')}</th>
              <th scope="col">{t('applications.role')}</th>
              <th scope="col">{t('applications.status')}</th>
              <th scope="col">{t('applications.date')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/company/applications/${a.id}`}>{a.name ?? t('privacy.anonymisedApplicant')}</Link>
                </td>
                <td>
                  <Link to={`/company/roles/${a.role.id}/applicants`}>{pickText(locale, a.role.titleZh, a.role.titleEn)}</Link>
                </td>
                <td>
                  {t(`applications.status.${a.status}`)}
                  {a.overdue ? <span className="tag warning">{t('applications.overdue')}</span> : null}
                </td>
                <td>{formatDate(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
