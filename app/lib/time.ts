// Time in Lianqiao: the region's one zone, its calendar days, ISO 8601 parsing and dates
// formatted for each locale. Browser-safe. China has kept UTC+8 without daylight saving
// since 1991, so a Shanghai day is a fixed offset from UTC. A day ends at
// 23:59:59.999 +08:00: a role's deadline day closes then (docs/decisions/013).
import type { Locale } from '#app/i18n/locale.ts'
import { useLocale } from '#app/i18n/use-t.ts'

export const TIME_ZONE = 'Asia/Shanghai'
const OFFSET = '+08:00'
const OFFSET_MS = 8 * 60 * 60 * 1000

/** The calendar day (YYYY-MM-DD) an instant falls on in Shanghai. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** A calendar day as UTC midnight: how Prisma reads and writes a `@db.Date` column. */
export function calendarDayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

/** The first instant of a Shanghai calendar day (YYYY-MM-DD). */
export function startOfShanghaiDay(day: string): Date {
  return new Date(`${day}T00:00:00.000${OFFSET}`)
}

/** The last instant of a Shanghai calendar day (YYYY-MM-DD). */
export function endOfShanghaiDay(day: string): Date {
  return new Date(`${day}T23:59:59.999${OFFSET}`)
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/

/**
 * An ISO 8601 date or date-time as an instant; null when it is malformed or names a day
 * or time that does not exist (2027-02-30, 25:00). Without a zone it is Shanghai time
 * (a `datetime-local` value too); a bare date is the start of that day there.
 */
export function parseIsoDateTime(value: string): Date | null {
  const match = ISO_DATE_TIME.exec(value.trim())
  if (!match) return null
  const [, y = '', mo = '', d = '', h, mi = '00', s = '00', fraction = '', zone = OFFSET] = match
  const month = Number(mo)
  const day = Number(d)
  // Date.UTC rolls 2027-02-30 over into March; a real day maps back to itself.
  const realDay = month >= 1 && month <= 12 && new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() === day
  if (!realDay) return null
  if (h === undefined) return startOfShanghaiDay(`${y}-${mo}-${d}`)
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Shanghai wall-clock time of an instant, YYYY-MM-DDTHH:mm:ss. */
function wallClock(date: Date | string): string {
  return new Date(new Date(date).getTime() + OFFSET_MS).toISOString().slice(0, 19)
}

/** The instant in ISO 8601 with Shanghai's offset, e.g. 2027-05-20T09:00:00+08:00. */
export function isoInShanghai(date: Date): string {
  return `${wallClock(date)}${OFFSET}`
}

/** The `datetime-local` value (Shanghai time, YYYY-MM-DDTHH:mm) of an instant, for edit forms. */
export function toDateTimeLocal(date: Date | string | null | undefined): string {
  return date ? wallClock(date).slice(0, 16) : ''
}

/** Shanghai time as plain text for exports and mail: YYYY-MM-DD HH:mm:ss, or HH:mm with `minutes`. */
export function shanghaiTimestamp(date: Date, precision: 'seconds' | 'minutes' = 'seconds'): string {
  return wallClock(date)
    .slice(0, precision === 'seconds' ? 19 : 16)
    .replace('T', ' ')
}

/**
 * How a date reads on a page: `date` (medium date), `dateTime` (with a short time) or
 * `dateTime24` (a 24-hour time: events and deadlines).
 */
export type DateStyle = 'date' | 'dateTime' | 'dateTime24'

const styleOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTime24: { dateStyle: 'medium', timeStyle: 'short', hour12: false },
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: Locale, style: DateStyle, timeZone: string) {
  const key = `${locale}|${style}|${timeZone}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...styleOptions[style], timeZone })
    formatters.set(key, format)
  }
  return format
}

// Server (Node) and browser (Chromium) ICU disagree on spacing, e.g. English ranges get
// thin spaces around the dash in Node and plain ones in Chromium, and a hydrated page
// must read the same in both: every space becomes a plain one.
const plainSpaces = (text: string) => text.replace(/\s/gu, ' ')

/** An instant as a reader of `locale` reads it, in Shanghai time unless `timeZone` says otherwise. */
export function formatDate(locale: Locale, date: Date | string, style: DateStyle = 'date', timeZone = TIME_ZONE): string {
  return plainSpaces(formatter(locale, style, timeZone).format(new Date(date)))
}

/** A span of time, e.g. "May 20, 2027, 09:00 – 11:00", with 24-hour times. */
export function formatDateRange(locale: Locale, start: Date | string, end: Date | string, timeZone = TIME_ZONE): string {
  return plainSpaces(formatter(locale, 'dateTime24', timeZone).formatRange(new Date(start), new Date(end)))
}

/** The device's zone when its clock differs from Shanghai's now; browser only. */
export function readerTimeZone(): string | null {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone
  // Zones with Shanghai's offset and no DST (e.g. Asia/Singapore) show the same clock.
  return zone && zone !== TIME_ZONE && new Date().getTimezoneOffset() !== -OFFSET_MS / 60_000 ? zone : null
}

/** `formatDate` in the reader's locale, for components. */
export function useFormatDate(): (date: Date | string, style?: DateStyle) => string {
  const locale = useLocale()
  return (date, style) => formatDate(locale, date, style)
}
