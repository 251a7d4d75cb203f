import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { drainMail } from '#tests/drain-mail.ts'
import { routeArgs } from '#tests/api-request.ts'
import { action as forgotAction } from '#app/routes/password.forgot.tsx'
import { signIn, signUpStudent } from './accounts.server.ts'
import { createApiToken, userForApiToken } from './api-tokens.server.ts'
import { describeResetLink, requestPasswordReset, resetPassword } from './password-reset.server.ts'
import { createSession, validateSessionToken } from './session.server.ts'

const password = 'correct horse battery'

async function expectUserError(promise: Promise<unknown>, status: number, key?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UserFacingError)
  expect((error as UserFacingError).status).toBe(status)
  if (key) expect((error as UserFacingError).key).toBe(key)
}

const linkIn = (raw: string) => /\/password\/reset\/([a-z0-9]+)/.exec(raw)?.[1] ?? ''

function forgot(email: string) {
  const body = new URLSearchParams({ email })
  return forgotAction(routeArgs(new Request('http://localhost/password/forgot', { method: 'POST', body, headers: { 'Accept-Language': 'en' } })))
}

describe('password reset', () => {
  test('asking answers the same for an address with and without an account; only the account gets mail', async () => {
    await signUpStudent({ name: 'R', email: 'r@example.cn', password, consent: 'on' }, 'en')
    await drainMail()
    const known = await forgot('r@example.cn')
    const unknown = await forgot('nobody@example.cn')
    const answer = (reply: unknown) => {
      const init = reply as { data: unknown; init: { status?: number } | null }
      return { status: init.init?.status ?? 200, data: init.data ?? reply }
    }
    expect(answer(known)).toEqual(answer(unknown))
    const mail = await drainMail()
    expect(mail.map((m) => [m.to, m.subject])).toEqual([['R <r@example.cn>', 'Reset your Lianqiao password · Lianqiao']])
    expect(mail[0]!.listUnsubscribe).toBe('')
  })

  test('requests are limited per address and per IP', async () => {
    for (let i = 0; i < 3; i++) await requestPasswordReset('flood@example.cn', '10.1.0.1')
    await expectUserError(requestPasswordReset('flood@example.cn', '10.1.0.2'), 429, 'error.rateLimited')
    for (let i = 0; i < 10; i++) await requestPasswordReset(`walk${i}@example.cn`, '10.1.0.9')
    await expectUserError(requestPasswordReset('walk-last@example.cn', '10.1.0.9'), 429, 'error.rateLimited')
  })

  test('a reset ends every session, revokes every API token, and the link works once, for 30 minutes', async () => {
    const user = await signUpStudent({ name: 'S', email: 's@example.cn', password, consent: 'on' }, 'en')
    const session = await createSession(user.id)
    const apiToken = await createApiToken(user.id, 'script')
    expect(await userForApiToken(apiToken.token)).not.toBeNull()
    await requestPasswordReset('s@example.cn', '10.2.0.1')
    const token = linkIn((await drainMail()).find((m) => m.subject.startsWith('Reset'))!.text)
    expect(await describeResetLink(token)).toEqual({ email: 's@example.cn' })
    await expectUserError(resetPassword(token, 'brand new password', new Date(Date.now() + 31 * 60_000)), 404)
    await resetPassword(token, 'brand new password')
    expect(await validateSessionToken(session.token)).toBeNull()
    expect(await userForApiToken(apiToken.token)).toBeNull()
    await expectUserError(resetPassword(token, 'another password'), 404)
    await expectUserError(signIn({ email: 's@example.cn', password }, '10.2.0.2'), 401, 'auth.invalidCredentials')
    await expect(signIn({ email: 's@example.cn', password: 'brand new password' }, '10.2.0.2')).resolves.toEqual({ id: user.id })
    // The link went to the address, so it proves it.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true } })).emailVerifiedAt).toBeInstanceOf(Date)
  })
})
