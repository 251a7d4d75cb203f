// The matching index answers from memory but must never be behind the database: every
// kind of change the triggers log reaches it before the next use, including a change whose
// transaction began before, and committed after, one the index had already read.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { cleanUpExpired } from '#app/modules/jobs/maintenance.server.ts'
import { CHANGE_RETENTION_MS } from './match-index.server.ts'
import { candidatesFor, recommendationsFor } from './matching.server.ts'
import { skillGapReport } from './skill-gap.server.ts'

const ids: Record<string, string> = {}
const closesAt = new Date(Date.now() + 30 * 86_400_000)

function roleData(key: string, skillKey: string) {
  return {
    key,
    companyId: ids.company!,
    titleZh: `岗位 ${key}`,
    kind: 'smart_contract_dev' as const,
    city: 'nanning',
    workMode: 'onsite' as const,
    stipendMin: 0,
    stipendMax: 0,
    daysPerWeek: 3,
    durationMonths: 3,
    languages: ['zh'],
    openings: 1,
    deadline: closesAt,
    closesAt,
    status: 'published' as const,
    skills: { create: { skillId: ids[skillKey]!, level: 2, required: true } },
  }
}

async function student(key: string, data: { skill?: string; course?: string }) {
  const user = await prisma.user.create({
    data: {
      email: `${key}@stu.example.cn`,
      name: key,
      studentProfile: {
        create: {
          key,
          universityId: ids.uni,
          visibility: 'discoverable',
          ...(data.skill ? { skills: { create: { skillId: ids[data.skill]!, level: 3 } } } : {}),
          ...(data.course ? { courses: { create: { courseId: ids[data.course]!, grade: 90, verified: true } } } : {}),
        },
      },
    },
    select: { id: true, studentProfile: { select: { id: true } } },
  })
  ids[key] = user.studentProfile!.id
  ids[`${key}.user`] = user.id
}

// Sorted: equal scores are ordered by id, and ids are random; membership is what is tested here.
const recommendedKeys = async (studentKey: string) =>
  (await recommendationsFor(ids[studentKey]!, { limit: 20, locale: 'en' })).items.map((i) => i.role.key).sort()
const candidateKeys = async (roleKey: string) => (await candidatesFor(ids[roleKey]!, { limit: 20, locale: 'en' })).items.map((i) => i.student.key).sort()

beforeAll(async () => {
  for (const key of ['solidity', 'go', 'rust']) {
    ids[key] = (await prisma.skill.create({ data: { key, nameZh: key, nameEn: key, aliases: [] }, select: { id: true } })).id
  }
  ids.uni = (await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })).id
  ids.company = (await prisma.company.create({ data: { nameZh: '链融', city: 'nanning', verifiedAt: new Date() }, select: { id: true } })).id
  ids.course = (
    await prisma.course.create({
      data: { universityId: ids.uni, code: 'GO1', titleZh: 'Go 程序设计', skills: { create: { skillId: ids.go!, level: 3 } } },
      select: { id: true },
    })
  ).id
  for (const key of ['r-sol', 'r-rust', 'r-go']) {
    const skill = key === 'r-sol' ? 'solidity' : key === 'r-rust' ? 'rust' : 'go'
    ids[key] = (await prisma.internshipRole.create({ data: roleData(key, skill), select: { id: true } })).id
  }
  await student('ana', { skill: 'solidity' })
  await student('bao', { course: 'course' })
})

describe('the matching index follows the database', () => {
  test('a change committed after a later one has been read is still applied', async () => {
    expect(await recommendedKeys('ana')).toEqual(['r-sol'])
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let written!: () => void
    const wasWritten = new Promise<void>((resolve) => (written = resolve))
    // The slow transaction writes first (its change is logged first) but commits last.
    const slow = prisma.$transaction(async (tx) => {
      await tx.internshipRole.create({ data: roleData('r-slow', 'solidity'), select: { id: true } })
      written()
      await released
    })
    await wasWritten
    await prisma.internshipRole.create({ data: roleData('r-fast', 'solidity'), select: { id: true } })
    expect(await recommendedKeys('ana')).toEqual(['r-fast', 'r-sol'])
    release()
    await slow
    expect(await recommendedKeys('ana')).toEqual(['r-fast', 'r-slow', 'r-sol'])
  })

  test('roles: closing one removes it, a new skill on one brings it in', async () => {
    await prisma.internshipRole.update({ where: { key: 'r-fast' }, data: { status: 'closed' }, select: { id: true } })
    await prisma.roleSkill.create({ data: { roleId: ids['r-rust']!, skillId: ids.solidity!, level: 2, required: true }, select: { roleId: true } })
    const keys = await recommendedKeys('ana')
    expect(keys).not.toContain('r-fast')
    expect(keys).toContain('r-rust')
  })

  test('students: visibility, declared skills, a course’s new skill and an event all count at once', async () => {
    expect(await candidateKeys('r-rust')).toEqual(['ana'])
    // Bao's course starts teaching Solidity: Bao now shows it.
    await prisma.courseSkill.create({ data: { courseId: ids.course!, skillId: ids.solidity!, level: 2 }, select: { courseId: true } })
    expect(await candidateKeys('r-sol')).toEqual(['ana', 'bao'])
    // Ana goes private: no longer a candidate anywhere.
    await prisma.studentProfile.update({ where: { id: ids.ana! }, data: { visibility: 'private' }, select: { id: true } })
    expect(await candidateKeys('r-sol')).toEqual(['bao'])
    // A confirmed place at a Go workshop is evidence for a student with no Go of their own.
    await student('cui', {})
    expect(await candidateKeys('r-go')).toEqual(['bao'])
    const event = await prisma.event.create({
      data: {
        kind: 'lecture',
        titleZh: 'Go 工作坊',
        status: 'published',
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(),
        registrationOpensAt: new Date(Date.now() - 9 * 86_400_000),
        registrationClosesAt: new Date(Date.now() - 2 * 86_400_000),
        skills: { create: { skillId: ids.go!, level: 2 } },
      },
      select: { id: true },
    })
    await prisma.registration.create({ data: { eventId: event.id, userId: ids['cui.user']!, status: 'confirmed', ticketCode: 'T-CUI' }, select: { id: true } })
    expect(await candidateKeys('r-go')).toEqual(['bao', 'cui'])
  })

  test('a student whose address is unverified is no candidate until it is verified', async () => {
    expect(await candidateKeys('r-sol')).toContain('bao')
    await prisma.user.update({ where: { id: ids['bao.user']! }, data: { emailVerifiedAt: null }, select: { id: true } })
    expect(await candidateKeys('r-sol')).not.toContain('bao')
    await prisma.user.update({ where: { id: ids['bao.user']! }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
    expect(await candidateKeys('r-sol')).toContain('bao')
  })

  test('a company that loses its verification, or is suspended, takes its roles out of the matches', async () => {
    expect(await recommendedKeys('ana')).toContain('r-sol')
    await prisma.company.update({ where: { id: ids.company! }, data: { verifiedAt: null }, select: { id: true } })
    expect(await recommendedKeys('ana')).toEqual([])
    await prisma.company.update({ where: { id: ids.company! }, data: { verifiedAt: new Date() }, select: { id: true } })
    expect(await recommendedKeys('ana')).toContain('r-sol')
    await prisma.company.update({ where: { id: ids.company! }, data: { suspendedAt: new Date() }, select: { id: true } })
    expect(await recommendedKeys('ana')).toEqual([])
    await prisma.company.update({ where: { id: ids.company! }, data: { suspendedAt: null }, select: { id: true } })
    expect(await recommendedKeys('ana')).toContain('r-sol')
  })

  test('the skill-gap report sees renamed skills and new supply', async () => {
    await prisma.skill.update({ where: { id: ids.rust! }, data: { nameEn: 'Rust (systems)' }, select: { id: true } })
    const before = (await skillGapReport({ universityId: ids.uni! })).items.find((i) => i.skill === 'go')!
    await student('dai', { course: 'course' })
    const { items } = await skillGapReport({ universityId: ids.uni! })
    expect(items.find((i) => i.skill === 'rust')?.name.en).toBe('Rust (systems)')
    expect(items.find((i) => i.skill === 'go')!.supply).toBe(before.supply + 1)
  })

  test('after TRUNCATE the index is rebuilt', async () => {
    expect(await recommendedKeys('bao')).toContain('r-go')
    await prisma.$executeRawUnsafe('TRUNCATE "InternshipRole" CASCADE')
    expect(await recommendedKeys('bao')).toEqual([])
  })

  test('the daily clean-up deletes logged changes past their retention', async () => {
    const old = new Date(Date.now() - CHANGE_RETENTION_MS - 60_000)
    await prisma.matchChange.updateMany({ where: { kind: 'student' }, data: { at: old } })
    const kept = await prisma.matchChange.count({ where: { kind: { not: 'student' } } })
    expect(kept).toBeGreaterThan(0)
    expect((await cleanUpExpired()).matchChanges).toBeGreaterThan(0)
    expect(await prisma.matchChange.count()).toBe(kept)
  })
})
