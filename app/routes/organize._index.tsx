import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { MessageKey } from '#app/i18n/translate.ts'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { organizerHome } from '#app/modules/events/events.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { formatDate } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  // The platform role: event staff (judges, co-organizers) reach their events' own pages.
  const user = await requireRole(request, 'organizer', 'admin')
  return organizerHome(user)
})

export const meta: MetaFunction = () => [{ title: '组织活动 · Organize · 链桥 Lianqiao' }]

export default function Organize() {
  const { organized, judged, canCreate } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('organize.title')}</h1>
      {canCreate ? (
        <p>
          <Link className="button primary" to="/organize/events/new">
            {t('organize.newEvent')}
          </Link>
        </p>
      ) : null}
      {organized.length === 0 ? <p>{t('organize.none')}</p> : null}
      <ul className="plain-list">
        {organized.map((event) => (
          <li key={event.id}>
            <Link to={`/organize/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
            <span className="tag">{t(`events.kind.${event.kind}` as MessageKey)}</span>
            <span className="tag">{t(`events.${event.status}` as MessageKey)}</span>
            <span className="hint">{formatDate(locale, event.startsAt, 'dateTime24')}</span>
          </li>
        ))}
      </ul>
      {judged.length > 0 ? (
        <>
          <h2>{t('organize.judging')}</h2>
          <ul className="plain-list">
            {judged.map((event) => (
              <li key={event.id}>
                <Link to={`/judge/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
