// Password reset by e-mail: a single-use link valid for 30 minutes. Asking for one answers
// the same whether or not the address has an account; a completed reset ends every
// session and revokes every API token.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { rateLimited } from '#app/lib/errors.server.ts'
import { consumeRateLimit } from '#app/lib/rate-limit.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { enqueueMail } from '#app/modules/mail/queue.server.ts'
import { revokeAllApiTokens } from './api-tokens.server.ts'
import { hashPassword } from './password.server.ts'
import { MINUTE, consumeOneTimeToken, findOneTimeToken, issueOneTimeToken } from './one-time-tokens.server.ts'

export const RESET_LINK_VALID_MS = 30 * MINUTE
const WINDOW_SECONDS = 15 * 60
const PER_ADDRESS = 3
const PER_IP = 10

/** A password-setting link for the user (a reset, or an account the operator created). */
export async function issuePasswordLink(tx: Tx, userId: string, validForMs = RESET_LINK_VALID_MS) {
  const token = await issueOneTimeToken(tx, { userId, purpose: 'set_password', validForMs })
  return `/password/reset/${token}`
}

/**
 * Mails a reset link when the address has an account, and nothing otherwise; the caller
 * shows the same page either way. Limited per address (so nobody floods an inbox) and per
 * IP (so nobody walks a list of addresses).
 */
export async function requestPasswordReset(email: string, ip: string) {
  const perIp = await consumeRateLimit(`reset:ip:${ip}`, PER_IP, WINDOW_SECONDS)
  const perAddress = await consumeRateLimit(`reset:email:${email}`, PER_ADDRESS, WINDOW_SECONDS)
  if (!perIp.allowed || !perAddress.allowed) {
    throw rateLimited(Math.max(perIp.allowed ? 0 : perIp.retryAfterSeconds, perAddress.allowed ? 0 : perAddress.retryAfterSeconds))
  }
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true } })
    if (!user) return
    await enqueueMail(tx, { account: 'reset', userId: user.id, to: user.email, link: await issuePasswordLink(tx, user.id) })
  })
}

/** The account a reset link is for, while it works; null otherwise. */
export async function describeResetLink(token: string) {
  const found = await findOneTimeToken(prisma, token, 'set_password')
  return found ? { email: found.user.email } : null
}

/**
 * Sets the new password through the link. Every session ends and every API token is
 * revoked: whoever knew the old password, or held a token, is out. The link also proves
 * the address.
 */
export async function resetPassword(token: string, password: string, now = new Date()) {
  const hash = await hashPassword(password)
  return prisma.$transaction(async (tx) => {
    const found = await consumeOneTimeToken(tx, token, 'set_password', now)
    const userId = found.user.id
    await tx.password.upsert({ where: { userId }, create: { userId, hash }, update: { hash }, select: { userId: true } })
    await tx.session.deleteMany({ where: { userId } })
    await revokeAllApiTokens(userId, tx)
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } })
    await recordAudit(tx, { actorId: userId, action: 'user.password.reset', entity: 'user', entityId: userId })
    return { userId }
  })
}
