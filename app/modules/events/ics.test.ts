import { describe, expect, test } from 'vitest'
import { buildIcs, escapeIcsText, foldIcsLine } from './ics.ts'

describe('ics', () => {
  test('a calendar with UTC times, escaped text and CRLF line ends', () => {
    const text = buildIcs({
      uid: 'reg1@lianqiao',
      title: '讲座; 区块链, 入门',
      description: 'line one\nline two \\ end',
      location: '南宁',
      startsAt: new Date('2027-05-01T09:00:00+08:00'),
      endsAt: new Date('2027-05-01T11:00:00+08:00'),
      stamp: new Date('2027-01-01T00:00:00Z'),
    })
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text).toContain('\r\nDTSTART:20270501T010000Z\r\n')
    expect(text).toContain('\r\nDTEND:20270501T030000Z\r\n')
    expect(text).toContain('SUMMARY:讲座\\; 区块链\\, 入门')
    expect(text).toContain('DESCRIPTION:line one\\nline two \\\\ end')
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  test('long lines fold at 75 octets without breaking characters', () => {
    const folded = foldIcsLine(`SUMMARY:${'链'.repeat(60)}`)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'链'.repeat(60)}`)
    expect(escapeIcsText('a,b;c')).toBe('a\\,b\\;c')
  })
})
