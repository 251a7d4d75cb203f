import { describe, expect, test } from 'vitest'
import { parseCsv } from '#app/lib/csv.ts'
import { registrationsCsv } from './dashboard.server.ts'
import { registerForEvent } from './registrations.server.ts'
import { makeEvent, makeUser } from './test-fixtures.server.ts'

describe('registrations CSV', () => {
  test('a registrant who names themselves like a formula is written as text', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer)
    const student = await makeUser(['student'], '=HYPERLINK("http://evil.example","点我")')
    await registerForEvent(eventId, student, {})
    const rows = parseCsv(await registrationsCsv(eventId, ['name', 'email'], () => '')).map((r) => r.fields)
    expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://evil.example","点我")`)
    expect(rows[1]?.[1]).toBe(student.email)
  })
})
