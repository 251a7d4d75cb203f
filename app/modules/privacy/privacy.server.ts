// Accepting the privacy notice: at sign-up, whatever the way in, and again whenever its
// version went up. The user row holds the version and time; the audit log keeps each one.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { env } from '#app/lib/env.server.ts'
import { PRIVACY_NOTICE_DATE, PRIVACY_NOTICE_VERSION } from './notice.ts'

export async function recordPrivacyAcceptance(tx: Tx, userId: string, now = new Date()) {
  await tx.user.update({
    where: { id: userId },
    data: { privacyNoticeVersion: PRIVACY_NOTICE_VERSION, privacyNoticeAcceptedAt: now },
    select: { id: true },
  })
  await recordAudit(tx, { actorId: userId, action: 'privacy.accept', entity: 'user', entityId: userId, data: { version: PRIVACY_NOTICE_VERSION } })
}

export async function acceptPrivacyNotice(userId: string) {
  await prisma.$transaction((tx) => recordPrivacyAcceptance(tx, userId))
}

/** The version the user last accepted and when (nulls: never). */
async function privacyAcceptance(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { privacyNoticeVersion: true, privacyNoticeAcceptedAt: true } })
  return { version: user?.privacyNoticeVersion ?? null, acceptedAt: user?.privacyNoticeAcceptedAt ?? null }
}

/** What the notice page shows: the current version, and the reader's own acceptance when signed in. */
export async function privacyNotice(userId: string | null) {
  return {
    version: PRIVACY_NOTICE_VERSION,
    date: PRIVACY_NOTICE_DATE,
    retentionDays: env.RETENTION_DAYS,
    accepted: userId ? await privacyAcceptance(userId) : null,
  }
}
