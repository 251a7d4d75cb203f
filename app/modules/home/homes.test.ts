// The signed-in homes' data against the real database: a student's deadlines (saved roles
// and open applications, soonest first), coming registered events and the biggest skill
// gap's course or event; a company's new applicants, closing roles and suggested candidates.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { registerForEvent } from '#app/modules/events/registrations.server.ts'
import { saveRole, unsaveRole } from '#app/modules/students/saved-roles.server.ts'
import { makeCompanyMember, makeEvent, makeUser } from '#tests/fixtures.server.ts'
import { companyHome } from './company-home.server.ts'
import { gapSuggestion, studentDeadlines, studentHome, upcomingRegisteredEvents } from './student-home.server.ts'

const now = new Date()
const DAY = 86_400_000
const inDays = (d: number) => new Date(now.getTime() + d * DAY)
const ids: Record<string, string> = {}
let member: SessionUser
let organizer: SessionUser
let student: SessionUser & { studentProfileId: string }

async function skill(key: string, zh: string, en: string) {
  ids[key] = (await prisma.skill.create({ data: { key, nameZh: zh, nameEn: en, aliases: [] }, select: { id: true } })).id
}

async function role(key: string, skills: string[], extra: { closesIn?: number; city?: string; status?: 'published' | 'closed'; companyId?: string } = {}) {
  const closesAt = inDays(extra.closesIn ?? 30)
  ids[key] = (
    await prisma.internshipRole.create({
      data: {
        key,
        companyId: extra.companyId ?? ids.company!,
        titleZh: `岗位 ${key}`,
        titleEn: `Role ${key}`,
        kind: 'smart_contract_dev',
        city: extra.city ?? 'nanning',
        workMode: 'onsite',
        stipendMin: 3000,
        stipendMax: 5000,
        daysPerWeek: 4,
        durationMonths: 3,
        languages: ['zh'],
        openings: 1,
        deadline: closesAt,
        closesAt,
        status: extra.status ?? 'published',
        publishedAt: now,
        skills: { create: skills.map((s) => ({ skillId: ids[s]!, level: 3, required: true })) },
      },
      select: { id: true },
    })
  ).id
}

async function apply(roleKey: string, studentId: string, name: string, createdAt = now, status: 'submitted' | 'rejected' = 'submitted') {
  return prisma.application.create({
    data: { roleId: ids[roleKey]!, studentId, status, createdAt, profileSnapshot: { name } },
    select: { id: true },
  })
}

beforeAll(async () => {
  await skill('solidity', 'Solidity', 'Solidity')
  await skill('go', 'Go 语言', 'Go')
  await skill('fisco-bcos', 'FISCO BCOS', 'FISCO BCOS')
  await skill('react', 'React', 'React')
  ids.gxu = (await prisma.university.create({ data: { key: 'gxu', nameZh: '广西大学', city: 'nanning' }, select: { id: true } })).id
  ids.course = (
    await prisma.course.create({
      data: {
        code: 'BC301',
        universityId: ids.gxu,
        titleZh: '智能合约开发',
        titleEn: 'Smart contract development',
        skills: { create: { skillId: ids.solidity!, level: 3 } },
      },
      select: { id: true },
    })
  ).id
  const company = await makeCompanyMember({ nameZh: '链融科技' })
  member = company.user
  ids.company = company.companyId
  // Nanning (the student's preferred city) asks for Solidity three times and Go once;
  // Liuzhou asks for FISCO BCOS four times, which the preference leaves out.
  await role('sol-soon', ['solidity'], { closesIn: 3 })
  await role('sol-mid', ['solidity'], { closesIn: 10 })
  await role('sol-late', ['solidity', 'react'], { closesIn: 40 })
  await role('go-role', ['go'], { closesIn: 20 })
  for (const n of [1, 2, 3, 4]) await role(`fisco-${n}`, ['fisco-bcos'], { city: 'liuzhou' })
  await role('closed', ['solidity'], { status: 'closed' })

  const user = await makeUser(['student'], { name: '林同学', universityId: ids.gxu })
  student = { ...user, studentProfileId: user.studentProfileId! }
  await prisma.studentProfile.update({
    where: { id: student.studentProfileId },
    data: { preferredCities: ['nanning'], skills: { create: { skillId: ids.react!, level: 3 } } },
  })
  organizer = await makeUser(['organizer'])
})

describe('student home', () => {
  test('deadlines list saved roles and open applications once each, soonest first; closed and final ones drop out', async () => {
    await apply('sol-mid', student.studentProfileId, '林同学')
    await saveRole(student.studentProfileId, ids['sol-soon']!)
    await saveRole(student.studentProfileId, ids['sol-mid']!) // applied too: listed once, as the application
    await saveRole(student.studentProfileId, ids['sol-late']!)
    await saveRole(student.studentProfileId, ids['sol-late']!) // saving twice changes nothing
    await expect(saveRole(student.studentProfileId, ids.closed!)).rejects.toMatchObject({ status: 404 })
    const other = await makeUser(['student'])
    await apply('go-role', other.studentProfileId!, 'x') // another student's application is not listed
    await apply('fisco-1', student.studentProfileId, '林同学', now, 'rejected') // a final one neither

    const deadlines = await studentDeadlines(student.studentProfileId, now)
    expect(deadlines.map((d) => [d.role.id, d.kind])).toEqual([
      [ids['sol-soon'], 'saved'],
      [ids['sol-mid'], 'application'],
      [ids['sol-late'], 'saved'],
    ])
    expect(deadlines[1]).toMatchObject({ status: 'submitted', role: { company: { nameZh: '链融科技' } } })

    await unsaveRole(student.studentProfileId, ids['sol-late']!)
    expect((await studentDeadlines(student.studentProfileId, now)).map((d) => d.role.id)).toEqual([ids['sol-soon'], ids['sol-mid']])
    // A week on, the first deadline has passed.
    expect((await studentDeadlines(student.studentProfileId, inDays(7))).map((d) => d.role.id)).toEqual([ids['sol-mid']])
  })

  test('registered events that have not ended, soonest first; cancelled and other people’s are left out', async () => {
    const later = await makeEvent(organizer, { titleZh: '路演', startsAt: inDays(6).toISOString(), endsAt: inDays(6.1).toISOString() })
    const sooner = await makeEvent(organizer, { titleZh: '讲座' })
    const cancelled = await makeEvent(organizer, { titleZh: '沙龙' })
    const notMine = await makeEvent(organizer, { titleZh: '比赛' })
    await registerForEvent(later, student, {})
    await registerForEvent(sooner, student, {})
    await registerForEvent(cancelled, student, {})
    await prisma.registration.updateMany({ where: { eventId: cancelled, userId: student.id }, data: { status: 'cancelled' } })
    await registerForEvent(notMine, await makeUser(['student']), {})

    expect((await upcomingRegisteredEvents(student.id, now)).map((e) => [e.id, e.status])).toEqual([
      [sooner, 'confirmed'],
      [later, 'confirmed'],
    ])
    expect((await upcomingRegisteredEvents(student.id, inDays(5))).map((e) => e.id)).toEqual([later])
  })

  test('the biggest gap among roles matching the preferences is named with the course that teaches it', async () => {
    const { gap, suggestion } = await gapSuggestion(student, student.studentProfileId, now)
    expect(gap).toMatchObject({ skillId: ids.solidity, roles: 3, scope: 'preferences', name: { zh: 'Solidity' } })
    expect(suggestion).toMatchObject({ kind: 'course', id: ids.course, titleZh: '智能合约开发' })
  })

  test('once the course is taken, the next gap is suggested with an event; without preferences all open roles count', async () => {
    await prisma.studentCourse.create({ data: { studentId: student.studentProfileId, courseId: ids.course!, grade: 90 } })
    // Go: one role in Nanning, no course teaches it; a coming event does.
    const goEvent = await prisma.event.create({
      data: {
        kind: 'lecture',
        titleZh: 'Go 语言工作坊',
        status: 'published',
        startsAt: inDays(8),
        endsAt: inDays(8.2),
        registrationOpensAt: inDays(-1),
        registrationClosesAt: inDays(7),
        skills: { create: { skillId: ids.go!, level: 2 } },
      },
      select: { id: true },
    })
    const next = await gapSuggestion(student, student.studentProfileId, now)
    expect(next.gap).toMatchObject({ skillId: ids.go, roles: 1, scope: 'preferences' })
    expect(next.suggestion).toMatchObject({ kind: 'event', id: goEvent.id })

    await prisma.studentProfile.update({ where: { id: student.studentProfileId }, data: { preferredCities: [] } })
    const anywhere = await gapSuggestion(student, student.studentProfileId, now)
    // FISCO BCOS (four roles in Liuzhou) is now the biggest gap; nothing teaches it, so Go's event is suggested.
    expect(anywhere.gap).toMatchObject({ skillId: ids.go, scope: 'open' })
    expect(anywhere.suggestion).toMatchObject({ kind: 'event', id: goEvent.id })
    await prisma.studentProfile.update({ where: { id: student.studentProfileId }, data: { preferredCities: ['nanning'] } })
  })

  test('a student with evidence of every demanded skill has no gap; the whole home loads in one call', async () => {
    const expert = await makeUser(['student'])
    await prisma.studentProfile.update({
      where: { id: expert.studentProfileId! },
      data: { skills: { create: ['solidity', 'go', 'fisco-bcos', 'react'].map((key) => ({ skillId: ids[key]!, level: 4 })) } },
    })
    expect(await gapSuggestion(expert, expert.studentProfileId!, now)).toEqual({ gap: null, suggestion: null })

    const home = await studentHome(student, 'zh-CN', now)
    expect(home.deadlines.length).toBeGreaterThan(0)
    expect(home.events.length).toBeGreaterThan(0)
    expect(home.recommended.map((r) => r.role.id)).toContain(ids['sol-soon'])
    expect(home.empty).toBe(false)
  })
})

describe('company home', () => {
  test('new applicants of the last seven days, roles closing within two weeks, and suggested candidates who chose to be found', async () => {
    const fresh = await makeUser(['student'], { name: '周同学' })
    const old = await makeUser(['student'], { name: '吴同学' })
    await apply('sol-soon', fresh.studentProfileId!, '周同学')
    await apply('sol-soon', old.studentProfileId!, '吴同学', inDays(-10))
    const otherFirm = await makeCompanyMember()
    await role('elsewhere', ['solidity'], { companyId: otherFirm.companyId })
    await apply('elsewhere', fresh.studentProfileId!, '周同学')

    // Two students with Solidity: only the discoverable one is suggested.
    const found = await makeUser(['student'], { name: '公开同学' })
    const hidden = await makeUser(['student'], { name: '私密同学' })
    for (const [who, visibility] of [
      [found, 'discoverable'],
      [hidden, 'private'],
    ] as const) {
      await prisma.studentProfile.update({
        where: { id: who.studentProfileId! },
        data: { visibility, preferredCities: ['nanning'], skills: { create: { skillId: ids.solidity!, level: 4 } } },
      })
    }

    const home = await companyHome(member, null, 'zh-CN', now)
    expect(home).not.toBeNull()
    const names = home!.applicants.items.map((a) => a.name)
    expect(names).toContain('周同学')
    expect(names).not.toContain('吴同学')
    // sol-mid's application by the student above is new too; the other firm's is not counted.
    expect(home!.applicants.count).toBe(home!.applicants.items.length)
    expect(home!.applicants.items.every((a) => a.role.id !== ids.elsewhere)).toBe(true)

    expect(home!.closing.map((r) => r.id)).toEqual([ids['sol-soon'], ids['sol-mid']])
    expect(home!.closing[0]!._count.applications).toBe(2)

    expect(home!.candidates.allowed).toBe(true)
    const suggested = home!.candidates.roles.flatMap((r) => r.candidates.map((c) => c.name))
    expect(suggested).toContain('公开同学')
    expect(suggested).not.toContain('私密同学')
    expect(home!.candidates.roles[0]!.role.id).toBe(ids['sol-soon'])
  })

  test('an unverified company sees no candidates; someone in no company gets no home', async () => {
    const unverified = await makeCompanyMember({ verified: false })
    const home = await companyHome(unverified.user, null, 'en', now)
    expect(home?.candidates).toEqual({ allowed: false, roles: [] })
    expect(home?.applicants).toEqual({ count: 0, items: [] })
    expect(await companyHome(await makeUser(['company_member']), null, 'en', now)).toBeNull()
  })
})
