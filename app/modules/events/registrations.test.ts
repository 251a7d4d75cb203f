import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { updateEvent } from './events.server.ts'
import { cancelRegistration, decideRegistrations, registerForEvent, registrationsOfUser } from './registrations.server.ts'
import { eventFormSchema } from './schemas.ts'
import { makeEvent, makeStudents, makeUser } from '#tests/fixtures.server.ts'

async function outcome(promise: Promise<{ status: string }>) {
  try {
    return (await promise).status
  } catch (error) {
    if (error instanceof UserFacingError) return `${error.status}:${error.key}`
    throw error
  }
}

async function counts(eventId: string) {
  const [event, grouped] = await Promise.all([
    prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true } }),
    prisma.registration.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } }),
  ])
  return { confirmedCount: event.confirmedCount, ...Object.fromEntries(grouped.map((g) => [g.status, g._count._all])) }
}

describe('registration engine under concurrency', () => {
  test('200 students at capacity 50 with a waitlist: 50 confirmed, 150 waitlisted; 10 cancellations promote the first 10 in order', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 50, waitlist: true })
    const students = await makeStudents(200)

    const results = await Promise.all(students.map((s) => outcome(registerForEvent(eventId, s, {}))))
    expect(results.filter((r) => r === 'confirmed')).toHaveLength(50)
    expect(results.filter((r) => r === 'waitlisted')).toHaveLength(150)
    expect(await counts(eventId)).toEqual({ confirmedCount: 50, confirmed: 50, waitlisted: 150 })

    const waitlistOrder = await prisma.registration.findMany({
      where: { eventId, status: 'waitlisted' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    })
    const confirmed = await prisma.registration.findMany({ where: { eventId, status: 'confirmed' }, take: 10, select: { userId: true } })
    await Promise.all(confirmed.map((r) => cancelRegistration(eventId, r.userId)))

    const promoted = await prisma.registration.findMany({
      where: { eventId, id: { in: waitlistOrder.slice(0, 10).map((r) => r.id) } },
      select: { status: true, userId: true },
    })
    expect(promoted.every((r) => r.status === 'confirmed')).toBe(true)
    const stillWaiting = await prisma.registration.count({ where: { eventId, id: { in: waitlistOrder.slice(10).map((r) => r.id) }, status: 'waitlisted' } })
    expect(stillWaiting).toBe(140)
    expect(await counts(eventId)).toEqual({ confirmedCount: 50, confirmed: 50, waitlisted: 140, cancelled: 10 })
    const notices = await prisma.notification.findMany({ where: { type: 'event.promoted' }, select: { userId: true, data: true, link: true } })
    expect(notices.map((n) => n.userId).sort()).toEqual(promoted.map((r) => r.userId).sort())
    expect(notices[0]?.data).toMatchObject({ eventId, title: { zh: '区块链讲座', en: 'Blockchain lecture' } })
  })

  test('without a waitlist: exactly 50 confirmed and 150 clear "full" answers', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 50, waitlist: false })
    const students = await makeStudents(200)
    const results = await Promise.all(students.map((s) => outcome(registerForEvent(eventId, s, {}))))
    expect(results.filter((r) => r === 'confirmed')).toHaveLength(50)
    expect(results.filter((r) => r === '422:events.full')).toHaveLength(150)
    expect(await counts(eventId)).toEqual({ confirmedCount: 50, confirmed: 50 })
  })

  test('the same student registering many times at once gets one registration and 409s', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 5 })
    const student = await makeUser()
    const results = await Promise.all(Array.from({ length: 12 }, () => outcome(registerForEvent(eventId, student, {}))))
    expect(results.filter((r) => r === 'confirmed')).toHaveLength(1)
    expect(results.filter((r) => r === '409:events.alreadyRegistered')).toHaveLength(11)
    expect(await counts(eventId)).toEqual({ confirmedCount: 1, confirmed: 1 })
  })
})

describe('registration rules', () => {
  test('the database refuses to overbook even if the code tried', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 1 })
    await registerForEvent(eventId, await makeUser(), {})
    await expect(prisma.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: 1 } }, select: { id: true } })).rejects.toThrow()
  })

  test('a student whose address is unverified cannot register until it is verified', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer)
    const student = await makeUser()
    await prisma.user.update({ where: { id: student.id }, data: { emailVerifiedAt: null }, select: { id: true } })
    expect(await outcome(registerForEvent(eventId, student, {}))).toBe('403:verify.required')
    expect(await prisma.registration.count({ where: { eventId } })).toBe(0)
    await prisma.user.update({ where: { id: student.id }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
    await expect(registerForEvent(eventId, student, {})).resolves.toMatchObject({ status: 'confirmed' })
  })

  test('closed window, draft, students-only, questions and rules', async () => {
    const organizer = await makeUser(['organizer'])
    const closed = await makeEvent(organizer, {
      registrationClosesAt: new Date(Date.now() - 1000).toISOString(),
      registrationOpensAt: new Date(Date.now() - 5000).toISOString(),
    })
    const student = await makeUser()
    expect(await outcome(registerForEvent(closed, student, {}))).toBe('422:events.registrationClosed')

    const company = await makeUser(['company_member'])
    const studentsOnly = await makeEvent(organizer, { eligibility: 'students' })
    expect(await outcome(registerForEvent(studentsOnly, company, {}))).toBe('403:events.studentsOnly')
    const open = await makeEvent(organizer, { eligibility: 'signed_in' })
    expect(await outcome(registerForEvent(open, company, {}))).toBe('confirmed')

    const asking = await makeEvent(organizer, { questions: '* 你的专业 | Your major\n备注 | Notes', rulesZh: '遵守规则' })
    const error = await registerForEvent(asking, student, { answers: { q2: 'x' } }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as UserFacingError).fields.map((f) => f.path).sort()).toEqual(['acceptRules', 'answers.q1'])
    expect(await prisma.registration.count({ where: { eventId: asking } })).toBe(0)
    expect(await outcome(registerForEvent(asking, student, { answers: { q1: '计算机', q9: 'ignored' }, acceptRules: true }))).toBe('confirmed')
    const stored = await prisma.registration.findFirstOrThrow({ where: { eventId: asking }, select: { answers: true, rulesAcceptedAt: true } })
    expect(stored.answers).toEqual({ q1: '计算机' })
    expect(stored.rulesAcceptedAt).toBeInstanceOf(Date)
  })

  test('approval: pending, bulk approve up to capacity then waitlist, decline; a cancel then re-register queues anew', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 2, waitlist: true, approvalRequired: true })
    const students = await makeStudents(4)
    const ids: string[] = []
    for (const s of students) {
      const r = await registerForEvent(eventId, s, {})
      expect(r.status).toBe('pending')
      ids.push(r.id)
    }
    expect(await decideRegistrations(organizer, eventId, ids.slice(0, 3), 'approve')).toEqual({ approved: 2, waitlisted: 1, declined: 0, full: 0 })
    expect(await decideRegistrations(organizer, eventId, [ids[3]!], 'decline')).toEqual({ approved: 0, waitlisted: 0, declined: 1, full: 0 })
    expect(await counts(eventId)).toEqual({ confirmedCount: 2, confirmed: 2, waitlisted: 1, declined: 1 })
    expect(await outcome(registerForEvent(eventId, students[3]!, {}))).toBe('409:events.alreadyRegistered')
    expect(await prisma.notification.count({ where: { type: 'event.declined', userId: students[3]!.id } })).toBe(1)

    await cancelRegistration(eventId, students[0]!.id)
    expect(await counts(eventId)).toEqual({ confirmedCount: 2, confirmed: 2, cancelled: 1, declined: 1 })
    expect(await outcome(registerForEvent(eventId, students[0]!, {}))).toBe('pending')
  })

  test('raising the capacity promotes from the waitlist; lowering it below the confirmed count is refused', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 1, waitlist: true })
    const students = await makeStudents(3)
    for (const s of students) await registerForEvent(eventId, s, {})
    const base = {
      kind: 'lecture',
      titleZh: '区块链讲座',
      startsAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 50 * 3600_000).toISOString(),
      registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 40 * 3600_000).toISOString(),
      waitlist: true,
    }
    await updateEvent(organizer, eventId, eventFormSchema.parse({ ...base, capacity: 2 }))
    expect(await counts(eventId)).toEqual({ confirmedCount: 2, confirmed: 2, waitlisted: 1 })
    const error = await updateEvent(organizer, eventId, eventFormSchema.parse({ ...base, capacity: 1 })).catch((e: unknown) => e)
    expect((error as UserFacingError).fields[0]?.path).toBe('capacity')
  })
})

describe('my events', () => {
  test('own and team registrations but not cancelled ones; upcoming soonest first, past latest first', async () => {
    const organizer = await makeUser(['organizer'])
    const [student, captain] = [await makeUser(), await makeUser()]
    const hour = 3_600_000
    const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString()
    const later = await makeEvent(organizer, { titleZh: '后天的讲座' })
    const sooner = await makeEvent(organizer, { titleZh: '明天的路演', startsAt: at(24), endsAt: at(26), registrationClosesAt: at(20) })
    const dropped = await makeEvent(organizer, { titleZh: '取消报名的沙龙' })
    for (const eventId of [later, sooner, dropped]) await registerForEvent(eventId, student, {})
    await cancelRegistration(dropped, student.id)
    // A contest the captain registered the team for, with the student as a member; and a
    // past lecture the student attended (written directly: registration has closed).
    const contest = await makeEvent(organizer, { kind: 'contest', titleZh: '链上创新赛', teamSizeMin: 1, teamSizeMax: 4 })
    const team = await prisma.team.create({
      data: { eventId: contest, name: '链队', captainId: captain.id, inviteCode: `T${Date.now()}` },
      select: { id: true },
    })
    await prisma.teamMember.createMany({ data: [captain, student].map((u) => ({ teamId: team.id, userId: u.id, eventId: contest })) })
    await prisma.registration.create({
      data: { eventId: contest, userId: captain.id, teamId: team.id, status: 'confirmed', ticketCode: `C${Date.now()}` },
      select: { id: true },
    })
    const past = await prisma.event.create({
      data: {
        kind: 'lecture',
        titleZh: '上周的讲座',
        status: 'published',
        startsAt: new Date(Date.now() - 170 * hour),
        endsAt: new Date(Date.now() - 168 * hour),
        registrationOpensAt: new Date(Date.now() - 400 * hour),
        registrationClosesAt: new Date(Date.now() - 200 * hour),
      },
      select: { id: true },
    })
    await prisma.registration.create({
      data: { eventId: past.id, userId: student.id, status: 'confirmed', checkedInAt: new Date(Date.now() - 169 * hour), ticketCode: `P${Date.now()}` },
      select: { id: true },
    })

    const mine = await registrationsOfUser(student.id)
    expect(mine.upcoming.map((r) => [r.event.titleZh, r.status, r.team])).toEqual([
      ['明天的路演', 'confirmed', null],
      ['后天的讲座', 'confirmed', null],
      ['链上创新赛', 'confirmed', '链队'],
    ])
    expect(mine.past.map((r) => [r.event.titleZh, r.checkedInAt !== null])).toEqual([['上周的讲座', true]])
    expect((await registrationsOfUser(organizer.id)).upcoming).toEqual([])
  })
})
