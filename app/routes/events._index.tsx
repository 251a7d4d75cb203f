import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EventTime } from '#app/components/events/event-time.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { listPublishedEvents } from '#app/modules/events/events.server.ts'
import { eventKinds, eventListQuerySchema } from '#app/modules/events/schemas.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = eventListQuerySchema.safeParse({ ...params, perPage: 20 })
  const query = parsed.success ? parsed.data : { page: 1, perPage: 20 }
  const result = await listPublishedEvents(query)
  return { ...result, kind: 'kind' in query ? (query.kind ?? null) : null }
})

export const meta: MetaFunction = pageTitle('title.events')

export default function Events() {
  const { items, total, page, perPage, kind } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const pages = Math.max(1, Math.ceil(total / perPage))
  const href = (next: { kind?: string | null; page?: number }) => {
    const params = new URLSearchParams()
    const k = next.kind === undefined ? kind : next.kind
    if (k) params.set('kind', k)
    if (next.page && next.page > 1) params.set('page', String(next.page))
    const query = params.toString()
    return query ? `/events?${query}` : '/events'
  }
  return (
    <section className="stack">
      <h1>{t('events.title')}</h1>
      <nav aria-label={t('events.kindFilter')} className="segmented">
        <Link to={href({ kind: null })} aria-current={kind ? undefined : 'page'}>
          {t('events.allKinds')}
        </Link>
        {eventKinds.map((k) => (
          <Link key={k} to={href({ kind: k })} aria-current={kind === k ? 'page' : undefined}>
            {t(`events.kind.${k}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? <p>{t('events.none')}</p> : null}
      <ul className="event-list">
        {items.map((event) => (
          <li key={event.id} className="card">
            <h2>
              <Link to={`/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
              <span className="tag">{t(`events.kind.${event.kind}`)}</span>
            </h2>
            <EventTime startsAt={event.startsAt} endsAt={event.endsAt} />
            <p className="event-meta">
              {event.venue === 'online' || (!event.venue && event.onlineUrl) ? t('events.online') : event.venue}
              {' · '}
              {event.capacity === null
                ? t('events.seatsUnlimited', { confirmed: event.confirmedCount })
                : t('events.seats', { confirmed: event.confirmedCount, capacity: event.capacity })}
              {event.waitlistCount > 0 ? ` · ${t('events.waitlistCount', { count: event.waitlistCount })}` : ''}
              {' · '}
              {event.registrationOpen ? (
                <span className="tag ok">{t('events.registrationOpen')}</span>
              ) : (
                <span className="tag">{t('events.registrationNotOpen')}</span>
              )}
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('common.pagination')} className="segmented">
          {page > 1 ? <Link to={href({ page: page - 1 })}>{t('common.previous')}</Link> : null}
          <span>{t('common.pageOf', { page, pages })}</span>
          {page < pages ? <Link to={href({ page: page + 1 })}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
