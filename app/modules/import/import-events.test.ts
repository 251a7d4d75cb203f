// Imported changes to a stored event go through the events module's write path: a larger
// capacity promotes the waitlist, and a capacity below the confirmed count is refused at
// the record's path, with nothing written.
import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { registerForEvent } from '#app/modules/events/registrations.server.ts'
import { makeUser } from '#app/modules/events/test-fixtures.server.ts'
import { importDocument } from './import.server.ts'

const hour = 60 * 60 * 1000

function lecture(capacity: number) {
  const now = Date.now()
  return {
    version: 1,
    events: [
      {
        key: 'gx-salon-1',
        kind: 'salon',
        title: { zh: '区块链沙龙', en: 'Blockchain salon' },
        startsAt: new Date(now + 48 * hour).toISOString(),
        endsAt: new Date(now + 50 * hour).toISOString(),
        registrationOpensAt: new Date(now - hour).toISOString(),
        registrationClosesAt: new Date(now + 40 * hour).toISOString(),
        capacity,
        waitlist: true,
        status: 'published',
      },
    ],
  }
}

test('an imported capacity change promotes the waitlist, and one below the confirmed count is refused', async () => {
  expect(await importDocument(lecture(1))).toMatchObject({ ok: true })
  const event = await prisma.event.findUniqueOrThrow({ where: { key: 'gx-salon-1' }, select: { id: true } })
  const first = await registerForEvent(event.id, await makeUser(['student']), {})
  const second = await registerForEvent(event.id, await makeUser(['student']), {})
  expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted'])

  expect(await importDocument(lecture(2))).toMatchObject({ ok: true, counts: { events: { updated: 1 } } })
  const promoted = await prisma.registration.findUniqueOrThrow({ where: { id: second.id }, select: { status: true } })
  expect(promoted.status).toBe('confirmed')
  expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 2 })

  const refused = await importDocument(lecture(1), 'en')
  expect(refused).toEqual({ ok: false, problems: [{ path: 'events[0].capacity', message: expect.stringContaining('2') }] })
  expect(await prisma.event.findUniqueOrThrow({ where: { id: event.id }, select: { capacity: true } })).toEqual({ capacity: 2 })
})
