// Single-use links sent by e-mail (verify an address, set or reset a password, claim an
// account): the link carries a random token, the database only its SHA-256, so a leaked
// table cannot be turned into working links.
import type { OneTimeTokenPurpose } from '#app/generated/prisma/enums.ts'
import { type Tx } from '#app/lib/db.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { randomToken, sha256Hex } from '#app/lib/hash.server.ts'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/**
 * A new link for `purpose`; the user's earlier unused links for the same purpose stop
 * working, so only the newest one in the inbox counts.
 */
export async function issueOneTimeToken(tx: Tx, input: { userId: string; purpose: OneTimeTokenPurpose; validForMs: number; email?: string }, now = new Date()) {
  await tx.oneTimeToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null } })
  const token = randomToken()
  await tx.oneTimeToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: sha256Hex(token),
      email: input.email ?? null,
      expiresAt: new Date(now.getTime() + input.validForMs),
    },
    select: { id: true },
  })
  return token
}

/** The unused, unexpired link for `purpose`, or null (a wrong, used or expired link look the same). */
export async function findOneTimeToken(tx: Tx, token: string, purpose: OneTimeTokenPurpose, now = new Date()) {
  const row = await tx.oneTimeToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, email: true, user: { select: { id: true, email: true, name: true } } },
  })
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null
  return { id: row.id, email: row.email, user: row.user }
}

/** Marks the link used inside the caller's transaction; of two simultaneous uses one gets 404. */
export async function consumeOneTimeToken(tx: Tx, token: string, purpose: OneTimeTokenPurpose, now = new Date()) {
  const found = await findOneTimeToken(tx, token, purpose, now)
  if (!found) throw notFound()
  const used = await tx.oneTimeToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } })
  if (used.count !== 1) throw notFound()
  return found
}
