// An event's time in Asia/Shanghai (rendered on the server) and, when the reader's device
// is in another zone, also in theirs. The server cannot know the reader's zone, so the
// second line is filled in after hydration into space reserved for it: no layout jump.
import { useEffect, useState } from 'react'
import type { Locale } from '#app/i18n/locale.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'

const ZONE = 'Asia/Shanghai'

export function formatRange(locale: Locale, start: Date, end: Date, timeZone: string) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hour12: false })
  return format.formatRange(start, end)
}

export function formatInstant(locale: Locale, date: Date | string, timeZone = ZONE) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hour12: false }).format(new Date(date))
}

export function EventTime({ startsAt, endsAt }: { startsAt: string | Date; endsAt: string | Date }) {
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
      <time dateTime={start.toISOString()}>{formatRange(locale, start, end, ZONE)}</time> <span className="hint">{t('events.beijingTime')}</span>
      <span className="event-local-time">{local ? t('events.yourTime', { time: local }) : '\u00a0'}</span>
    </span>
  )
}
