// An event's time in Asia/Shanghai and, when the reader's device is in another zone, also
// in theirs. The Shanghai text is formatted once by the loader (`eventTimeText`) and passed
// in: Node's and Chromium's ICU format some ranges differently (English `formatRange`),
// which broke hydration. The server cannot know the reader's zone, so the second line is
// filled in after hydration into space reserved for it: no layout jump.
import { useEffect, useState } from 'react'
import type { Locale } from '#app/i18n/locale.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'

const ZONE = 'Asia/Shanghai'

export function formatRange(locale: Locale, start: Date, end: Date, timeZone: string) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hour12: false })
  return format.formatRange(start, end)
}

/** The Shanghai time of an event, formatted where the page is rendered (the loader). */
export function eventTimeText(locale: Locale, startsAt: Date | string, endsAt: Date | string) {
  return formatRange(locale, new Date(startsAt), new Date(endsAt), ZONE)
}

export function formatInstant(locale: Locale, date: Date | string, timeZone = ZONE) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hour12: false }).format(new Date(date))
}

export function EventTime({ startsAt, endsAt, text }: { startsAt: string | Date; endsAt: string | Date; text: string }) {
  const locale = useLocale()
  const t = useT()
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const [local, setLocal] = useState<string | null>(null)
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const offsetHere = new Date().getTimezoneOffset()
    // Zones with Shanghai's offset and no DST (e.g. Asia/Singapore) show the same clock.
    if (zone && zone !== ZONE && offsetHere !== -480) setLocal(`${formatRange(locale, start, end, zone)} (${zone})`)
    // The instants are fixed for this render; recompute only if the event changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, start.getTime(), end.getTime()])
  return (
    <span className="event-time">
      <time dateTime={start.toISOString()}>{text}</time> <span className="hint">{t('events.beijingTime')}</span>
      <span className="event-local-time">{local ? t('events.yourTime', { time: local }) : '\u00a0'}</span>
    </span>
  )
}
