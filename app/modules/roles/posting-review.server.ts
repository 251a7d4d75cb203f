// The admin's review of roles the posting rules flagged (off-platform contact, a stipend far
// outside the regional range): approve publishes the role as it is, reject keeps it a draft
// with a reason the company sees. Each decision is audited and told to the company.
import { prisma } from '#app/lib/db.server.ts'
import { notFound, unprocessable } from '#app/lib/errors.server.ts'
import { apiText } from '#app/i18n/api-text.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { kindToApi } from '#app/modules/search/documents.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { contactPhrase, regionalStipendRange } from './posting-rules.ts'

/** Roles waiting for an admin, oldest first, with what the rules found. */
export async function rolesInReview(admin: SessionUser) {
  if (!hasRole(admin, 'admin')) throw notFound()
  const roles = await prisma.internshipRole.findMany({
    where: { review: 'pending' },
    orderBy: { updatedAt: 'asc' },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      kind: true,
      stipendMin: true,
      stipendMax: true,
      reviewReasons: true,
      updatedAt: true,
      company: { select: { id: true, nameZh: true, nameEn: true } },
    },
  })
  return roles.map((role) => {
    const kind = kindToApi(role.kind)
    const phrase = [role.titleZh, role.titleEn, role.descriptionZh, role.descriptionEn].map((t) => contactPhrase(t ?? undefined)).find(Boolean) ?? null
    return {
      id: role.id,
      title: apiText(role.titleZh, role.titleEn),
      company: { id: role.company.id, name: apiText(role.company.nameZh, role.company.nameEn) },
      reasons: role.reviewReasons,
      contactPhrase: phrase,
      stipend: { min: role.stipendMin, max: role.stipendMax },
      regionalRange: regionalStipendRange[kind],
      kind,
    }
  })
}

async function decide(admin: SessionUser, roleId: string, decision: { approve: true } | { approve: false; note: string }, now: Date) {
  if (!hasRole(admin, 'admin')) throw notFound()
  await prisma.$transaction(async (tx) => {
    const role = await tx.internshipRole.findUnique({
      where: { id: roleId },
      select: {
        id: true,
        review: true,
        publishedAt: true,
        titleZh: true,
        titleEn: true,
        companyId: true,
        company: { select: { members: { select: { userId: true } } } },
      },
    })
    if (!role) throw notFound()
    if (role.review !== 'pending') throw unprocessable('trust.review.notPending')
    await tx.internshipRole.update({
      where: { id: roleId },
      data: decision.approve
        ? { review: 'approved', status: 'published', publishedAt: role.publishedAt ?? now, closedAt: null, reviewNote: null }
        : { review: 'rejected', reviewNote: decision.note },
      select: { id: true },
    })
    await recordOutbox(tx, 'role', roleId)
    await recordAudit(tx, {
      actorId: admin.id,
      action: decision.approve ? 'role.review-approve' : 'role.review-reject',
      entity: 'role',
      entityId: roleId,
      data: decision.approve ? {} : { note: decision.note },
    })
    const title = { zh: role.titleZh, en: role.titleEn }
    for (const { userId } of role.company.members) {
      await notify(tx, {
        userId,
        type: decision.approve ? 'role.reviewApproved' : 'role.reviewRejected',
        data: decision.approve ? { role: title } : { role: title, note: decision.note },
        link: `/company/roles/${roleId}/edit`,
      })
    }
  })
}

export function approveRole(admin: SessionUser, roleId: string, now = new Date()) {
  return decide(admin, roleId, { approve: true }, now)
}

export function rejectRole(admin: SessionUser, roleId: string, note: string, now = new Date()) {
  return decide(admin, roleId, { approve: false, note }, now)
}
