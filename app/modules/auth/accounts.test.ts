import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { changePassword, signIn, signUpCompany, signUpInvited, signUpStudent } from './accounts.server.ts'
import { acceptInvitation, consumeInvitation, createInvitation } from './invitations.server.ts'
import { createSession, invalidateAllSessions, validateSessionToken } from './session.server.ts'
import { drainMail } from '#tests/drain-mail.ts'

const password = 'correct horse battery'

async function expectUserError(promise: Promise<unknown>, status: number, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UserFacingError)
  expect((error as UserFacingError).status).toBe(status)
  expect((error as UserFacingError).key).toBe(key)
}

describe('accounts', () => {
  test('a student signs up with consent recorded and a private profile', async () => {
    const user = await signUpStudent({ name: '李华', email: 'lihua@example.cn', password, consent: 'on' }, 'zh-CN')
    const stored = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { roles: { select: { role: true } }, studentProfile: { select: { visibility: true, consentedAt: true } }, password: { select: { hash: true } } },
    })
    expect(stored.roles.map((r) => r.role)).toEqual(['student'])
    expect(stored.studentProfile?.visibility).toBe('private')
    expect(stored.studentProfile?.consentedAt).toBeInstanceOf(Date)
    expect(stored.password?.hash).toMatch(/^\$argon2id\$/)
  })

  test('signing up with a taken address answers like a new sign-up, writes nothing and mails the owner a reset link', async () => {
    const first = await signUpStudent({ name: 'A', email: 'taken@example.cn', password, consent: 'on' }, 'en')
    expect(first.created).toBe(true)
    await drainMail()
    const before = await prisma.company.count()
    const again = await signUpCompany(
      { name: 'B', email: 'taken@example.cn', password: 'another password', companyNameZh: '某公司', city: '南宁', consent: 'on' },
      'en',
    )
    expect(again).toEqual({ id: first.id, created: false })
    expect(await prisma.company.count()).toBe(before)
    const mail = await drainMail()
    expect(mail.map((m) => [m.to, m.subject])).toEqual([['A <taken@example.cn>', 'You already have a Lianqiao account · Lianqiao']])
    expect(mail[0]!.raw).toMatch(/\/password\/reset\/[a-z0-9]+/)
    // The existing password still works; the new one was never stored.
    await expect(signIn({ email: 'taken@example.cn', password }, '10.0.9.1')).resolves.toHaveProperty('id')
  })

  test('a new sign-up is unverified and gets a verify link', async () => {
    const user = await signUpStudent({ name: 'V', email: 'v@example.cn', password, consent: 'on' }, 'en')
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } })
    expect(stored.emailVerifiedAt).toBeNull()
    const mail = await drainMail()
    expect(mail.map((m) => m.subject)).toEqual(['Please verify your e-mail address · Lianqiao'])
    expect(mail[0]!.raw).toMatch(/\/verify-email\/[a-z0-9]+/)
    expect(mail[0]!.listUnsubscribe).toBe('')
  })

  test('a company sign-up creates the company with its owner and a canonical city', async () => {
    const user = await signUpCompany({ name: '王经理', email: 'boss@firm.cn', password, companyNameZh: '南宁链融科技', city: '南宁', consent: 'on' }, 'zh-CN')
    const member = await prisma.companyMember.findFirstOrThrow({ where: { userId: user.id }, select: { role: true, company: { select: { city: true } } } })
    expect(member.role).toBe('owner')
    expect(member.company.city).toBe('nanning')
  })

  test('unknown e-mail and wrong password get the same answer; the right one signs in', async () => {
    await signUpStudent({ name: 'C', email: 'c@example.cn', password, consent: 'on' }, 'en')
    await expectUserError(signIn({ email: 'nobody@example.cn', password }, '10.0.0.1'), 401, 'auth.invalidCredentials')
    await expectUserError(signIn({ email: 'c@example.cn', password: 'wrong password' }, '10.0.0.1'), 401, 'auth.invalidCredentials')
    await expect(signIn({ email: 'c@example.cn', password }, '10.0.0.1')).resolves.toHaveProperty('id')
  })

  test('ten wrong passwords from one address do not keep the owner out from another', async () => {
    await signUpStudent({ name: 'D', email: 'd@example.cn', password, consent: 'on' }, 'en')
    for (let i = 0; i < 10; i++) {
      await expectUserError(signIn({ email: 'd@example.cn', password: 'nope nope' }, '203.0.113.9'), 401, 'auth.invalidCredentials')
    }
    // The guesser is stopped, with a retry time, even with the right password…
    const error = await signIn({ email: 'd@example.cn', password }, '203.0.113.9').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as UserFacingError).status).toBe(429)
    expect((error as UserFacingError).body?.retryAfterSeconds).toBeGreaterThan(0)
    // …the owner, elsewhere, is not.
    await expect(signIn({ email: 'd@example.cn', password }, '198.51.100.7')).resolves.toHaveProperty('id')
  })

  test('failures from one IP are limited across accounts, and successes do not count', async () => {
    for (let i = 0; i < 12; i++) {
      await signUpStudent({ name: `P${i}`, email: `p${i}@example.cn`, password, consent: 'on' }, 'en')
    }
    // Many good sign-ins from one campus address use up nothing.
    for (let i = 0; i < 12; i++) await signIn({ email: `p${i}@example.cn`, password }, '192.0.2.50')
    const ipLimit = 100
    for (let i = 0; i < ipLimit; i++) {
      await signIn({ email: `p${i % 12}@example.cn`, password: 'wrong wrong' }, '192.0.2.66').catch(() => undefined)
    }
    await expectUserError(signIn({ email: 'p0@example.cn', password }, '192.0.2.66'), 429, 'error.rateLimited')
    await expect(signIn({ email: 'p0@example.cn', password }, '192.0.2.50')).resolves.toHaveProperty('id')
  }, 120_000)

  test('sessions validate, and signing out everywhere revokes them all', async () => {
    const user = await signUpStudent({ name: 'E', email: 'e@example.cn', password, consent: 'on' }, 'en')
    const first = await createSession(user.id)
    const second = await createSession(user.id)
    expect((await validateSessionToken(first.token))?.user.email).toBe('e@example.cn')
    await invalidateAllSessions(user.id)
    expect(await validateSessionToken(first.token)).toBeNull()
    expect(await validateSessionToken(second.token)).toBeNull()
  })

  test('changing the password keeps this session and ends the others', async () => {
    const user = await signUpStudent({ name: 'F', email: 'f@example.cn', password, consent: 'on' }, 'en')
    const current = await createSession(user.id)
    const other = await createSession(user.id)
    const currentId = (await validateSessionToken(current.token))!.sessionId
    await expectUserError(
      changePassword(user.id, { currentPassword: 'not it', newPassword: 'new password 1', confirmPassword: 'new password 1' }, currentId),
      400,
      'auth.wrongCurrentPassword',
    )
    await changePassword(user.id, { currentPassword: password, newPassword: 'new password 1', confirmPassword: 'new password 1' }, currentId)
    expect(await validateSessionToken(current.token)).not.toBeNull()
    expect(await validateSessionToken(other.token)).toBeNull()
    await expect(signIn({ email: 'f@example.cn', password: 'new password 1' }, '10.0.3.1')).resolves.toHaveProperty('id')
  })
})

describe('invitations', () => {
  test('an invitation makes university staff once, and only once', async () => {
    const university = await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
    const invitation = await createInvitation({ kind: 'university_staff', universityId: university.id }, null)
    const user = await signUpInvited(
      { name: '张老师', email: 'zhang@gxu.edu.cn', password, consent: 'on' },
      'zh-CN',
      (tx, userId) => consumeInvitation(tx, invitation.token, userId, 'zhang@gxu.edu.cn'),
      'university_staff',
    )
    const staff = await prisma.universityStaff.findMany({ where: { userId: user.id }, select: { universityId: true } })
    expect(staff).toEqual([{ universityId: university.id }])
    const someoneElse = await signUpStudent({ name: 'G', email: 'g@example.cn', password, consent: 'on' }, 'en')
    await expectUserError(acceptInvitation(invitation.token, { id: someoneElse.id, email: 'g@example.cn' }), 404, 'auth.invitationInvalid')
  })

  test('a tampered invitation token is refused and a failed sign-up leaves the invitation unused', async () => {
    const university = await prisma.university.create({ data: { nameZh: '桂林电子科技大学', city: 'guilin' }, select: { id: true } })
    const invitation = await createInvitation({ kind: 'university_staff', universityId: university.id, email: 'only@guet.edu.cn' }, null)
    const tampered = `${invitation.token.slice(0, -2)}xx`
    await expectUserError(
      signUpInvited(
        { name: 'H', email: 'only@guet.edu.cn', password, consent: 'on' },
        'en',
        (tx, id) => consumeInvitation(tx, tampered, id, 'only@guet.edu.cn'),
        'university_staff',
      ),
      404,
      'auth.invitationInvalid',
    )
    await expectUserError(
      signUpInvited(
        { name: 'H', email: 'other@guet.edu.cn', password, consent: 'on' },
        'en',
        (tx, id) => consumeInvitation(tx, invitation.token, id, 'other@guet.edu.cn'),
        'university_staff',
      ),
      403,
      'auth.invitationOtherEmail',
    )
    expect(await prisma.user.count({ where: { email: { in: ['only@guet.edu.cn', 'other@guet.edu.cn'] } } })).toBe(0)
    const stored = await prisma.invitation.findFirstOrThrow({ select: { usedAt: true }, where: { universityId: university.id } })
    expect(stored.usedAt).toBeNull()
  })
})
