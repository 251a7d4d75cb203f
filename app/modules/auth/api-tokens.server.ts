// API tokens: shown once, stored as a SHA-256 hash, scoped, expiring, revocable.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { randomToken, sha256Hex } from '#app/lib/hash.server.ts'
import { UserFacingError, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { isApiScope, type ApiScope } from './api-scopes.ts'
import { scopesForRoles } from './permissions.server.ts'
import { sessionUserSelect, toSessionUser, type SessionUser } from './session.server.ts'

const PREFIX = 'lq_'
const DEFAULT_DAYS = 90
/** Characters of the token kept in clear so its owner can tell tokens apart. */
const SHOWN_CHARS = PREFIX.length + 6

/**
 * A new token for the user. `scopes` defaults to every scope the user's roles allow; asking
 * for more is a 422 naming `scopes`.
 */
export async function createApiToken(userId: string, name: string, options: { scopes?: readonly string[]; days?: number } = {}) {
  if ((await prisma.apiToken.count({ where: { userId, revokedAt: null } })) >= listCaps.apiTokensPerUser) throw tooMany(listCaps.apiTokensPerUser, 'name')
  const roles = await prisma.userRole.findMany({ where: { userId }, select: { role: true } })
  const allowed = scopesForRoles(roles.map((r) => r.role))
  const requested = options.scopes && options.scopes.length > 0 ? [...new Set(options.scopes)] : allowed
  const refused = requested.filter((scope) => !isApiScope(scope) || !allowed.includes(scope))
  if (refused.length > 0) {
    throw new UserFacingError(422, 'access.scopeNotAllowed', { scope: refused.join(', ') }, [
      { path: 'scopes', key: 'access.scopeNotAllowed', params: { scope: refused.join(', ') } },
    ])
  }
  const token = `${PREFIX}${randomToken(24)}`
  const expiresAt = new Date(Date.now() + (options.days ?? DEFAULT_DAYS) * 24 * 60 * 60 * 1000)
  const created = await prisma.apiToken.create({
    data: { userId, name, tokenHash: sha256Hex(token), prefix: token.slice(0, SHOWN_CHARS), scopes: requested, expiresAt },
    select: { id: true, name: true, createdAt: true, scopes: true, expiresAt: true },
  })
  await recordAudit(prisma, { actorId: userId, action: 'api-token.create', entity: 'api-token', entityId: created.id })
  return { ...created, token }
}

export async function listApiTokens(userId: string) {
  return prisma.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
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

/** Revokes every live token of the user (password change or reset, "sign out everywhere"). */
export async function revokeAllApiTokens(userId: string, tx: Tx = prisma) {
  const result = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })
  return result.count
}

/**
 * The user a bearer token acts as and what it may do, or null for a missing, unknown,
 * revoked or expired token. Scopes are the token's, limited to what the user's roles allow
 * today, so a demoted user's old token loses what the role gave.
 */
export async function userForApiToken(token: string): Promise<{ user: SessionUser; scopes: ApiScope[] } | null> {
  if (!token.startsWith(PREFIX)) return null
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, scopes: true, user: { select: sessionUserSelect } },
  })
  if (!found || found.revokedAt || found.expiresAt <= new Date()) return null
  // Written at most once a minute, so busy clients do not turn reads into writes.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() }, select: { id: true } })
  }
  const user = toSessionUser(found.user)
  const allowed = scopesForRoles(user.roles)
  return { user, scopes: allowed.filter((scope) => found.scopes.includes(scope)) }
}
