// The admin's moderation queue: open reports grouped by what they are about, and the
// actions on it (hide, restore, warn the owner, suspend or unsuspend a company, dismiss).
// Every action is audited with who and why; every reporter of the thing is told the
// outcome, without the other side's private details.
import type { ReportTarget } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { notFound, unprocessable } from '#app/lib/errors.server.ts'
import { translate } from '#app/i18n/translate.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import type { moderationActions } from './schemas.ts'
import { moderationOutcomeKeys } from './labels.ts'
import { resolveTarget, setTargetHidden } from './targets.server.ts'

export type ModerationAction = (typeof moderationActions)[number]

/** Open reports, one entry per reported thing, oldest first. */
export async function moderationQueue(admin: SessionUser) {
  if (!hasRole(admin, 'admin')) throw notFound()
  const reports = await prisma.report.findMany({
    where: { status: 'open' },
    orderBy: { createdAt: 'asc' },
    take: 500,
    select: { id: true, targetType: true, targetId: true, reason: true, details: true, createdAt: true },
  })
  const groups = new Map<string, { targetType: ReportTarget; targetId: string; reports: typeof reports }>()
  for (const report of reports) {
    const key = `${report.targetType}:${report.targetId}`
    const group = groups.get(key) ?? { targetType: report.targetType, targetId: report.targetId, reports: [] }
    group.reports.push(report)
    groups.set(key, group)
  }
  const entries = []
  for (const group of groups.values()) {
    const target = await resolveTarget(prisma, group.targetType, group.targetId, admin)
    entries.push({ ...group, label: target?.label ?? { zh: null, en: null }, hidden: target?.hidden ?? false, companyId: target?.companyId ?? null })
  }
  return entries
}

async function suspendCompany(tx: Tx, companyId: string, suspended: boolean, reason: string, now: Date) {
  await tx.company.update({
    where: { id: companyId },
    data: { suspendedAt: suspended ? now : null, suspendedReason: suspended ? reason : null },
    select: { id: true },
  })
  // Search drops (or takes back) every role of the company at the next outbox drain; the
  // matching index follows through the Company trigger.
  await recordOutbox(tx, 'company', companyId)
}

/** One moderation action on a reported thing; resolves its open reports and tells their reporters. */
export async function moderate(
  admin: SessionUser,
  input: { targetType: ReportTarget; targetId: string; intent: ModerationAction; note: string },
  now = new Date(),
) {
  if (!hasRole(admin, 'admin')) throw notFound()
  const { targetType, targetId, intent, note } = input
  await prisma.$transaction(async (tx) => {
    const target = await resolveTarget(tx, targetType, targetId, admin)
    if (!target) throw notFound()
    switch (intent) {
      case 'hide':
      case 'restore':
        if (targetType === 'company') await suspendCompany(tx, targetId, intent === 'hide', note, now)
        else await setTargetHidden(tx, targetType, targetId, intent === 'hide', note, now)
        break
      case 'suspend':
      case 'unsuspend':
        if (!target.companyId) throw unprocessable('trust.moderation.noCompany')
        await suspendCompany(tx, target.companyId, intent === 'suspend', note, now)
        break
      case 'warn':
        for (const userId of target.ownerIds) await notify(tx, { userId, type: 'moderation.warning', data: { target: target.label, note } })
        break
      case 'dismiss':
        break
    }
    await recordAudit(tx, {
      actorId: admin.id,
      action: `moderation.${intent}`,
      entity: targetType,
      entityId: targetId,
      data: { note, companyId: target.companyId },
    })
    const open = await tx.report.findMany({ where: { targetType, targetId, status: 'open' }, select: { id: true, reporterId: true } })
    await tx.report.updateMany({ where: { id: { in: open.map((r) => r.id) } }, data: { status: 'resolved', outcome: intent, resolvedAt: now } })
    const outcome = { zh: translate('zh-CN', moderationOutcomeKeys[intent]), en: translate('en', moderationOutcomeKeys[intent]) }
    for (const { reporterId } of open) {
      if (reporterId) await notify(tx, { userId: reporterId, type: 'report.resolved', data: { target: target.label, outcome }, link: '/reports' })
    }
  })
}
