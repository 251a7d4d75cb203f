import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EventTime } from '#app/components/events/event-time.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { getTicket } from '#app/modules/events/checkin.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const ticket = await getTicket(params.id ?? '', user.id)
  return {
    name: ticket.user.name,
    ticketCode: ticket.ticketCode,
    checkedInAt: ticket.checkedInAt,
    qrDataUrl: ticket.qrDataUrl,
    event: ticket.event,
  }
})

export const meta: MetaFunction = () => [{ title: '入场凭证 · Ticket · 链桥 Lianqiao' }]

export default function Ticket() {
  const { name, ticketCode, checkedInAt, qrDataUrl, event } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="narrow stack">
      <h1>{t('events.ticket')}</h1>
      <h2>
        <Link to={`/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
      </h2>
      <EventTime startsAt={event.startsAt} endsAt={event.endsAt} />
      <p>{name}</p>
      <img className="ticket-qr" src={qrDataUrl} alt={t('events.qrAlt')} width={288} height={288} />
      <p>
        {t('events.ticketCode')}: <strong className="ticket-code">{ticketCode}</strong>
      </p>
      <p className="hint">{t('events.ticketHint')}</p>
      {checkedInAt ? <p className="tag ok">{t('events.checkedIn')}</p> : null}
    </section>
  )
}
