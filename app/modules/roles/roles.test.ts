import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { changeRoleStatus, createRole } from './roles.server.ts'
import { makeCompanyMember, roleFields, seedSkills } from './test-fixtures.server.ts'

beforeAll(async () => {
  await seedSkills()
})

describe('publishing needs a verified address', () => {
  test('a member whose address is unverified saves drafts but cannot publish until it is verified', async () => {
    const { user, companyId } = await makeCompanyMember({ nameZh: '未验证科技', park: 'verified' })
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null }, select: { id: true } })
    const refused = await createRole(user, companyId, roleFields(), 'published').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(UserFacingError)
    expect((refused as UserFacingError).status).toBe(403)
    expect((refused as UserFacingError).key).toBe('verify.required')
    const draft = await createRole(user, companyId, roleFields(), 'draft')
    await expect(changeRoleStatus(user, draft.id, 'published')).rejects.toMatchObject({ status: 403, key: 'verify.required' })
    expect(await prisma.internshipRole.count({ where: { companyId, status: 'published' } })).toBe(0)
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
    await changeRoleStatus(user, draft.id, 'published')
    expect(await prisma.internshipRole.count({ where: { companyId, status: 'published' } })).toBe(1)
  })
})
