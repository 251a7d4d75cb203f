// The matching endpoints through their route modules, with real requests and tokens.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { loader as candidatesLoader } from './api.v1.roles_.$id.candidates.ts'
import { loader as recommendationsLoader } from './api.v1.students.$id.recommendations.ts'
import { loader as gapLoader } from './api.v1.universities.$id.skill-gap.ts'
import { apiRequest, routeArgs } from '#tests/api-request.ts'

const req = (path: string, token?: string) => apiRequest(`http://localhost/api/v1${path}`, { token })

let worlds = 0
async function world(verified: boolean) {
  // Keys and e-mails are unique per world: the tests share one database.
  const n = ++worlds
  const skill = await prisma.skill.create({
    data: { key: `solidity-${n}`, nameZh: 'Solidity', nameEn: 'Solidity', aliases: [] },
    select: { id: true, key: true },
  })
  const uni = await prisma.university.create({
    data: { key: `gxu-${n}`, nameZh: '广西大学', nameEn: 'Guangxi University', city: 'nanning' },
    select: { id: true },
  })
  const course = await prisma.course.create({
    data: {
      universityId: uni.id,
      code: 'BC1',
      titleZh: '区块链金融创新实训',
      titleEn: 'Blockchain finance lab',
      skills: { create: { skillId: skill.id, level: 3 } },
    },
    select: { id: true },
  })
  const company = await prisma.company.create({ data: { nameZh: '链融', city: 'nanning', verifiedAt: verified ? new Date() : null }, select: { id: true } })
  const closesAt = new Date(Date.now() + 30 * 86_400_000)
  const role = await prisma.internshipRole.create({
    data: {
      key: `role-${n}`,
      companyId: company.id,
      titleZh: '合约开发',
      titleEn: 'Contract developer',
      kind: 'smart_contract_dev',
      city: 'nanning',
      workMode: 'onsite',
      stipendMin: 3000,
      stipendMax: 4000,
      daysPerWeek: 4,
      durationMonths: 3,
      languages: ['zh'],
      openings: 2,
      deadline: closesAt,
      closesAt,
      status: 'published',
      skills: { create: { skillId: skill.id, level: 3, required: true } },
    },
    select: { id: true },
  })
  const student = await prisma.user.create({
    data: {
      email: `s-${n}@stu.cn`,
      name: '李华',
      roles: { create: { role: 'student' } },
      studentProfile: {
        create: { key: `li-${n}`, universityId: uni.id, visibility: 'private', courses: { create: { courseId: course.id, grade: 92, verified: true } } },
      },
    },
    select: { id: true, studentProfile: { select: { id: true } } },
  })
  const member = await prisma.user.create({
    data: { email: `hr-${n}@firm.cn`, name: 'HR', roles: { create: { role: 'company_member' } }, companyMembers: { create: { companyId: company.id } } },
    select: { id: true },
  })
  const staff = await prisma.user.create({
    data: { email: `staff-${n}@gxu.cn`, name: 'Staff', roles: { create: { role: 'university_staff' } }, universityStaff: { create: { universityId: uni.id } } },
    select: { id: true },
  })
  const token = async (userId: string) => (await createApiToken(userId, 't')).token
  return {
    uni,
    role,
    studentProfileId: student.studentProfile!.id,
    tokens: { student: await token(student.id), member: await token(member.id), staff: await token(staff.id) },
  }
}

describe('matching API', () => {
  test('recommendations for me: contract shape, limit checked, others 404', async () => {
    const w = await world(true)
    const response = await recommendationsLoader(routeArgs(req('/students/me/recommendations?limit=5', w.tokens.student), { id: 'me' }))
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      items: Array<{ role: Record<string, unknown>; score: number; reasons: Array<{ kind: string; text: string }>; missing: unknown[] }>
    }
    expect(body.items).toHaveLength(1)
    expect(body.items[0]!.score).toBe(100)
    expect(body.items[0]!.role).toMatchObject({
      id: w.role.id,
      key: 'role-1',
      title: { zh: '合约开发', en: 'Contract developer' },
      kind: 'smart-contract-dev',
      stipendMonthly: { min: 3000, max: 4000 },
      skills: [{ skill: 'solidity-1', level: 3, required: true }],
    })
    expect(body.items[0]!.reasons[0]).toMatchObject({ kind: 'course', text: 'Solidity: level 3 from Blockchain finance lab, grade 92' })
    expect((await recommendationsLoader(routeArgs(req(`/students/key:li-1/recommendations`, w.tokens.student), { id: 'key:li-1' }))).status).toBe(200)
    const tooMany = await recommendationsLoader(routeArgs(req('/students/me/recommendations?limit=51', w.tokens.student), { id: 'me' }))
    expect(tooMany.status).toBe(400)
    expect(tooMany.headers.get('Content-Type')).toContain('application/problem+json')
    expect(
      (await recommendationsLoader(routeArgs(req(`/students/${w.studentProfileId}/recommendations`, w.tokens.member), { id: w.studentProfileId }))).status,
    ).toBe(404)
    expect((await recommendationsLoader(routeArgs(req('/students/me/recommendations'), { id: 'me' }))).status).toBe(401)
  })

  test('candidates: discoverable only, verified companies only; skill gap for staff', async () => {
    const w = await world(true)
    const first = await candidatesLoader(routeArgs(req(`/roles/key:role-2/candidates`, w.tokens.member), { id: 'key:role-2' }))
    expect(await first.json()).toEqual({ items: [] })
    await prisma.studentProfile.update({ where: { id: w.studentProfileId }, data: { visibility: 'discoverable' }, select: { id: true } })
    const second = (await (await candidatesLoader(routeArgs(req(`/roles/${w.role.id}/candidates`, w.tokens.member), { id: w.role.id }))).json()) as {
      items: Array<{ student: unknown; score: number }>
    }
    expect(second.items).toEqual([
      expect.objectContaining({
        student: { id: w.studentProfileId, key: 'li-2', name: '李华', university: { zh: '广西大学', en: 'Guangxi University' } },
        score: 100,
      }),
    ])
    // Being listed as a candidate shows in the student's "who viewed my profile".
    expect(await prisma.profileView.findMany({ where: { studentId: w.studentProfileId }, select: { context: true } })).toEqual([
      { context: `candidates:${w.role.id}` },
    ])
    expect((await candidatesLoader(routeArgs(req(`/roles/${w.role.id}/candidates`, w.tokens.student), { id: w.role.id }))).status).toBe(404)

    const unverified = await world(false)
    expect(
      (await candidatesLoader(routeArgs(req(`/roles/${unverified.role.id}/candidates`, unverified.tokens.member), { id: unverified.role.id }))).status,
    ).toBe(403)

    const gap = await gapLoader(routeArgs(req(`/universities/key:gxu-2/skill-gap`, w.tokens.staff), { id: 'key:gxu-2' }))
    const gapBody = (await gap.json()) as { items: Array<Record<string, unknown>> }
    // Demand is the region's (other worlds' roles count); supply is this university's. A role
    // of an unverified firm reaches no student, so it is no demand either.
    expect(gapBody.items.map((i) => [i.skill, i.supply])).toEqual(expect.arrayContaining([['solidity-1', 0]]))
    expect(gapBody.items.find((i) => i.skill === 'solidity-3')).toBeUndefined()
    expect(gapBody.items.find((i) => i.skill === 'solidity-2')).toEqual({
      skill: 'solidity-2',
      name: { zh: 'Solidity', en: 'Solidity' },
      demand: 2,
      supply: 1,
      gap: 1,
      taughtBy: [expect.objectContaining({ title: { zh: '区块链金融创新实训', en: 'Blockchain finance lab' } })],
    })
    expect((await gapLoader(routeArgs(req(`/universities/${unverified.uni.id}/skill-gap`, w.tokens.staff), { id: unverified.uni.id }))).status).toBe(404)
  })
})
