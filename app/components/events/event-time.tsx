// An event's time in Shanghai (rendered on the server) and, when the reader's device is
// in another zone, also in theirs. The server cannot know the reader's zone, so the
// second line is filled in after hydration into space reserved for it: no layout jump.
import { useEffect, useState } from 'react'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { formatDateRange, readerTimeZone } from '#app/lib/time.ts'

export function EventTime({ startsAt, endsAt }: { startsAt: string | Date; endsAt: string | Date }) {
  const locale = useLocale()
  const t = useT()
  const start = new Date(startsAt)
  const end = new Date(endsAt)
  const [local, setLocal] = useState<string | null>(null)
  useEffect(() => {
    const zone = readerTimeZone()
    if (zone) setLocal(`${formatDateRange(locale, start, end, zone)} (${zone})`)
    // The instants are fixed for this render; recompute only if the event changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, start.getTime(), end.getTime()])
  return (
    <span className="event-time">
      <time dateTime={start.toISOString()}>{formatDateRange(locale, start, end)}</time> <span className="hint">{t('events.beijingTime')}</span>
      <span className="event-local-time">{local ? t('events.yourTime', { time: local }) : '\u00a0'}</span>
    </span>
  )
}
