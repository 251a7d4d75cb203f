// Proving an address: a single-use link valid for 24 hours, sent at sign-up and when the
// address changes. A new address replaces the old one only once its link is opened
// (docs/decisions/014), so the account always has an address that reaches its owner.
import type { z } from 'zod'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, rateLimited } from '#app/lib/errors.server.ts'
import { consumeRateLimit } from '#app/lib/rate-limit.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { enqueueMail } from '#app/modules/mail/queue.server.ts'
import { verifyPassword } from './password.server.ts'
import { HOUR, consumeOneTimeToken, findOneTimeToken, issueOneTimeToken } from './one-time-tokens.server.ts'
import type { changeEmailSchema } from './schemas.ts'

export const VERIFY_LINK_VALID_MS = 24 * HOUR
// Verification mail a user may ask for per hour (resends and address changes together).
const SENDS_PER_HOUR = 5

/** Issues a link proving `address` for the user and queues it in the caller's transaction. */
export async function sendVerificationLink(tx: Tx, user: { id: string; email: string }, address = user.email, now = new Date()) {
  const token = await issueOneTimeToken(tx, { userId: user.id, purpose: 'verify_email', validForMs: VERIFY_LINK_VALID_MS, email: address }, now)
  await enqueueMail(tx, {
    account: address === user.email ? 'verify' : 'emailChange',
    userId: user.id,
    to: address,
    link: `/verify-email/${token}`,
    data: { email: address },
  })
}

async function limitSends(userId: string) {
  const limit = await consumeRateLimit(`verify:send:${userId}`, SENDS_PER_HOUR, 3600)
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds)
}

/** A fresh link for an unverified address (the old one stops working); limited per user. */
export async function resendVerificationLink(userId: string) {
  await limitSends(userId)
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, emailVerifiedAt: true } })
    if (!user || user.emailVerifiedAt) return
    await sendVerificationLink(tx, user)
  })
}

/** What a verify link is for, while it works; null otherwise. */
export async function describeVerificationLink(token: string) {
  const found = await findOneTimeToken(prisma, token, 'verify_email')
  return found ? { email: found.email ?? found.user.email, userId: found.user.id } : null
}

/**
 * Uses a verify link: the address is proven; a new address replaces the old one. Returns
 * the user, so a visitor who is not signed in can be signed in (the link proves as much
 * as a password-reset link does).
 */
export async function verifyEmail(token: string, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const found = await consumeOneTimeToken(tx, token, 'verify_email', now)
    const address = found.email ?? found.user.email
    if (address !== found.user.email) {
      const taken = await tx.user.findUnique({ where: { email: address }, select: { id: true } })
      if (taken) throw new UserFacingError(409, 'emailChange.taken')
      await tx.user.update({ where: { id: found.user.id }, data: { email: address, emailVerifiedAt: now }, select: { id: true } })
      await recordAudit(tx, { actorId: found.user.id, action: 'user.email.change', entity: 'user', entityId: found.user.id })
    } else {
      await tx.user.update({ where: { id: found.user.id }, data: { emailVerifiedAt: now }, select: { id: true } })
      await recordAudit(tx, { actorId: found.user.id, action: 'user.email.verify', entity: 'user', entityId: found.user.id })
    }
    return { userId: found.user.id, changed: address !== found.user.email }
  })
}

/**
 * Asks to move the account to a new address: the current password is needed (a borrowed
 * session must not move the account), the new address gets a verify link and the current
 * one is told. An address that belongs to another account gets no link, and the answer is
 * the same, so the form cannot be used to find accounts.
 */
export async function requestEmailChange(userId: string, input: z.output<typeof changeEmailSchema>) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, password: { select: { hash: true } } } })
  if (!user?.password || !(await verifyPassword(user.password.hash, input.currentPassword))) {
    throw new UserFacingError(400, 'auth.wrongCurrentPassword', undefined, [{ path: 'currentPassword', key: 'auth.wrongCurrentPassword' }])
  }
  if (input.email === user.email) {
    throw new UserFacingError(400, 'emailChange.same', undefined, [{ path: 'email', key: 'emailChange.same' }])
  }
  await limitSends(userId)
  await prisma.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })
    if (!taken) await sendVerificationLink(tx, user, input.email)
    await enqueueMail(tx, { account: 'emailChanged', userId, to: user.email, link: '/account', data: { email: input.email } })
    await recordAudit(tx, { actorId: userId, action: 'user.email.change-request', entity: 'user', entityId: userId })
  })
}
