import { beforeEach, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { candidateAccess } from '#app/modules/matching/matching.server.ts'
import { listCompaniesForAdmin, setCompanyVerification } from './companies.server.ts'

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "User", "Company", "AuditLog" CASCADE')
})

const viewer = (over: Partial<SessionUser>): SessionUser => ({ id: 'x', email: 'x@x', name: 'x', locale: 'zh-CN', roles: [], companyIds: [], universityIds: [], studentProfileId: null, ...over })

test('an admin verifies a company, which lets its members see suggested candidates, and can withdraw it', async () => {
  const adminUser = await prisma.user.create({ data: { email: 'admin@lq.cn', name: 'Admin' }, select: { id: true } })
  const admin = viewer({ id: adminUser.id, roles: ['admin'] })
  const company = await prisma.company.create({ data: { nameZh: '链融', city: 'nanning' }, select: { id: true } })
  const role = await prisma.internshipRole.create({
    data: {
      companyId: company.id, titleZh: '岗位', kind: 'smart_contract_dev', city: 'nanning', workMode: 'onsite', stipendMin: 0, stipendMax: 0, daysPerWeek: 3, durationMonths: 3, languages: [], openings: 1,
      deadline: new Date('2030-01-01'), closesAt: new Date('2030-01-01'), status: 'published',
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
