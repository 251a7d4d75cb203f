import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { createSkill, mergeSkills, searchSkills, updateSkill } from './skills.server.ts'

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "Skill", "University", "User", "Company", "OutboxEntry", "AuditLog" CASCADE')
})

async function setup() {
  const admin = await prisma.user.create({ data: { email: 'admin@lq.cn', name: 'Admin' }, select: { id: true } })
  const parent = await createSkill(admin.id, { key: 'smart-contracts', nameZh: '智能合约', aliases: [] })
  const sol = await createSkill(admin.id, { key: 'solidity', nameZh: 'Solidity', nameEn: 'Solidity', aliases: [], parentKey: 'smart-contracts' })
  const dup = await createSkill(admin.id, { key: 'sol-lang', nameZh: '智能合约语言', aliases: ['sol'] })
  const child = await createSkill(admin.id, { key: 'sol-gas', nameEn: 'Gas optimisation', aliases: [], parentKey: 'sol-lang' })
  const uni = await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
  const course = await prisma.course.create({
    data: {
      universityId: uni.id,
      code: 'C1',
      titleZh: '课程',
      skills: {
        create: [
          { skillId: sol.id, level: 2 },
          { skillId: dup.id, level: 4 },
        ],
      },
    },
    select: { id: true },
  })
  const company = await prisma.company.create({ data: { nameZh: '公司', city: 'nanning' }, select: { id: true } })
  const role = await prisma.internshipRole.create({
    data: {
      companyId: company.id,
      titleZh: '岗位',
      kind: 'smart_contract_dev',
      city: 'nanning',
      workMode: 'onsite',
      stipendMin: 0,
      stipendMax: 0,
      daysPerWeek: 3,
      durationMonths: 3,
      languages: [],
      openings: 1,
      deadline: new Date('2030-01-01'),
      closesAt: new Date('2030-01-01'),
      status: 'published',
      skills: {
        create: [
          { skillId: sol.id, level: 3, required: false },
          { skillId: dup.id, level: 2, required: true },
        ],
      },
    },
    select: { id: true },
  })
  const onlyDup = await prisma.internshipRole.create({
    data: {
      companyId: company.id,
      titleZh: '岗位2',
      kind: 'app_dev',
      city: 'nanning',
      workMode: 'remote',
      stipendMin: 0,
      stipendMax: 0,
      daysPerWeek: 3,
      durationMonths: 3,
      languages: [],
      openings: 1,
      deadline: new Date('2030-01-01'),
      closesAt: new Date('2030-01-01'),
      status: 'published',
      skills: { create: [{ skillId: dup.id, level: 3, required: true }] },
    },
    select: { id: true },
  })
  return { admin, parent, sol, dup, child, course, role, onlyDup }
}

describe('skills', () => {
  test('merging moves every reference, keeps the higher level and the required flag, re-parents children', async () => {
    const s = await setup()
    await prisma.outboxEntry.deleteMany()
    const result = await mergeSkills(s.admin.id, { sourceKey: 'sol-lang', targetKey: 'solidity' })
    expect(result.roles).toBe(2)
    expect(await prisma.skill.findUnique({ where: { key: 'sol-lang' }, select: { id: true } })).toBeNull()
    expect(await prisma.courseSkill.findMany({ where: { courseId: s.course.id }, select: { skillId: true, level: true } })).toEqual([
      { skillId: s.sol.id, level: 4 },
    ])
    expect(await prisma.roleSkill.findMany({ where: { roleId: s.role.id }, select: { skillId: true, level: true, required: true } })).toEqual([
      { skillId: s.sol.id, level: 3, required: true },
    ])
    expect(await prisma.roleSkill.findMany({ where: { roleId: s.onlyDup.id }, select: { skillId: true } })).toEqual([{ skillId: s.sol.id }])
    const target = await prisma.skill.findUniqueOrThrow({ where: { id: s.sol.id }, select: { aliases: true, parentId: true } })
    expect(target.aliases.sort()).toEqual(['sol', 'sol-lang', '智能合约语言'].sort())
    expect(target.parentId).toBe(s.parent.id)
    expect((await prisma.skill.findUniqueOrThrow({ where: { id: s.child.id }, select: { parentId: true } })).parentId).toBe(s.sol.id)
    const outbox = await prisma.outboxEntry.findMany({ select: { entity: true, entityId: true } })
    expect(outbox).toEqual(
      expect.arrayContaining([
        { entity: 'role', entityId: s.role.id },
        { entity: 'role', entityId: s.onlyDup.id },
        { entity: 'skill', entityId: s.sol.id },
      ]),
    )
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'skill.merge' }, select: { actorId: true, entityId: true } })
    expect(audit).toEqual({ actorId: s.admin.id, entityId: s.sol.id })
  })

  test('résumé suggestions follow a merge; a student offered both keeps the offer on the target', async () => {
    const s = await setup()
    const students = await Promise.all(
      ['a', 'b'].map(async (name) => {
        const user = await prisma.user.create({
          data: {
            email: `${name}@stu.cn`,
            name,
            studentProfile: { create: { resumes: { create: { storageKey: `resumes/${name}.pdf`, filename: 'cv.pdf', size: 1 } } } },
          },
          select: { studentProfile: { select: { id: true, resumes: { select: { id: true } } } } },
        })
        return { studentId: user.studentProfile!.id, resumeId: user.studentProfile!.resumes[0]!.id }
      }),
    )
    const [a, b] = students as [(typeof students)[number], (typeof students)[number]]
    await prisma.resumeSkillSuggestion.createMany({
      data: [
        { ...a, skillId: s.sol.id, sentence: 'Solidity', status: 'dismissed' },
        { ...a, skillId: s.dup.id, sentence: '智能合约语言' },
        { ...b, skillId: s.dup.id, sentence: '智能合约语言' },
      ],
    })
    await mergeSkills(s.admin.id, { sourceKey: 'sol-lang', targetKey: 'solidity' })
    const left = await prisma.resumeSkillSuggestion.findMany({ orderBy: { status: 'asc' }, select: { studentId: true, skillId: true, status: true } })
    expect(left).toEqual([
      { studentId: b.studentId, skillId: s.sol.id, status: 'pending' },
      { studentId: a.studentId, skillId: s.sol.id, status: 'dismissed' },
    ])
  })

  test('renames are audited; a parent cycle and a taken key are field errors', async () => {
    const s = await setup()
    await updateSkill(s.admin.id, s.sol.id, { nameZh: 'Solidity 语言', nameEn: 'Solidity', aliases: ['以太坊合约'], parentKey: 'smart-contracts' })
    expect(await prisma.auditLog.count({ where: { action: 'skill.update', entityId: s.sol.id } })).toBe(1)
    const cycle = await updateSkill(s.admin.id, s.parent.id, { nameZh: '智能合约', aliases: [], parentKey: 'solidity' }).catch((e: unknown) => e)
    expect(cycle).toBeInstanceOf(UserFacingError)
    expect((cycle as UserFacingError).fields[0]?.key).toBe('skills.parentCycle')
    const taken = await createSkill(s.admin.id, { key: 'solidity', nameEn: 'x', aliases: [] }).catch((e: unknown) => e)
    expect((taken as UserFacingError).status).toBe(409)
    // The new alias finds the skill, and says it is what matched.
    expect(await searchSkills('以太坊合约', 'en')).toEqual([
      { key: 'solidity', name: 'Solidity', otherName: 'Solidity 语言', category: null, matched: '以太坊合约' },
    ])
  })
})

describe('skill search for the picker', () => {
  test('finds names and aliases in both languages, exact and prefix matches first', async () => {
    const admin = await prisma.user.create({ data: { email: 'admin@lq.cn', name: 'Admin' }, select: { id: true } })
    await createSkill(admin.id, { key: 'smart-contracts', nameZh: '智能合约', nameEn: 'Smart contracts', aliases: ['合约开发'], category: 'contracts' })
    await createSkill(admin.id, {
      key: 'solidity',
      nameZh: 'Solidity',
      nameEn: 'Solidity',
      aliases: ['Solidity语言'],
      category: 'contracts',
      parentKey: 'smart-contracts',
    })
    await createSkill(admin.id, { key: 'fisco-bcos', nameZh: 'FISCO BCOS', nameEn: 'FISCO BCOS', aliases: ['FISCO', '金链盟'], category: 'chains' })
    await createSkill(admin.id, { key: 'contract-audit', nameZh: '合约审计', nameEn: 'Contract auditing', aliases: [], category: 'contracts' })
    expect((await searchSkills('合约', 'zh-CN')).map((s) => s.key)).toEqual(['contract-audit', 'smart-contracts'])
    expect((await searchSkills('solidity', 'en')).map((s) => s.key)).toEqual(['solidity'])
    expect(await searchSkills('FISCO', 'zh-CN')).toEqual([{ key: 'fisco-bcos', name: 'FISCO BCOS', otherName: null, category: 'chains', matched: 'FISCO' }])
    expect((await searchSkills('金链', 'en'))[0]).toMatchObject({ key: 'fisco-bcos', matched: '金链盟' })
    // LIKE wildcards in the query are plain characters.
    expect(await searchSkills('%', 'en')).toEqual([])
    expect(await searchSkills('   ', 'en')).toEqual([])
  })
})
