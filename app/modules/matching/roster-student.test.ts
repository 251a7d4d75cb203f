// A student whose account a university roster created has no preferences yet: list
// columns never written are NULL in the table. Matching must treat them as empty lists.
import { beforeEach, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { candidatesFor, recommendationsFor } from './matching.server.ts'

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "Skill", "University", "User", "Company" CASCADE')
})

test('a roster-created student with no preferences gets recommendations and is a candidate once discoverable', async () => {
  const skill = await prisma.skill.create({ data: { key: 'solidity', nameZh: 'Solidity', nameEn: 'Solidity', aliases: [] }, select: { id: true } })
  const uni = await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
  const course = await prisma.course.create({
    data: { universityId: uni.id, code: 'C1', titleZh: '智能合约开发', skills: { create: { skillId: skill.id, level: 3 } } },
    select: { id: true },
  })
  const company = await prisma.company.create({ data: { nameZh: '链融', city: 'nanning', verifiedAt: new Date() }, select: { id: true } })
  const closesAt = new Date(Date.now() + 30 * 86_400_000)
  const role = await prisma.internshipRole.create({
    data: {
      companyId: company.id,
      titleZh: '智能合约开发实习生',
      kind: 'smart_contract_dev',
      city: 'nanning',
      workMode: 'onsite',
      stipendMin: 0,
      stipendMax: 0,
      daysPerWeek: 3,
      durationMonths: 3,
      languages: ['zh'],
      openings: 1,
      deadline: closesAt,
      closesAt,
      status: 'published',
      skills: { create: { skillId: skill.id, level: 2, required: true } },
    },
    select: { id: true },
  })
  // As the roster upload creates it: a profile with a university and nothing else.
  const user = await prisma.user.create({
    data: { email: 'new@stu.example.cn', name: 'new', roles: { create: { role: 'student' } }, studentProfile: { create: { universityId: uni.id } } },
    select: { studentProfile: { select: { id: true } } },
  })
  const studentId = user.studentProfile!.id
  await prisma.studentCourse.create({ data: { studentId, courseId: course.id, grade: 92, verified: true }, select: { studentId: true } })
  const [stored] = await prisma.$queryRawUnsafe<Array<{ cities: string[] | null }>>(
    'SELECT "preferredCities" AS cities FROM "StudentProfile" WHERE id = $1',
    studentId,
  )
  expect(stored?.cities).toBeNull()

  const recommended = await recommendationsFor(studentId, { limit: 5, locale: 'zh-CN' })
  expect(recommended.items.map((i) => i.role.id)).toEqual([role.id])
  expect(recommended.items[0]!.reasons.map((r) => r.text)).toContain('Solidity：智能合约开发，3 级，成绩 92')

  expect((await candidatesFor(role.id, { limit: 10, locale: 'zh-CN' })).items).toEqual([])
  await prisma.studentProfile.update({ where: { id: studentId }, data: { visibility: 'discoverable' }, select: { id: true } })
  expect((await candidatesFor(role.id, { limit: 10, locale: 'zh-CN' })).items.map((i) => i.student.id)).toEqual([studentId])
})
