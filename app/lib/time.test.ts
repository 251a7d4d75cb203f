import { describe, expect, test } from 'vitest'
import {
  calendarDayAsDate,
  endOfShanghaiDay,
  formatDate,
  formatDateRange,
  isoInShanghai,
  parseIsoDateTime,
  shanghaiDay,
  shanghaiTimestamp,
  startOfShanghaiDay,
  toDateTimeLocal,
} from './time.ts'

describe('Shanghai days', () => {
  test('an instant falls on the Shanghai calendar day, which turns at 16:00 UTC', () => {
    expect(shanghaiDay(new Date('2027-01-31T15:59:59.999Z'))).toBe('2027-01-31')
    expect(shanghaiDay(new Date('2027-01-31T16:00:00.000Z'))).toBe('2027-02-01')
  })

  test('a day runs from 00:00 to 23:59:59.999 +08:00, and a deadline day closes at its end', () => {
    expect(startOfShanghaiDay('2027-06-30').toISOString()).toBe('2027-06-29T16:00:00.000Z')
    expect(endOfShanghaiDay('2027-06-30').toISOString()).toBe('2027-06-30T15:59:59.999Z')
    expect(shanghaiDay(endOfShanghaiDay('2027-06-30'))).toBe('2027-06-30')
    expect(shanghaiDay(new Date(endOfShanghaiDay('2027-06-30').getTime() + 1))).toBe('2027-07-01')
  })

  test('a calendar day for a date column is UTC midnight of that day', () => {
    expect(calendarDayAsDate('2027-03-01').toISOString()).toBe('2027-03-01T00:00:00.000Z')
    expect(shanghaiDay(calendarDayAsDate('2027-03-01'))).toBe('2027-03-01')
  })
})

describe('parseIsoDateTime', () => {
  test('without a zone it is Shanghai time; a bare date is the start of that day', () => {
    expect(parseIsoDateTime('2027-01-31')?.toISOString()).toBe('2027-01-30T16:00:00.000Z')
    expect(parseIsoDateTime(' 2027-01-31T09:30 ')?.toISOString()).toBe('2027-01-31T01:30:00.000Z')
    expect(parseIsoDateTime('2027-01-31T09:30:15.5')?.toISOString()).toBe('2027-01-31T01:30:15.500Z')
  })

  test('with a zone it is that instant', () => {
    expect(parseIsoDateTime('2027-01-31T09:00:00Z')?.toISOString()).toBe('2027-01-31T09:00:00.000Z')
    expect(parseIsoDateTime('2027-01-31T09:00:00-05:00')?.toISOString()).toBe('2027-01-31T14:00:00.000Z')
  })

  test('a day or time that does not exist, or anything else, is null', () => {
    expect(parseIsoDateTime('2028-02-29')).not.toBeNull()
    for (const value of [
      '2027-02-29',
      '2027-02-30',
      '2027-04-31',
      '2027-13-01',
      '2027-00-10',
      '2027-01-01T24:00',
      '2027-01-01T12:60',
      '31/01/2027',
      '2027-01-31Z',
      '',
    ]) {
      expect(parseIsoDateTime(value), value).toBeNull()
    }
  })
})

describe('Shanghai wall-clock text', () => {
  const instant = new Date('2027-05-20T01:05:09Z')
  test('ISO with the offset, datetime-local and plain timestamps', () => {
    expect(isoInShanghai(instant)).toBe('2027-05-20T09:05:09+08:00')
    expect(toDateTimeLocal(instant)).toBe('2027-05-20T09:05')
    expect(toDateTimeLocal(null)).toBe('')
    expect(shanghaiTimestamp(instant)).toBe('2027-05-20 09:05:09')
    expect(shanghaiTimestamp(instant, 'minutes')).toBe('2027-05-20 09:05')
  })

  test('round trip: the datetime-local value parses back to the instant (to the minute)', () => {
    expect(parseIsoDateTime(toDateTimeLocal(instant))?.toISOString()).toBe('2027-05-20T01:05:00.000Z')
  })
})

describe('formatting per locale', () => {
  const start = new Date('2027-05-20T01:00:00Z')
  test('dates and times read in Shanghai time in each locale', () => {
    expect(formatDate('zh-CN', start)).toBe('2027年5月20日')
    expect(formatDate('en', start)).toBe('May 20, 2027')
    expect(formatDate('en', start, 'dateTime24')).toBe('May 20, 2027, 09:00')
    expect(formatDate('zh-CN', start, 'dateTime24')).toBe('2027年5月20日 09:00')
    // The day in Shanghai, not in UTC.
    expect(formatDate('en', new Date('2027-05-19T16:30:00Z'))).toBe('May 20, 2027')
  })

  test('a range uses plain spaces only, so server and browser render the same text', () => {
    const range = formatDateRange('en', start, new Date('2027-05-20T03:00:00Z'))
    expect(range).toBe('May 20, 2027, 09:00 – 11:00')
    expect(formatDateRange('en', start, new Date('2027-05-21T10:00:00Z'))).toBe('May 20, 2027, 09:00 – May 21, 2027, 18:00')
    expect(formatDateRange('zh-CN', start, new Date('2027-05-20T03:00:00Z'))).toBe('2027/5/20 09:00–11:00')
  })

  test('another zone when asked', () => {
    expect(formatDate('en', start, 'dateTime24', 'Europe/Berlin')).toBe('May 20, 2027, 03:00')
  })
})
