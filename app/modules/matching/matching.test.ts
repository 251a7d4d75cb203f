// Integration: a small region imported with Prisma; recommendations, candidates and the
// skill-gap report are checked for order and reasons.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { candidateAccess, candidatesFor, inviteToApply, matchSummaries, recommendationsFor, recommendedRoleIds } from './matching.server.ts'
import { skillGapReport } from './skill-gap.server.ts'

const now = new Date()
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000)
const ids: Record<string, string> = {}

async function skill(key: string, zh: string, en: string, parent?: string) {
  ids[key] = (await prisma.skill.create({ data: { key, nameZh: zh, nameEn: en, aliases: [], parentId: parent ? ids[parent] : null }, select: { id: true } })).id
}

async function role(
  key: string,
  skills: Array<[string, number, boolean]>,
  extra: { status?: 'published' | 'closed'; closesAt?: Date; city?: string; openings?: number } = {},
) {
  const closesAt = extra.closesAt ?? inDays(30)
  ids[key] = (
    await prisma.internshipRole.create({
      data: {
        key,
        companyId: ids.company!,
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
        openings: extra.openings ?? 1,
        deadline: closesAt,
        closesAt,
        status: extra.status ?? 'published',
        skills: { create: skills.map(([s, level, required]) => ({ skillId: ids[s]!, level, required })) },
      },
      select: { id: true },
    })
  ).id
}

async function student(
  key: string,
  visibility: 'private' | 'discoverable',
  data: { courses?: Array<[string, number]>; skills?: Array<[string, number]> } = {},
) {
  const user = await prisma.user.create({
    data: {
      email: `${key}@stu.example.cn`,
      name: key,
      roles: { create: { role: 'student' } },
      studentProfile: {
        create: {
          key,
          visibility,
          universityId: ids.gxu,
          preferredCities: ['nanning'],
          languages: { create: { language: 'zh', level: '母语' } },
          courses: { create: (data.courses ?? []).map(([c, grade]) => ({ courseId: ids[c]!, grade, verified: true })) },
          skills: { create: (data.skills ?? []).map(([s, level]) => ({ skillId: ids[s]!, level })) },
        },
      },
    },
    select: { id: true, studentProfile: { select: { id: true } } },
  })
  ids[key] = user.studentProfile!.id
  ids[`${key}.user`] = user.id
}

const viewer = (over: Partial<SessionUser>): SessionUser => ({
  id: 'x',
  email: 'x@x',
  name: 'x',
  locale: 'en',
  roles: [],
  companyIds: [],
  universityIds: [],
  studentProfileId: null,
  ...over,
})

beforeAll(async () => {
  await skill('smart-contracts', '智能合约', 'Smart contracts')
  await skill('solidity', 'Solidity', 'Solidity', 'smart-contracts')
  await skill('fisco-bcos', 'FISCO BCOS', 'FISCO BCOS')
  await skill('go', 'Go 语言', 'Go')
  ids.gxu = (
    await prisma.university.create({ data: { key: 'gxu', nameZh: '广西大学', nameEn: 'Guangxi University', city: 'nanning' }, select: { id: true } })
  ).id
  ids.other = (await prisma.university.create({ data: { key: 'glut', nameZh: '桂林理工大学', nameEn: 'GLUT', city: 'guilin' }, select: { id: true } })).id
  const course = async (key: string, uni: string, zh: string, skills: Array<[string, number]>) => {
    ids[key] = (
      await prisma.course.create({
        data: {
          key,
          code: key.toUpperCase(),
          universityId: ids[uni]!,
          titleZh: zh,
          titleEn: `${key} course`,
          skills: { create: skills.map(([s, level]) => ({ skillId: ids[s]!, level })) },
        },
        select: { id: true },
      })
    ).id
  }
  await course('bc101', 'gxu', '区块链金融创新实训', [['solidity', 3]])
  await course('bc201', 'gxu', 'FISCO BCOS 联盟链开发', [['fisco-bcos', 3]])
  await course('gl-go', 'other', 'Go 程序设计', [['go', 3]])
  await course('gl-fisco', 'other', '联盟链实践', [['fisco-bcos', 2]])
  ids.company = (await prisma.company.create({ data: { key: 'firm', nameZh: '链融科技', city: 'nanning', verifiedAt: now }, select: { id: true } })).id
  ids.unverified = (await prisma.company.create({ data: { key: 'new-firm', nameZh: '新公司', city: 'nanning' }, select: { id: true } })).id
  await role('r-sol', [['solidity', 3, true]], { openings: 3 })
  await role('r-parent', [['smart-contracts', 3, true]])
  await role(
    'r-fisco',
    [
      ['fisco-bcos', 3, true],
      ['solidity', 2, false],
    ],
    { openings: 2 },
  )
  await role('r-closed', [['solidity', 3, true]], { status: 'closed' })
  await role('r-past', [['solidity', 3, true]], { closesAt: inDays(-1) })
  await role('r-go', [['go', 3, true]], { city: 'liuzhou' })
  ids.event = (
    await prisma.event.create({
      data: {
        key: 'fisco-camp',
        kind: 'lecture',
        titleZh: 'FISCO BCOS 训练营',
        titleEn: 'FISCO BCOS camp',
        status: 'published',
        startsAt: inDays(10),
        endsAt: inDays(11),
        registrationOpensAt: inDays(-5),
        registrationClosesAt: inDays(9),
        skills: { create: { skillId: ids['fisco-bcos']!, level: 2 } },
      },
      select: { id: true },
    })
  ).id
  await student('alice', 'discoverable', { courses: [['bc101', 92]] })
  await student('bob', 'private', { skills: [['solidity', 3]] })
  await student('chen', 'discoverable', { skills: [['solidity', 2]] })
  // Chen took part in a past contest that exercised FISCO BCOS.
  const contest = await prisma.event.create({
    data: {
      kind: 'contest',
      titleZh: '链上创新赛',
      titleEn: 'Chain contest',
      status: 'published',
      startsAt: inDays(-40),
      endsAt: inDays(-39),
      registrationOpensAt: inDays(-60),
      registrationClosesAt: inDays(-41),
      skills: { create: { skillId: ids['fisco-bcos']!, level: 3 } },
    },
    select: { id: true },
  })
  await prisma.registration.create({
    data: { eventId: contest.id, userId: ids['chen.user']!, status: 'confirmed', ticketCode: 'T-CHEN' },
    select: { id: true },
  })
})

describe('recommendations', () => {
  test('ranked by evidence, with reasons in the reader’s language; closed and past roles never appear', async () => {
    const { items } = await recommendationsFor(ids.alice!, { limit: 10, locale: 'en' })
    expect(items.map((i) => i.role.key)).toEqual(['r-sol', 'r-parent', 'r-fisco'])
    // The same order sorts /roles by "recommended".
    expect(await recommendedRoleIds(ids.alice!)).toEqual(items.map((i) => i.role.id))
    const [first, second, third] = items
    expect(first!.score).toBe(100)
    expect(first!.reasons[0]).toEqual({ kind: 'course', text: 'Solidity: level 3 from bc101 course, grade 92', positive: true })
    expect(first!.reasons.map((r) => r.text)).toContain('In Nanning, a preferred city')
    expect(second!.reasons[0]!.text).toBe('Smart contracts: partly shown by Solidity (level 3 from bc101 course, grade 92)')
    // Missing FISCO BCOS caps the score; the home university's course is suggested first, then the event.
    expect(third!.score).toBeLessThanOrEqual(40)
    expect(third!.missing).toHaveLength(1)
    expect(third!.missing[0]).toMatchObject({ skill: 'fisco-bcos', level: 3 })
    expect(third!.missing[0]!.courses.map((c) => c.key)).toEqual(['bc201', 'gl-fisco'])
    expect(third!.missing[0]!.events.map((e) => e.key)).toEqual(['fisco-camp'])
    expect(third!.role).toMatchObject({ key: 'r-fisco', kind: 'smart-contract-dev', company: { key: 'firm' }, stipendMonthly: { min: 3000, max: 5000 } })

    const zh = await recommendationsFor(ids.alice!, { limit: 1, locale: 'zh-CN' })
    expect(zh.items).toHaveLength(1)
    expect(zh.items[0]!.reasons[0]!.text).toBe('Solidity：区块链金融创新实训，3 级，成绩 92')
  })

  test('event participation counts as evidence', async () => {
    const { items } = await recommendationsFor(ids.chen!, { limit: 10, locale: 'en' })
    const fisco = items.find((i) => i.role.key === 'r-fisco')
    expect(fisco?.reasons[0]?.text).toBe('FISCO BCOS: took part in Chain contest')
    expect(fisco?.missing).toEqual([])
  })

  test('match summaries for a list of roles: open roles only, three reasons', async () => {
    const summaries = await matchSummaries(ids.alice!, [ids['r-sol']!, ids['r-closed']!, ids['r-go']!], 'en')
    expect(Object.keys(summaries).sort()).toEqual([ids['r-go'], ids['r-sol']].sort())
    expect(summaries[ids['r-sol']!]!.score).toBe(100)
    expect(summaries[ids['r-go']!]!.missing).toEqual(['Go'])
  })
})

describe('candidates', () => {
  test('only discoverable students, best first; a private student appears once discoverable', async () => {
    const first = await candidatesFor(ids['r-sol']!, { limit: 10, locale: 'en' })
    expect(first.items.map((i) => i.student.key)).toEqual(['alice', 'chen'])
    expect(first.items[0]!.student.university).toEqual({ zh: '广西大学', en: 'Guangxi University' })
    expect(first.items[1]!.reasons[0]!.text).toBe('Solidity: self-declared level 2')
    await prisma.studentProfile.update({ where: { id: ids.bob! }, data: { visibility: 'discoverable' }, select: { id: true } })
    const after = await candidatesFor(ids['r-sol']!, { limit: 10, locale: 'en' })
    expect(after.items.map((i) => i.student.key)).toEqual(['alice', 'bob', 'chen'])
    await prisma.studentProfile.update({ where: { id: ids.bob! }, data: { visibility: 'private' }, select: { id: true } })
  })

  test('the company’s page shows each candidate’s evidence with its source; the API’s items keep their shape', async () => {
    const page = await candidatesFor(ids['r-sol']!, { limit: 10, locale: 'en', withEvidence: true })
    const sources = Object.fromEntries(page.items.map((i) => [i.student.key, i.evidence?.map((e) => `${e.what}:${e.origin}:${e.title?.en ?? '-'}`)]))
    expect(sources).toEqual({
      alice: ['course:verified:bc101 course'],
      chen: ['event:event:Chain contest', 'skills:selfReported:-'],
    })
    expect(page.items[0]!.evidence![0]).toMatchObject({ grade: 92, skills: [{ name: { en: 'Solidity' }, level: 3 }] })
    const api = await candidatesFor(ids['r-sol']!, { limit: 10, locale: 'en' })
    expect(api.items.every((i) => !('evidence' in i))).toBe(true)
  })

  test('company members of a verified company and admins may look; others get 404; invite notifies once', async () => {
    const member = viewer({ id: 'member', companyIds: [ids.company!] })
    expect((await candidateAccess(member, ids['r-sol']!)).allowed).toBe(true)
    await expect(candidateAccess(viewer({ companyIds: [ids.unverified!] }), ids['r-sol']!)).rejects.toMatchObject({ status: 404 })
    const memberUser = await prisma.user.create({
      data: { email: 'hr@firm.cn', name: 'HR', companyMembers: { create: { companyId: ids.company! } } },
      select: { id: true },
    })
    await inviteToApply(viewer({ id: memberUser.id, companyIds: [ids.company!] }), ids['r-sol']!, ids.alice!)
    const notes = await prisma.notification.findMany({ where: { userId: ids['alice.user']! }, select: { type: true, link: true } })
    expect(notes).toEqual([{ type: 'application.invited', link: `/roles/${ids['r-sol']}` }])
    await expect(inviteToApply(viewer({ id: memberUser.id, companyIds: [ids.company!] }), ids['r-sol']!, ids.alice!)).rejects.toMatchObject({ status: 409 })
    await expect(inviteToApply(viewer({ id: memberUser.id, companyIds: [ids.company!] }), ids['r-sol']!, ids.bob!)).rejects.toMatchObject({ status: 404 })
  })
})

describe('skill gap', () => {
  test('demand weighted by openings against the university’s supply, largest gap first', async () => {
    const { items } = await skillGapReport({ universityId: ids.gxu! })
    const bySkill = Object.fromEntries(items.map((i) => [i.skill, i]))
    // r-sol (3 openings) + r-fisco nice-to-have (2 × 0.5); closed and past roles do not count.
    expect(bySkill.solidity).toMatchObject({ demand: 4, supply: 3 })
    expect(bySkill['fisco-bcos']).toMatchObject({
      demand: 2,
      supply: 0,
      taughtBy: [{ key: 'bc201', title: { zh: 'FISCO BCOS 联盟链开发', en: 'bc201 course' } }],
    })
    expect(bySkill.go).toMatchObject({ demand: 1, supply: 0, taughtBy: [] })
    // Ties on the gap go to the larger demand.
    expect(items.map((i) => i.skill)).toEqual(['fisco-bcos', 'solidity', 'go', 'smart-contracts'])
    const liuzhou = await skillGapReport({ universityId: ids.gxu!, city: '柳州' })
    expect(liuzhou.items.filter((i) => i.demand > 0).map((i) => i.skill)).toEqual(['go'])
  })
})
