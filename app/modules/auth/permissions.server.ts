// The one place that decides who may see and do what. Loaders and actions call these
// first; what a user may not see answers 404, so its existence is not revealed.
import { redirect } from '@remix-run/node'
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { notFound, UserFacingError } from '#app/lib/errors.server.ts'
import { privacyNoticeOutdated } from '#app/modules/privacy/notice.ts'
import { apiScopes, type ApiScope } from './api-scopes.ts'
import { sessionTokenFrom, validateSessionToken, type SessionUser } from './session.server.ts'

export type { SessionUser }

export function notFoundResponse() {
  return new Response('Not Found', { status: 404 })
}

async function currentSession(request: Request) {
  const token = sessionTokenFrom(request)
  return token ? validateSessionToken(token) : null
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await currentSession(request))?.user ?? null
}

export async function getSessionId(request: Request): Promise<string | null> {
  return (await currentSession(request))?.sessionId ?? null
}

function here(request: Request) {
  const url = new URL(request.url)
  return encodeURIComponent(`${url.pathname}${url.search}`)
}

// Pages a user who has not accepted the current privacy notice may still open.
const NOTICE_PATHS = new Set(['/privacy', '/privacy/accept'])

/**
 * Sends a signed-in user whose accepted privacy notice is older than the current one (or who
 * never accepted one) to accept it first, and back here afterwards (docs/decisions/028).
 */
export async function requireCurrentPrivacyNotice(request: Request) {
  const session = await currentSession(request)
  if (!session || !privacyNoticeOutdated(session.privacyNoticeVersion)) return
  if (NOTICE_PATHS.has(new URL(request.url).pathname)) return
  throw redirect(`/privacy/accept?redirectTo=${here(request)}`)
}

/** Signed in, whatever notice they accepted: for the page where they accept the current one. */
export async function requireSignedIn(request: Request) {
  const session = await currentSession(request)
  if (!session) throw redirect(`/signin?redirectTo=${here(request)}`)
  return { user: session.user, privacyNoticeVersion: session.privacyNoticeVersion }
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const { user } = await requireSignedIn(request)
  await requireCurrentPrivacyNotice(request)
  return user
}

/** "Try as" demo sign-in exists only outside production on the embedded database (decision 035). */
export function requireDemoPersonas() {
  if (!env.demoPersonas) throw notFoundResponse()
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect('/')
}

export function hasRole(user: SessionUser | null, role: AccountRole) {
  return Boolean(user?.roles.includes(role))
}

export async function requireRole(request: Request, ...roles: AccountRole[]): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!roles.some((role) => user.roles.includes(role))) throw notFoundResponse()
  return user
}

/** A signed-in student with a profile (404 for anyone else). */
export async function requireStudent(request: Request) {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  return { user, studentId: user.studentProfileId }
}

/** What an API token of a user with each role may do; a token never exceeds its user's roles. */
const scopesByRole: Record<AccountRole, readonly ApiScope[]> = {
  student: ['roles:read', 'events', 'applications', 'matching', 'credentials:read'],
  company_member: ['roles:read', 'events', 'roles:write', 'applications', 'matching', 'credentials:issue'],
  university_staff: ['roles:read', 'events', 'matching', 'credentials:issue'],
  organizer: ['roles:read', 'events', 'credentials:issue'],
  admin: apiScopes,
}

export function scopesForRoles(roles: readonly AccountRole[]): ApiScope[] {
  const allowed = new Set(roles.flatMap((role) => scopesByRole[role]))
  return apiScopes.filter((scope) => allowed.has(scope))
}

export function isCompanyMember(user: SessionUser | null, companyId: string) {
  return Boolean(user?.companyIds.includes(companyId))
}

export function isUniversityStaff(user: SessionUser | null, universityId: string) {
  return Boolean(user?.universityIds.includes(universityId))
}

/** A member of the company, or an admin: who may post and manage its roles and profile. */
export function canManageCompany(user: SessionUser | null, companyId: string) {
  return isCompanyMember(user, companyId) || hasRole(user, 'admin')
}

/** Staff of the university, or an admin: who may manage its courses and rosters. */
export function canManageUniversity(user: SessionUser | null, universityId: string) {
  return isUniversityStaff(user, universityId) || hasRole(user, 'admin')
}

/** For services: the actor manages the university, else a 404. */
export function assertUniversityStaff(actor: SessionUser, universityId: string) {
  if (!canManageUniversity(actor, universityId)) throw notFound()
}

/** Staff of the university, or an admin. */
export async function requireUniversityStaff(request: Request, universityId: string): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!canManageUniversity(user, universityId)) throw notFoundResponse()
  return user
}

/** An organizer or co-organizer of the event (any role for `judge`), or an admin. */
export async function isEventStaff(
  user: SessionUser | null,
  eventId: string,
  roles: Array<'organizer' | 'coorganizer' | 'judge'> = ['organizer', 'coorganizer'],
) {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  const staff = await prisma.eventStaff.findFirst({ where: { eventId, userId: user.id, role: { in: roles } }, select: { userId: true } })
  return Boolean(staff)
}

/** For services: the actor organizes the event (or is an admin), else a 404. */
export async function assertEventStaff(actor: SessionUser, eventId: string) {
  if (!(await isEventStaff(actor, eventId))) throw notFound()
}

/** May create events: organizers and admins. */
export function canCreateEvents(user: SessionUser | null) {
  return hasRole(user, 'organizer') || hasRole(user, 'admin')
}

/** The event's organizers and co-organizers, or an admin; anyone else gets a 404. */
export async function requireEventOrganizer(request: Request, eventId: string): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!(await isEventStaff(user, eventId))) throw notFoundResponse()
  return user
}

/** A judge of the event (admins are not judges: scores are personal). */
export async function requireEventJudge(request: Request, eventId: string): Promise<SessionUser> {
  const user = await requireUser(request)
  const staff = await prisma.eventStaff.findFirst({ where: { eventId, userId: user.id, role: 'judge' }, select: { userId: true } })
  if (!staff) throw notFoundResponse()
  return user
}

/**
 * Applying, registering for events, publishing roles and being found as a candidate need a
 * proven address (docs/decisions/014). Read from the database, so a link verified in another
 * tab counts at once.
 */
export async function requireVerifiedEmail(db: Tx, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } })
  if (!user?.emailVerifiedAt) throw new UserFacingError(403, 'verify.required')
}

export async function isEmailVerified(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } })
  return Boolean(user?.emailVerifiedAt)
}

/**
 * Who may sign as a credential issuer (VC-API issue, revocation): an admin for the
 * platform, the university's staff, the company's members, an organizer for the organizer.
 */
export function mayActForIssuer(
  user: SessionUser | null,
  issuer: { kind: 'platform' | 'university' | 'company' | 'organizer'; universityId: string | null; companyId: string | null },
) {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  switch (issuer.kind) {
    case 'platform':
      return false
    case 'university':
      return issuer.universityId !== null && isUniversityStaff(user, issuer.universityId)
    case 'company':
      return issuer.companyId !== null && isCompanyMember(user, issuer.companyId)
    case 'organizer':
      return hasRole(user, 'organizer')
  }
}
