// `npm run bench:events`: registrations per second through the registration engine at 8
// and 32 concurrent clients against one event each, then the invariants: no overbooking,
// confirmedCount equal to the confirmed rows, one registration per student, the waitlist
// holding everyone else. Its rows are created in the development database and removed.
import fs from 'node:fs/promises'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { registerForEvent } from '#app/modules/events/registrations.server.ts'
import { makeEvent, makeStudents, makeUser } from '#app/modules/events/test-fixtures.server.ts'
import { stopBoss } from '#app/lib/boss.server.ts'

const STUDENTS = 400
const CAPACITY = 150

async function run(clients: number) {
  const organizer = await makeUser(['organizer'], 'bench organizer')
  const eventId = await makeEvent(organizer, { capacity: CAPACITY, waitlist: true, titleZh: `基准测试 ${clients}`, titleEn: `bench ${clients}` })
  const students = await makeStudents(STUDENTS)
  const queue = [...students]
  const outcomes = new Map<string, number>()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const key = await registerForEvent(eventId, s, {}).then(
          (r) => r.status,
          (e: unknown) => (e instanceof UserFacingError ? `${e.status}:${e.key}` : `error:${String(e)}`),
        )
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const [event, confirmed, waitlisted, total, distinct] = await Promise.all([
    prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true, capacity: true } }),
    prisma.registration.count({ where: { eventId, status: 'confirmed' } }),
    prisma.registration.count({ where: { eventId, status: 'waitlisted' } }),
    prisma.registration.count({ where: { eventId } }),
    prisma.registration.groupBy({ by: ['userId'], where: { eventId } }).then((rows) => rows.length),
  ])
  const invariants = {
    notOverbooked: confirmed <= (event.capacity ?? Infinity),
    countInStep: event.confirmedCount === confirmed,
    exactlyCapacityConfirmed: confirmed === CAPACITY,
    everyoneElseWaitlisted: waitlisted === STUDENTS - CAPACITY,
    onePerStudent: total === STUDENTS && distinct === STUDENTS,
    noUnexpectedErrors: [...outcomes.keys()].every((k) => k === 'confirmed' || k === 'waitlisted'),
  }
  await prisma.event.delete({ where: { id: eventId }, select: { id: true } })
  await prisma.user.deleteMany({ where: { id: { in: [organizer.id, ...students.map((s) => s.id)] } } })
  return {
    clients,
    registrations: STUDENTS,
    capacity: CAPACITY,
    seconds: Number(seconds.toFixed(3)),
    registrationsPerSecond: Number((STUDENTS / seconds).toFixed(1)),
    outcomes: Object.fromEntries(outcomes),
    invariants,
    ok: Object.values(invariants).every(Boolean),
  }
}

const results = []
for (const clients of [8, 32]) {
  const result = await run(clients)
  console.log(
    `${String(clients).padStart(2)} clients: ${result.registrationsPerSecond} registrations/s (${result.registrations} in ${result.seconds} s) · invariants ${result.ok ? 'hold' : 'BROKEN'}`,
  )
  results.push(result)
}
const report = { benchmark: 'events.registrations', at: new Date().toISOString(), node: process.version, results }
await fs.mkdir('bench/results', { recursive: true })
await fs.writeFile('bench/results/events.json', `${JSON.stringify(report, null, 2)}\n`)
console.log('written bench/results/events.json')
await stopBoss()
await prisma.$disconnect()
process.exit(results.every((r) => r.ok) ? 0 : 1)
