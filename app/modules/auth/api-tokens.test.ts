import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { changePassword, signOutEverywhere, signUpStudent } from './accounts.server.ts'
import { createApiToken, listApiTokens, revokeAllApiTokens, userForApiToken } from './api-tokens.server.ts'
import { scopesForRoles } from './permissions.server.ts'

const password = 'correct horse battery staple'

async function student(email: string) {
  return signUpStudent({ name: 'Token Owner', email, password, consent: 'on' }, 'en')
}

describe('API tokens', () => {
  test('default scopes are what the roles allow, the expiry is 90 days, and more than the roles allow is refused', async () => {
    const user = await student('tokens1@example.cn')
    const created = await createApiToken(user.id, 'ci')
    expect(created.scopes).toEqual(scopesForRoles(['student']))
    expect(created.scopes).not.toContain('roles:write')
    const days = (created.expiresAt.getTime() - created.createdAt.getTime()) / 86_400_000
    expect(Math.round(days)).toBe(90)
    await expect(createApiToken(user.id, 'ci', { scopes: ['roles:write'] })).rejects.toMatchObject({ status: 422, fields: [{ path: 'scopes' }] })
    const [listed] = await listApiTokens(user.id)
    expect(listed).toMatchObject({ name: 'ci', prefix: created.token.slice(0, 9), scopes: created.scopes, lastUsedAt: null })
  })

  test('a token loses what the role gave when the role goes, and records its last use', async () => {
    const user = await student('tokens2@example.cn')
    await prisma.userRole.create({ data: { userId: user.id, role: 'company_member' } })
    const { token } = await createApiToken(user.id, 'both')
    expect((await userForApiToken(token))?.scopes).toContain('roles:write')
    expect((await listApiTokens(user.id))[0]?.lastUsedAt).not.toBeNull()
    await prisma.userRole.delete({ where: { userId_role: { userId: user.id, role: 'company_member' } } })
    expect((await userForApiToken(token))?.scopes).not.toContain('roles:write')
  })

  test('a password change, "sign out everywhere" and revokeAllApiTokens revoke every token', async () => {
    const user = await student('tokens3@example.cn')
    const first = await createApiToken(user.id, 'a')
    await changePassword(user.id, { currentPassword: password, newPassword: `${password} 2`, confirmPassword: `${password} 2` }, null)
    expect(await userForApiToken(first.token)).toBeNull()
    const second = await createApiToken(user.id, 'b')
    await signOutEverywhere(user.id)
    expect(await userForApiToken(second.token)).toBeNull()
    const third = await createApiToken(user.id, 'c')
    await prisma.$transaction((tx) => revokeAllApiTokens(user.id, tx))
    expect(await userForApiToken(third.token)).toBeNull()
  })
})
