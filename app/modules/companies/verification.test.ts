import { beforeEach, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { candidateAccess } from '#app/modules/matching/matching.server.ts'
import { importDocument } from '#app/modules/import/import.server.ts'
import { changeRoleStatus, createRole } from '#app/modules/roles/roles.server.ts'
import { makeCompanyMember, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { listCompaniesForAdmin, setCompanyVerification, updateCompanyProfile } from './companies.server.ts'

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "User", "Company", "AuditLog" CASCADE')
})

const viewer = (over: Partial<SessionUser>): SessionUser => ({
  id: 'x',
  email: 'x@x',
  name: 'x',
  locale: 'zh-CN',
  roles: [],
  companyIds: [],
  universityIds: [],
  studentProfileId: null,
  ...over,
})

test('an admin verifies a company, which lets its members see suggested candidates, and can withdraw it', async () => {
  const adminUser = await prisma.user.create({ data: { email: 'admin@lq.cn', name: 'Admin' }, select: { id: true } })
  const admin = viewer({ id: adminUser.id, roles: ['admin'] })
  const company = await prisma.company.create({ data: { nameZh: '链融', city: 'nanning' }, select: { id: true } })
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
    },
    select: { id: true },
  })
  const member = viewer({ id: 'member', companyIds: [company.id] })
  expect((await candidateAccess(member, role.id)).allowed).toBe(false)

  // Only admins may.
  await expect(setCompanyVerification(member, company.id, true)).rejects.toMatchObject({ status: 404 })
  await expect(setCompanyVerification(admin, 'no-such-company', true)).rejects.toMatchObject({ status: 404 })

  await setCompanyVerification(admin, company.id, true)
  expect((await candidateAccess(member, role.id)).allowed).toBe(true)
  expect((await listCompaniesForAdmin()).find((c) => c.id === company.id)).toMatchObject({ verified: true, parkVerified: false })

  await setCompanyVerification(admin, company.id, false)
  expect((await candidateAccess(member, role.id)).allowed).toBe(false)
  const audit = await prisma.auditLog.findMany({ where: { entityId: company.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } })
  expect(audit).toEqual([
    { action: 'company.verify', actorId: adminUser.id },
    { action: 'company.unverify', actorId: adminUser.id },
  ])
})

test('an unverified company prepares drafts but cannot publish; changing its name or website clears verification', async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "Skill" CASCADE')
  await seedSkills()
  const { user, companyId } = await makeCompanyMember({ verified: false })
  await expect(createRole(user, companyId, roleFields(), 'published')).rejects.toMatchObject({ status: 403, key: 'access.companyUnverifiedPublish' })
  const draft = await createRole(user, companyId, roleFields(), 'draft')
  await expect(changeRoleStatus(user, draft.id, 'published')).rejects.toMatchObject({ status: 403 })
  expect(await prisma.internshipRole.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).toEqual({ status: 'draft' })

  await prisma.company.update({ where: { id: companyId }, data: { verifiedAt: new Date() }, select: { id: true } })
  await changeRoleStatus(user, draft.id, 'published')
  const profile = { nameZh: '测试企业', city: '南宁', parkIncubated: false, removeLogo: false }
  const current = await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { nameZh: true, nameEn: true, website: true } })
  // Editing the description keeps the badge; the legal identity does not.
  await updateCompanyProfile(user, companyId, { ...profile, nameZh: current.nameZh ?? '', nameEn: current.nameEn ?? undefined, descriptionZh: '新的介绍' })
  expect((await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { verifiedAt: true } })).verifiedAt).not.toBeNull()
  await updateCompanyProfile(user, companyId, {
    ...profile,
    nameZh: current.nameZh ?? '',
    nameEn: current.nameEn ?? undefined,
    website: 'https://new.example.cn',
  })
  expect((await prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { verifiedAt: true } })).verifiedAt).toBeNull()
})

test('companies the importer creates count as verified unless the file says "verified": false', async () => {
  await importDocument({
    version: 1,
    companies: [
      { key: 'vouched', name: { zh: '担保企业' }, city: '南宁', parkIncubated: false },
      { key: 'queued', name: { zh: '待审企业' }, city: '南宁', parkIncubated: false, verified: false },
    ],
  })
  const rows = await prisma.company.findMany({
    where: { key: { in: ['vouched', 'queued'] } },
    select: { key: true, verifiedAt: true },
    orderBy: { key: 'asc' },
  })
  expect(rows.map((r) => [r.key, r.verifiedAt !== null])).toEqual([
    ['queued', false],
    ['vouched', true],
  ])
})
