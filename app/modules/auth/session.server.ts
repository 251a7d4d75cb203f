// Sessions after Lucia's design (lucia-auth.com): the cookie holds a random token, the
// database holds its SHA-256 as the session id, expiry slides while the user is active.
import { expiredCookie, readCookie, serializeCookie, type CookieDefinition } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { randomToken, sha256Hex } from '#app/lib/hash.server.ts'
import { currentRequestContext, memoPerRequest } from '#app/lib/request-context.server.ts'
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import type { Locale } from '#app/i18n/locale.ts'

const DAY = 24 * 60 * 60 * 1000
const SESSION_DAYS = 30
const REFRESH_WHEN_DAYS_LEFT = 15
// "Last seen" on the sessions page is this precise, so most requests write nothing.
const LAST_SEEN_PRECISION_MS = 5 * 60 * 1000

export const SESSION_COOKIE: CookieDefinition = { name: 'lq_session', httpOnly: true }

export type SessionUser = {
  id: string
  email: string
  name: string
  locale: Locale
  roles: AccountRole[]
  companyIds: string[]
  universityIds: string[]
  studentProfileId: string | null
}

/** What a signed-in user carries; sessions and API tokens load it the same way. */
export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  roles: { select: { role: true } },
  companyMembers: { select: { companyId: true } },
  universityStaff: { select: { universityId: true } },
  studentProfile: { select: { id: true } },
} as const

type SelectedUser = {
  id: string
  email: string
  name: string
  locale: 'zh_CN' | 'en'
  roles: { role: AccountRole }[]
  companyMembers: { companyId: string }[]
  universityStaff: { universityId: string }[]
  studentProfile: { id: string } | null
}

export function toSessionUser(user: SelectedUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === 'en' ? 'en' : 'zh-CN',
    roles: user.roles.map((r) => r.role),
    companyIds: user.companyMembers.map((m) => m.companyId),
    universityIds: user.universityStaff.map((s) => s.universityId),
    studentProfileId: user.studentProfile?.id ?? null,
  }
}

export async function loadSessionUser(userId: string): Promise<SessionUser | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: sessionUserSelect })
  return user ? toSessionUser(user) : null
}

export async function createSession(userId: string, meta: { userAgent?: string | null; ip?: string | null } = {}) {
  const token = randomToken()
  const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY)
  await prisma.session.create({
    data: { id: sha256Hex(token), userId, expiresAt, userAgent: meta.userAgent?.slice(0, 300), ip: meta.ip },
    select: { id: true },
  })
  return { token, expiresAt }
}

/** The session's user, and the privacy notice version they last accepted (null: none yet). */
export async function validateSessionToken(token: string): Promise<{ user: SessionUser; sessionId: string; privacyNoticeVersion: number | null } | null> {
  return memoPerRequest(`session:${token}`, async () => {
    const sessionId = sha256Hex(token)
    const session = await prisma.session.findUnique({
      where: { id: sessionId },
      select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { ...sessionUserSelect, privacyNoticeVersion: true } } },
    })
    if (!session) return null
    const now = Date.now()
    if (session.expiresAt.getTime() <= now) {
      await prisma.session.deleteMany({ where: { id: sessionId } })
      return null
    }
    if (now - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
      const ip = currentRequestContext()?.clientIp
      await prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now), ...(ip ? { ip } : {}) } })
    }
    if (session.expiresAt.getTime() - now < REFRESH_WHEN_DAYS_LEFT * DAY) {
      const expiresAt = new Date(now + SESSION_DAYS * DAY)
      await prisma.session.update({ where: { id: sessionId }, data: { expiresAt }, select: { id: true } })
      currentRequestContext()?.setCookies.push(sessionCookie(token, expiresAt))
    }
    return { user: toSessionUser(session.user), sessionId, privacyNoticeVersion: session.user.privacyNoticeVersion }
  })
}

export async function invalidateSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } })
}

export async function invalidateAllSessions(userId: string) {
  await prisma.session.deleteMany({ where: { userId } })
}

/** The user's signed-in devices, most recently seen first. */
export async function listSessions(userId: string) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  })
}

/** Ends one of the user's sessions; another user's session id answers 404. */
export async function revokeSession(userId: string, sessionId: string) {
  const deleted = await prisma.session.deleteMany({ where: { id: sessionId, userId } })
  if (deleted.count === 0) throw notFound()
}

export function sessionCookie(token: string, expiresAt: Date) {
  return serializeCookie(SESSION_COOKIE, token, { expires: expiresAt })
}

export function clearedSessionCookie() {
  return expiredCookie(SESSION_COOKIE)
}

export function sessionTokenFrom(request: Request) {
  return readCookie(request, SESSION_COOKIE)
}
