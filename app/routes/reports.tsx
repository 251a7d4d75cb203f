// /reports — what the signed-in user reported and what came of it.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '#app/i18n/use-t.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { moderationOutcomeKeys, reportReasonKeys, reportTargetKeys } from '#app/modules/moderation/labels.ts'
import { myReports } from '#app/modules/moderation/reports.server.ts'
import { shanghaiDay } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const reports = await myReports(user)
  return {
    reports: reports.map((r) => ({
      id: r.id,
      targetType: r.targetType,
      reason: r.reason,
      outcome: r.outcome && r.outcome in moderationOutcomeKeys ? (r.outcome as keyof typeof moderationOutcomeKeys) : null,
      sentOn: shanghaiDay(r.createdAt),
    })),
  }
})

export default function MyReports() {
  const { reports } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('trust.report.mine')}</h1>
      {reports.length === 0 ? (
        <p>{t('trust.report.none')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('trust.report.title')}</th>
              <th scope="col">{t('trust.report.reason')}</th>
              <th scope="col">{t('company.status')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id}>
                <td>
                  {t(reportTargetKeys[report.targetType])} · {report.sentOn}
                </td>
                <td>{t(reportReasonKeys[report.reason])}</td>
                <td>{report.outcome ? t(moderationOutcomeKeys[report.outcome]) : t('trust.report.open')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
