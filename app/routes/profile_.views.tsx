import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { pickText, type MessageKey } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { listProfileViews } from '#app/modules/applications/profile-views.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  return { views: await listProfileViews(user.studentProfileId) }
})

export const meta: MetaFunction = pageTitle('title.profileViews')

const contextKey = (context: string | null): MessageKey =>
  context?.startsWith('application:')
    ? 'profileViews.context.application'
    : context?.startsWith('resume:')
      ? 'profileViews.context.resume'
      : 'profileViews.context.other'

export default function ProfileViews() {
  const { views } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('profileViews.title')}</h1>
      <p className="hint">{t('profileViews.intro')}</p>
      {views.length === 0 ? (
        <p>{t('profileViews.none')}</p>
      ) : (
        <ul className="plain-list">
          {views.map((v) => (
            <li key={v.id}>
              <strong>
                {t('profileViews.entry', { viewer: v.viewer.name, company: v.company ? pickText(locale, v.company.nameZh, v.company.nameEn) : '—' })}
              </strong>
              <span>{t(contextKey(v.context))}</span>
              <span className="hint">{formatDate(v.createdAt, 'dateTime')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
