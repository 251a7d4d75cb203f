// Accounts: sign-up for each kind of user, sign-in with rate limits, passwords.
import type { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { UserFacingError, rateLimited } from '#app/lib/errors.server.ts'
import { consumeRateLimit, resetRateLimit } from '#app/lib/rate-limit.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.server.ts'
import { revokeAllApiTokens } from './api-tokens.server.ts'
import { invalidateAllSessions } from './session.server.ts'
import type {
  changePasswordSchema,
  companySignUpSchema,
  invitedSignUpSchema,
  signInSchema,
  studentSignUpSchema,
} from './schemas.ts'

const SIGNIN_WINDOW_SECONDS = 15 * 60

export function toDbLocale(locale: Locale) {
  return locale === 'en' ? 'en' : 'zh_CN'
}

const emailTaken = () =>
  new UserFacingError(409, 'auth.emailTaken', undefined, [{ path: 'email', key: 'auth.emailTaken' }])

/**
 * Creates the user with a password hash made beforehand (hashing is slow and must not hold
 * a transaction open) and roles; a taken e-mail is a field error, not a 500.
 */
async function createUser(
  tx: Tx,
  input: { name: string; email: string; hash: string; locale: Locale; roles: AccountRole[] },
) {
  const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) throw emailTaken()
  const { hash } = input
  return tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      locale: toDbLocale(input.locale),
      password: { create: { hash } },
      roles: { createMany: { data: input.roles.map((role) => ({ role })) } },
    },
    select: { id: true },
  })
}

function rethrowUniqueEmail(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw emailTaken()
  throw error
}

export async function signUpStudent(input: z.output<typeof studentSignUpSchema>, locale: Locale) {
  const hash = await hashPassword(input.password)
  return prisma
    .$transaction(async (tx) => {
      const university = input.universityId
        ? await tx.university.findUnique({ where: { id: input.universityId }, select: { id: true } })
        : null
      const user = await createUser(tx, { ...input, hash, locale, roles: ['student'] })
      await tx.studentProfile.create({
        data: { userId: user.id, universityId: university?.id, consentedAt: new Date() },
        select: { id: true },
      })
      return user
    })
    .catch(rethrowUniqueEmail)
}

export async function signUpCompany(input: z.output<typeof companySignUpSchema>, locale: Locale) {
  const hash = await hashPassword(input.password)
  return prisma
    .$transaction(async (tx) => {
      const user = await createUser(tx, { ...input, hash, locale, roles: ['company_member'] })
      const company = await tx.company.create({
        data: {
          nameZh: input.companyNameZh,
          nameEn: input.companyNameEn || null,
          city: canonicalCity(input.city),
          members: { create: { userId: user.id, role: 'owner' } },
        },
        select: { id: true },
      })
      await tx.outboxEntry.create({ data: { entity: 'company', entityId: company.id } })
      await recordAudit(tx, { actorId: user.id, action: 'company.create', entity: 'company', entityId: company.id })
      return user
    })
    .catch(rethrowUniqueEmail)
}

/** Sign-up through an invitation: the invitation decides the role and the organisation. */
export async function signUpInvited(
  input: z.output<typeof invitedSignUpSchema>,
  locale: Locale,
  applyInvitation: (tx: Tx, userId: string) => Promise<unknown>,
  role: AccountRole | null,
) {
  const hash = await hashPassword(input.password)
  return prisma
    .$transaction(async (tx) => {
      const user = await createUser(tx, { ...input, hash, locale, roles: role ? [role] : [] })
      await applyInvitation(tx, user.id)
      return user
    })
    .catch(rethrowUniqueEmail)
}

/**
 * Checks e-mail and password. Attempts are limited per IP and per account; an unknown
 * e-mail and a wrong password get the same answer, in the same time.
 */
export async function signIn(input: z.output<typeof signInSchema>, ip: string) {
  const perIp = await consumeRateLimit(`signin:ip:${ip}`, env.SIGNIN_LIMIT * 3, SIGNIN_WINDOW_SECONDS)
  const perAccount = await consumeRateLimit(`signin:account:${input.email}`, env.SIGNIN_LIMIT, SIGNIN_WINDOW_SECONDS)
  if (!perIp.allowed || !perAccount.allowed) {
    throw rateLimited(Math.max(perIp.allowed ? 0 : perIp.retryAfterSeconds, perAccount.allowed ? 0 : perAccount.retryAfterSeconds))
  }
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, password: { select: { hash: true } } },
  })
  const valid = user?.password
    ? await verifyPassword(user.password.hash, input.password)
    : (await burnPasswordCheck(input.password), false)
  if (!user || !valid) throw new UserFacingError(401, 'auth.invalidCredentials')
  await resetRateLimit(`signin:account:${input.email}`)
  return { id: user.id }
}

export async function changePassword(userId: string, input: z.output<typeof changePasswordSchema>, keepSessionId: string | null) {
  const current = await prisma.password.findUnique({ where: { userId }, select: { hash: true } })
  if (!current || !(await verifyPassword(current.hash, input.currentPassword))) {
    throw new UserFacingError(400, 'auth.wrongCurrentPassword', undefined, [
      { path: 'currentPassword', key: 'auth.wrongCurrentPassword' },
    ])
  }
  const hash = await hashPassword(input.newPassword)
  await prisma.$transaction(async (tx) => {
    await tx.password.update({ where: { userId }, data: { hash }, select: { userId: true } })
    // Everyone else who knew the old password is signed out, and its API tokens stop working.
    await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } })
    await revokeAllApiTokens(userId, tx)
    await recordAudit(tx, { actorId: userId, action: 'user.password.change', entity: 'user', entityId: userId })
  })
}

/** "Sign out everywhere": every session ends and every API token is revoked. */
export async function signOutEverywhere(userId: string) {
  await prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId } })
    await revokeAllApiTokens(userId, tx)
    await recordAudit(tx, { actorId: userId, action: 'user.sign-out-everywhere', entity: 'user', entityId: userId })
  })
}

/** Sets a password through a one-time link (imported accounts have none). */
export async function setPassword(userId: string, password: string) {
  const hash = await hashPassword(password)
  await prisma.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash }, select: { userId: true } })
  await invalidateAllSessions(userId)
}

export async function setUserLocale(userId: string, locale: Locale) {
  await prisma.user.update({ where: { id: userId }, data: { locale: toDbLocale(locale) }, select: { id: true } })
}

export async function grantRole(email: string, role: AccountRole) {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } })
  if (!user) throw new UserFacingError(404, 'auth.noSuchUser', { email })
  await prisma.userRole.upsert({
    where: { userId_role: { userId: user.id, role } },
    create: { userId: user.id, role },
    update: {},
    select: { userId: true },
  })
  await recordAudit(prisma, { action: 'user.role.grant', entity: 'user', entityId: user.id, data: { role } })
  return user
}
