// Accounts: sign-up for each kind of user (never revealing which addresses have one),
// sign-in with rate limits, passwords.
import type { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { UserFacingError, rateLimited } from '#app/lib/errors.server.ts'
import { consumeRateLimit, refundRateLimit, resetRateLimit } from '#app/lib/rate-limit.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { enqueueMail } from '#app/modules/mail/queue.server.ts'
import { recordPrivacyAcceptance } from '#app/modules/privacy/privacy.server.ts'
import { sendVerificationLink } from './email-verification.server.ts'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.server.ts'
import { issuePasswordLink } from './password-reset.server.ts'
import { revokeAllApiTokens } from './api-tokens.server.ts'
import { invalidateAllSessions } from './session.server.ts'
import type { changePasswordSchema, companySignUpSchema, invitedSignUpSchema, signInSchema, studentSignUpSchema } from './schemas.ts'

const SIGNIN_WINDOW_SECONDS = 15 * 60

export function toDbLocale(locale: Locale) {
  return locale === 'en' ? 'en' : 'zh_CN'
}

const emailTaken = () => new UserFacingError(409, 'auth.emailTaken', undefined, [{ path: 'email', key: 'auth.emailTaken' }])

// "An account already exists" mails an address may receive per hour, so sign-ups with
// someone's address cannot flood their inbox.
const EXISTS_MAILS_PER_HOUR = 3

/**
 * Creates the user with a password hash made beforehand (hashing is slow and must not hold
 * a transaction open) and roles. `verified`: whether the way in proved the address. Every
 * sign-up form has the user accept the privacy notice, so its version is recorded here.
 */
async function createUser(tx: Tx, input: { name: string; email: string; hash: string; locale: Locale; roles: AccountRole[]; verified: boolean }) {
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      locale: toDbLocale(input.locale),
      emailVerifiedAt: input.verified ? new Date() : null,
      password: { create: { hash: input.hash } },
      roles: { createMany: { data: input.roles.map((role) => ({ role })) } },
    },
    select: { id: true, email: true },
  })
  await recordPrivacyAcceptance(tx, user.id)
  return user
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'

/**
 * The public sign-up, which must not tell whether an address has an account: a new address
 * gets an account and a verify link, a known one an e-mail saying so with a reset link. Both
 * hash the password and queue one e-mail, and the caller answers both alike.
 */
async function publicSignUp(
  input: { name: string; email: string; password: string },
  locale: Locale,
  create: (tx: Tx, hash: string) => Promise<{ id: string; email: string }>,
): Promise<{ id: string; created: boolean }> {
  const hash = await hashPassword(input.password)
  const existsMail = await consumeRateLimit(`signup:exists:${input.email}`, EXISTS_MAILS_PER_HOUR, 3600)
  const attempt = () =>
    prisma.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } })
      if (existing) {
        if (existsMail.allowed) {
          await enqueueMail(tx, { account: 'exists', userId: existing.id, to: existing.email, link: await issuePasswordLink(tx, existing.id) })
        }
        return { id: existing.id, created: false }
      }
      const user = await create(tx, hash)
      await sendVerificationLink(tx, user)
      return { id: user.id, created: true }
    })
  // Two sign-ups with one new address at once: the loser is answered like a known address.
  return attempt().catch((error: unknown) => {
    if (isUniqueViolation(error)) return attempt()
    throw error
  })
}

export async function signUpStudent(input: z.output<typeof studentSignUpSchema>, locale: Locale) {
  return publicSignUp(input, locale, async (tx, hash) => {
    const university = input.universityId ? await tx.university.findUnique({ where: { id: input.universityId }, select: { id: true } }) : null
    const user = await createUser(tx, { ...input, hash, locale, roles: ['student'], verified: false })
    await tx.studentProfile.create({
      data: { userId: user.id, universityId: university?.id, consentedAt: new Date() },
      select: { id: true },
    })
    return user
  })
}

export async function signUpCompany(input: z.output<typeof companySignUpSchema>, locale: Locale) {
  return publicSignUp(input, locale, async (tx, hash) => {
    const user = await createUser(tx, { ...input, hash, locale, roles: ['company_member'], verified: false })
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
}

/**
 * Sign-up through an invitation: the invitation decides the role and the organisation, and
 * counts as proof of the address (someone who runs the company, university or event vouched
 * for the invitee; docs/decisions/014).
 */
export async function signUpInvited(
  input: z.output<typeof invitedSignUpSchema>,
  locale: Locale,
  applyInvitation: (tx: Tx, userId: string) => Promise<unknown>,
  role: AccountRole | null,
) {
  const hash = await hashPassword(input.password)
  return prisma
    .$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })
      if (existing) throw emailTaken()
      const user = await createUser(tx, { ...input, hash, locale, roles: role ? [role] : [], verified: true })
      await applyInvitation(tx, user.id)
      return user
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw emailTaken()
      throw error
    })
}

/**
 * Checks e-mail and password. Failures are counted per account from one IP, and per IP:
 * someone guessing from elsewhere uses up their own allowance, never the owner's
 * (docs/decisions/015). An unknown e-mail and a wrong password get the same answer, in the
 * same time.
 */
export async function signIn(input: z.output<typeof signInSchema>, ip: string) {
  const ipKey = `signin:ip:${ip}`
  const accountKey = `signin:account-ip:${input.email}:${ip}`
  const perIp = await consumeRateLimit(ipKey, env.SIGNIN_IP_LIMIT, SIGNIN_WINDOW_SECONDS)
  const perAccount = await consumeRateLimit(accountKey, env.SIGNIN_LIMIT, SIGNIN_WINDOW_SECONDS)
  if (!perIp.allowed || !perAccount.allowed) {
    throw rateLimited(Math.max(perIp.allowed ? 0 : perIp.retryAfterSeconds, perAccount.allowed ? 0 : perAccount.retryAfterSeconds))
  }
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, password: { select: { hash: true } } },
  })
  const valid = user?.password ? await verifyPassword(user.password.hash, input.password) : (await burnPasswordCheck(input.password), false)
  if (!user || !valid) throw new UserFacingError(401, 'auth.invalidCredentials')
  // Only failures count: a success clears this account's count and gives the IP its attempt back.
  await resetRateLimit(accountKey)
  await refundRateLimit(ipKey)
  return { id: user.id }
}

export async function changePassword(userId: string, input: z.output<typeof changePasswordSchema>, keepSessionId: string | null) {
  const current = await prisma.password.findUnique({ where: { userId }, select: { hash: true } })
  if (!current || !(await verifyPassword(current.hash, input.currentPassword))) {
    throw new UserFacingError(400, 'auth.wrongCurrentPassword', undefined, [{ path: 'currentPassword', key: 'auth.wrongCurrentPassword' }])
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

// The operator's link is for someone who has not heard of Lianqiao yet: it waits a week.
export const OPERATOR_PASSWORD_LINK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * An account the operator creates (the park's firms, a university's staff): the address
 * counts as proven, there is no password yet, and the result carries the single-use link
 * that sets one. An address that already has an account is left exactly as it is.
 */
export async function createUserByOperator(input: {
  email: string
  name: string
  role: AccountRole
  companyKey?: string
  universityKey?: string
}): Promise<{ created: false } | { created: true; userId: string; passwordLink: string }> {
  return prisma
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { created: false as const }
      const company = input.companyKey ? await tx.company.findUnique({ where: { key: input.companyKey }, select: { id: true } }) : null
      if (input.companyKey && !company) throw new UserFacingError(404, 'cli.noCompany', { key: input.companyKey })
      const university = input.universityKey ? await tx.university.findUnique({ where: { key: input.universityKey }, select: { id: true } }) : null
      if (input.universityKey && !university) throw new UserFacingError(404, 'cli.noUniversity', { key: input.universityKey })
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          emailVerifiedAt: new Date(),
          roles: { create: { role: input.role } },
          ...(input.role === 'student' ? { studentProfile: { create: { universityId: university?.id ?? null } } } : {}),
          ...(company ? { companyMembers: { create: { companyId: company.id } } } : {}),
          ...(input.role === 'university_staff' && university ? { universityStaff: { create: { universityId: university.id } } } : {}),
        },
        select: { id: true },
      })
      await recordAudit(tx, { action: 'user.create', entity: 'user', entityId: user.id, data: { role: input.role } })
      return { created: true as const, userId: user.id, passwordLink: await issuePasswordLink(tx, user.id, OPERATOR_PASSWORD_LINK_MS) }
    })
    .catch((error: unknown) => {
      // Created by someone else a moment ago: still "already there".
      if (isUniqueViolation(error)) return { created: false as const }
      throw error
    })
}
