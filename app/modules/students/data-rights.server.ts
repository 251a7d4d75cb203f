// The student's rights over their data: a full export (the right of access) and deleting
// the account with everything stored for it, leaving only anonymous counts behind.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { PERSON_FIELDS, replaceInNotifications } from '#app/modules/notifications/scrub.server.ts'
import { storage } from '#app/modules/storage/storage.server.ts'
import { profilePreferencesSelect } from './profile.server.ts'

/**
 * Notifications that carry a note a person wrote to the user (outside an application's
 * thread): an organiser's message to registrants, a moderator's warning, the outcome of a
 * report. The export lists them once more as "notes addressed to me" (docs/decisions/028).
 */
const NOTE_TYPES = ['event.message', 'moderation.warning', 'report.resolved']

/**
 * Everything stored about the student, as one JSON document (the right of access): account,
 * privacy notice accepted, profile, courses, evidence, résumés (their names; the files are
 * downloaded from the profile), applications with snapshot, history and thread,
 * registrations, teams with join requests and submissions, credentials, notes addressed to
 * them, notifications, profile views, sessions, reports, saved roles and searches, API tokens and the
 * audit trail of their own actions. A company's private notes about an application are the
 * company's working notes, not addressed to the student, and stay out (decision 028).
 */
export async function exportStudentData(userId: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      emailVerifiedAt: true,
      privacyNoticeVersion: true,
      privacyNoticeAcceptedAt: true,
      createdAt: true,
      roles: { select: { role: true, createdAt: true } },
      studentProfile: {
        select: {
          id: true,
          key: true,
          ...profilePreferencesSelect,
          consentedAt: true,
          createdAt: true,
          updatedAt: true,
          university: { select: { key: true, nameZh: true, nameEn: true } },
          languages: { select: { language: true, level: true } },
          skills: { select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true } } } },
          courses: { select: { grade: true, verified: true, createdAt: true, course: { select: { key: true, code: true, titleZh: true, titleEn: true } } } },
          evidence: {
            orderBy: { createdAt: 'asc' },
            select: {
              kind: true,
              title: true,
              url: true,
              description: true,
              result: true,
              startsOn: true,
              endsOn: true,
              createdAt: true,
              skills: { select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true } } } },
            },
          },
          resumes: { select: { id: true, filename: true, size: true, readStatus: true, readAt: true, createdAt: true } },
          resumeSuggestions: {
            select: { sentence: true, status: true, createdAt: true, decidedAt: true, skill: { select: { key: true, nameZh: true, nameEn: true } } },
          },
          // Imported credentials as they were imported, and whether their issuer is trusted.
          externalCredentials: { select: { issuerDid: true, document: true, createdAt: true, trustedIssuer: { select: { nameZh: true, nameEn: true } } } },
          applications: {
            select: {
              id: true,
              status: true,
              note: true,
              answers: true,
              // What the company received, and how the application moved.
              profileSnapshot: true,
              withdrawnReason: true,
              anonymisedAt: true,
              createdAt: true,
              updatedAt: true,
              resume: { select: { id: true, filename: true } },
              role: { select: { id: true, titleZh: true, titleEn: true, company: { select: { nameZh: true, nameEn: true } } } },
              events: { orderBy: { createdAt: 'asc' }, select: { fromStatus: true, toStatus: true, reason: true, createdAt: true } },
              messages: { orderBy: { createdAt: 'asc' }, select: { body: true, hiddenAt: true, createdAt: true, author: { select: { name: true } } } },
              completion: { select: { startedOn: true, endedOn: true, createdAt: true } },
            },
          },
          views: { select: { createdAt: true, context: true, company: { select: { nameZh: true, nameEn: true } } } },
          savedRoles: { select: { createdAt: true, role: { select: { id: true, titleZh: true, titleEn: true } } } },
          credentials: {
            orderBy: { createdAt: 'asc' },
            select: {
              credentialId: true,
              kind: true,
              validFrom: true,
              validUntil: true,
              revokedAt: true,
              revocationReason: true,
              createdAt: true,
              issuer: { select: { nameZh: true, nameEn: true } },
              document: true,
              shares: { select: { createdAt: true, revokedAt: true } },
            },
          },
        },
      },
      registrations: {
        select: {
          id: true,
          status: true,
          answers: true,
          rulesAcceptedAt: true,
          ticketCode: true,
          createdAt: true,
          checkedInAt: true,
          event: { select: { id: true, titleZh: true, titleEn: true } },
          team: { select: { name: true } },
        },
      },
      teamMembers: {
        select: {
          createdAt: true,
          team: {
            select: {
              name: true,
              captainId: true,
              event: { select: { titleZh: true, titleEn: true } },
              submission: { select: { title: true, description: true, repoUrl: true, videoUrl: true, createdAt: true, updatedAt: true } },
              awards: { select: { titleZh: true, titleEn: true, rank: true } },
            },
          },
        },
      },
      teamJoinRequests: { select: { status: true, createdAt: true, team: { select: { name: true, event: { select: { titleZh: true, titleEn: true } } } } } },
      reports: { select: { targetType: true, targetId: true, reason: true, details: true, status: true, outcome: true, createdAt: true } },
      notifications: { select: { type: true, data: true, link: true, readAt: true, createdAt: true } },
      notificationPreferences: { select: { type: true, inApp: true, email: true } },
      savedSearches: { select: { name: true, query: true, createdAt: true } },
      sessions: { select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ip: true } },
      apiTokens: { select: { name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } },
      auditLogs: { orderBy: { createdAt: 'asc' }, select: { action: true, entity: true, entityId: true, data: true, createdAt: true } },
    },
  })
  if (!user) throw notFound()
  const notesAddressedToMe = user.notifications.filter((n) => NOTE_TYPES.includes(n.type))
  return { exportedAt: new Date().toISOString(), user, notesAddressedToMe }
}

/** How a deleted user is named where others still see them (notifications). */
const DELETED_USER = '已注销用户 / deleted user'

/**
 * Deletes the account (the database cascades every row that belongs to it) and its stored
 * files. Contest teams the user captains pass to the next member, so the team, its
 * registration and its submission stay; the user's name is scrubbed from other people's
 * notifications; reports they filed stay, anonymous, and still count; their applications and
 * registrations leave anonymous rows behind for the companies' and organisers' counts.
 */
export async function deleteStudentAccount(userId: string, confirmEmail: string) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, studentProfile: { select: { universityId: true, resumes: { select: { storageKey: true } } } } },
  })
  if (!user) throw notFound()
  if (user.email !== confirmEmail)
    throw new UserFacingError(422, 'profile.deleteEmailMismatch', undefined, [{ path: 'confirmEmail', key: 'profile.deleteEmailMismatch' }])
  const files = user.studentProfile?.resumes.map((r) => r.storageKey) ?? []
  await prisma.$transaction(async (tx) => {
    const captained = await tx.team.findMany({
      where: { captainId: userId },
      select: {
        id: true,
        members: { where: { userId: { not: userId } }, orderBy: { createdAt: 'asc' }, take: 1, select: { userId: true } },
        registration: { select: { id: true, userId: true } },
        submission: { select: { screenshots: true } },
      },
    })
    for (const team of captained) {
      const next = team.members[0]
      if (!next) {
        // Nobody left: the team goes with its captain, and so do its screenshots.
        files.push(...(team.submission?.screenshots ?? []))
        continue
      }
      await tx.team.update({ where: { id: team.id }, data: { captainId: next.userId }, select: { id: true } })
      if (team.registration?.userId === userId) {
        await tx.registration.update({ where: { id: team.registration.id }, data: { userId: next.userId }, select: { id: true } })
      }
      await recordAudit(tx, { actorId: null, action: 'team.captain-handover', entity: 'team', entityId: team.id, data: { to: next.userId } })
    }
    await keepAnonymousCounts(tx, userId, user.studentProfile?.universityId ?? null)
    // Other users' notifications keep their sentence, with the name replaced.
    await replaceInNotifications(
      tx,
      { userId: { not: userId }, OR: PERSON_FIELDS.map((field) => ({ data: { path: [field], equals: user.name } })) },
      (_field, value) => value === user.name,
      DELETED_USER,
    )
    await recordAudit(tx, { actorId: null, action: 'user.delete', entity: 'user', entityId: userId })
    await tx.user.delete({ where: { id: userId }, select: { id: true } })
    for (const key of files) await storage.delete(key, tx)
  })
}

/**
 * What the counts companies and organisers see need of the applications and registrations
 * about to be deleted with the account: statuses and dates, the university, no person
 * (docs/decisions/029). Registrations handed to a team's next member are not among them.
 */
async function keepAnonymousCounts(tx: Tx, userId: string, universityId: string | null) {
  const applications = await tx.application.findMany({
    where: { student: { userId } },
    select: { roleId: true, status: true, createdAt: true, firstResponseAt: true },
  })
  await tx.anonymousApplication.createMany({
    data: applications.map((a) => ({ roleId: a.roleId, status: a.status, appliedAt: a.createdAt, firstResponseAt: a.firstResponseAt })),
  })
  const registrations = await tx.registration.findMany({ where: { userId }, select: { eventId: true, status: true, createdAt: true, checkedInAt: true } })
  await tx.anonymousRegistration.createMany({
    data: registrations.map((r) => ({ eventId: r.eventId, status: r.status, universityId, registeredAt: r.createdAt, checkedInAt: r.checkedInAt })),
  })
}
