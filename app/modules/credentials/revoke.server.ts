// Revoking: the credential's bit in its status list is set (the served list is re-signed
// on its next read), the reason is kept, and the student is told.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { isEventStaff, mayActForIssuer, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { invalidateStatusList } from './status-list.server.ts'
import { appendToLog } from './transparency-log.server.ts'

const revocableSelect = {
  id: true,
  credentialId: true,
  studentId: true,
  achievementKey: true,
  revokedAt: true,
  statusListId: true,
  document: true,
  issuer: { select: { kind: true, universityId: true, companyId: true } },
  student: { select: { userId: true } },
} as const

/** Whether the user may revoke this credential: staff of its issuer (for events, of that event). */
export async function mayRevoke(
  user: SessionUser | null,
  credential: {
    achievementKey: string | null
    issuer: { kind: 'platform' | 'university' | 'company' | 'organizer'; universityId: string | null; companyId: string | null }
  },
) {
  if (!user) return false
  const eventId = credential.issuer.kind === 'organizer' ? /^(?:event|award):([^:]+)/.exec(credential.achievementKey ?? '')?.[1] : undefined
  if (eventId) return isEventStaff(user, eventId)
  return mayActForIssuer(user, credential.issuer)
}

/** A credential's bilingual name, for notifications. */
export function credentialTitle(document: unknown): { zh: string; en: string } {
  const name = (document as { name?: unknown }).name
  if (Array.isArray(name)) {
    const pick = (lang: string) =>
      (name.find((n: { '@language'?: string }) => n['@language']?.startsWith(lang)) as { '@value'?: string } | undefined)?.['@value'] ?? ''
    return { zh: pick('zh'), en: pick('en') }
  }
  return typeof name === 'string' ? { zh: name, en: name } : { zh: '', en: '' }
}

/** Revokes inside the caller's transaction (also used by corrections). */
export async function revokeInTx(tx: Tx, credentialId: string, reason: string, actorId: string | null) {
  const credential = await tx.issuedCredential.findUnique({ where: { id: credentialId }, select: revocableSelect })
  if (!credential || credential.revokedAt) return false
  await tx.issuedCredential.update({ where: { id: credentialId }, data: { revokedAt: new Date(), revocationReason: reason }, select: { id: true } })
  await invalidateStatusList(tx, credential.statusListId)
  if (credential.student) {
    await notify(tx, {
      userId: credential.student.userId,
      type: 'credential.revoked',
      data: { title: credentialTitle(credential.document), reason },
      link: '/credentials',
    })
  }
  await recordAudit(tx, { actorId, action: 'credential.revoke', entity: 'credential', entityId: credentialId, data: { reason } })
  // Last: the log's lock is held until commit.
  await appendToLog(tx, [{ credentialId: credential.credentialId, event: 'revoked', credential: credential.document }])
  return true
}

/** An issuer's staff revoke a credential with a reason; anyone else gets a 404. */
export async function revokeCredential(user: SessionUser, credentialId: string, reason: string) {
  const credential = await prisma.issuedCredential.findUnique({ where: { id: credentialId }, select: revocableSelect })
  if (!credential || !(await mayRevoke(user, credential))) throw notFound()
  await prisma.$transaction((tx) => revokeInTx(tx, credentialId, reason, user.id))
}

/** The credentials a staff member may revoke, newest first (their issuers', their events'). */
export async function credentialsManagedBy(user: SessionUser, take = 200) {
  const admin = user.roles.includes('admin')
  const events = admin
    ? []
    : await prisma.eventStaff.findMany({ where: { userId: user.id, role: { in: ['organizer', 'coorganizer'] } }, select: { eventId: true } })
  const where = admin
    ? {}
    : {
        OR: [
          { issuer: { universityId: { in: user.universityIds } } },
          { issuer: { companyId: { in: user.companyIds } } },
          ...events.flatMap(({ eventId }) => [
            { issuer: { kind: 'organizer' as const }, achievementKey: { startsWith: `event:${eventId}` } },
            { issuer: { kind: 'organizer' as const }, achievementKey: { startsWith: `award:${eventId}:` } },
          ]),
        ],
      }
  const rows = await prisma.issuedCredential.findMany({
    where: { ...where, studentId: { not: null } },
    orderBy: { createdAt: 'desc' },
    take,
    select: {
      id: true,
      kind: true,
      document: true,
      createdAt: true,
      revokedAt: true,
      revocationReason: true,
      student: { select: { user: { select: { name: true, email: true } } } },
    },
  })
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: credentialTitle(row.document),
    student: row.student?.user ?? null,
    issuedOn: row.createdAt.toISOString().slice(0, 10),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revocationReason: row.revocationReason,
  }))
}
