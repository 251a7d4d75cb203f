// API tokens: shown once, stored as a SHA-256 hash, revocable.
import { prisma } from '#app/lib/db.server.ts'
import { randomToken, sha256Hex } from '#app/lib/hash.server.ts'
import { UserFacingError, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { sessionUserSelect, toSessionUser, type SessionUser } from './session.server.ts'

const PREFIX = 'lq_'

export async function createApiToken(userId: string, name: string) {
  if ((await prisma.apiToken.count({ where: { userId, revokedAt: null } })) >= listCaps.apiTokensPerUser) throw tooMany(listCaps.apiTokensPerUser, 'name')
  const token = `${PREFIX}${randomToken(24)}`
  const created = await prisma.apiToken.create({
    data: { userId, name, tokenHash: sha256Hex(token) },
    select: { id: true, name: true, createdAt: true },
  })
  await recordAudit(prisma, { actorId: userId, action: 'api-token.create', entity: 'api-token', entityId: created.id })
  return { ...created, token }
}

export async function listApiTokens(userId: string) {
  return prisma.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  })
}

export async function revokeApiToken(userId: string, tokenId: string) {
  const result = await prisma.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  })
  if (result.count === 0) throw new UserFacingError(404, 'error.notFound')
  await recordAudit(prisma, { actorId: userId, action: 'api-token.revoke', entity: 'api-token', entityId: tokenId })
}

/** The user a bearer token acts as, or null for a missing, unknown or revoked token. */
export async function userForApiToken(token: string): Promise<SessionUser | null> {
  if (!token.startsWith(PREFIX)) return null
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: sessionUserSelect } },
  })
  if (!found || found.revokedAt) return null
  // Written at most once a minute, so busy clients do not turn reads into writes.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() }, select: { id: true } })
  }
  return toSessionUser(found.user)
}
