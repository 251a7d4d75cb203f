// "My events": what the signed-in user registered for (alone or with a contest team),
// upcoming first with the ticket and calendar at hand, then past ones.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EventTime } from '#app/components/events/event-time.tsx'
import { pickText, type MessageKey } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { registrationsOfUser } from '#app/modules/events/registrations.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  return registrationsOfUser(user.id)
})

export const meta: MetaFunction = () => [{ title: '我的活动 · My events · 链桥 Lianqiao' }]

type Item = ReturnType<typeof useLoaderData<typeof loader>>['upcoming'][number]

function RegistrationList({ items, upcoming }: { items: Item[]; upcoming: boolean }) {
  const t = useT()
  const locale = useLocale()
  return (
    <ul className="event-list">
      {items.map((r) => (
        <li key={r.id} className="card">
          <h3>
            <Link to={`/events/${r.event.id}`}>{pickText(locale, r.event.titleZh, r.event.titleEn)}</Link>
            <span className="tag">{t(`events.kind.${r.event.kind}` as MessageKey)}</span>
          </h3>
          <EventTime startsAt={r.event.startsAt} endsAt={r.event.endsAt} />
          <p className="event-meta">
            {r.event.status === 'cancelled' ? (
              <span className="tag warning">{t('events.cancelledEvent')}</span>
            ) : (
              <span className={r.status === 'confirmed' ? 'tag ok' : 'tag'}>{t(`events.status.${r.status}` as MessageKey)}</span>
            )}
            {r.checkedInAt ? <span className="tag ok">{t('events.checkedIn')}</span> : null}
            {r.team ? <span>{t('events.mine.team', { team: r.team })}</span> : null}
          </p>
          {upcoming && r.status === 'confirmed' && r.event.status !== 'cancelled' ? (
            <p>
              <Link to={`/events/${r.event.id}/ticket`}>{t('events.ticket')}</Link>
              {' · '}
              <a href={`/events/${r.event.id}/calendar.ics`} download>
                {t('events.addToCalendar')}
              </a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export default function MyEvents() {
  const { upcoming, past } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('events.mine.title')}</h1>
      {upcoming.length === 0 && past.length === 0 ? (
        <p>
          {t('events.mine.empty')} <Link to="/events">{t('events.mine.browse')}</Link>
        </p>
      ) : null}
      {upcoming.length > 0 ? (
        <section aria-labelledby="mine-upcoming" className="stack">
          <h2 id="mine-upcoming">{t('events.mine.upcoming')}</h2>
          <RegistrationList items={upcoming} upcoming />
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="mine-past" className="stack">
          <h2 id="mine-past">{t('events.mine.past')}</h2>
          <RegistrationList items={past} upcoming={false} />
        </section>
      ) : null}
    </section>
  )
}
