// What a report can be about: a role, a company, a message, an event or a contest
// submission. For each: whether the reporter may see it, a public label (never private
// details: a message is just "a message"), who owns it, and how it is hidden or restored.
import type { ReportTarget } from '#app/generated/prisma/enums.ts'
import type { Tx } from '#app/lib/db.server.ts'
import { hasRole, isEventStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'

export type TargetLabel = { zh: string | null; en: string | null }

export type ResolvedTarget = {
  label: TargetLabel
  /** The users told about a warning. */
  ownerIds: string[]
  /** The company a suspension applies to, if the target belongs to one. */
  companyId: string | null
  hidden: boolean
}

const messageLabel: TargetLabel = { zh: '一条消息', en: 'a message' }
const submissionLabel = (title: string): TargetLabel => ({ zh: `作品“${title}”`, en: `the submission “${title}”` })

async function membersOf(tx: Tx, companyId: string) {
  return (await tx.companyMember.findMany({ where: { companyId }, select: { userId: true } })).map((m) => m.userId)
}

/** The target, or null when it does not exist or `viewer` may not see it. */
export async function resolveTarget(tx: Tx, type: ReportTarget, id: string, viewer: SessionUser | null): Promise<ResolvedTarget | null> {
  const admin = hasRole(viewer, 'admin')
  switch (type) {
    case 'role': {
      const role = await tx.internshipRole.findUnique({
        where: { id },
        select: { titleZh: true, titleEn: true, companyId: true, status: true, hiddenAt: true },
      })
      if (!role || (!admin && role.status === 'draft' && !viewer?.companyIds.includes(role.companyId))) return null
      return {
        label: { zh: role.titleZh, en: role.titleEn },
        ownerIds: await membersOf(tx, role.companyId),
        companyId: role.companyId,
        hidden: role.hiddenAt !== null,
      }
    }
    case 'company': {
      const company = await tx.company.findUnique({ where: { id }, select: { nameZh: true, nameEn: true, suspendedAt: true } })
      if (!company) return null
      return { label: { zh: company.nameZh, en: company.nameEn }, ownerIds: await membersOf(tx, id), companyId: id, hidden: company.suspendedAt !== null }
    }
    case 'message': {
      const message = await tx.message.findUnique({
        where: { id },
        select: { authorId: true, hiddenAt: true, application: { select: { student: { select: { userId: true } }, role: { select: { companyId: true } } } } },
      })
      if (!message) return null
      // Only the two sides of the conversation (and admins) see a message.
      const party = viewer && (message.application.student.userId === viewer.id || viewer.companyIds.includes(message.application.role.companyId))
      if (!admin && !party) return null
      return { label: messageLabel, ownerIds: [message.authorId], companyId: null, hidden: message.hiddenAt !== null }
    }
    case 'event': {
      const event = await tx.event.findUnique({
        where: { id },
        select: { titleZh: true, titleEn: true, status: true, hiddenAt: true, staff: { where: { role: 'organizer' }, select: { userId: true } } },
      })
      if (!event || (!admin && event.status === 'draft')) return null
      return { label: { zh: event.titleZh, en: event.titleEn }, ownerIds: event.staff.map((s) => s.userId), companyId: null, hidden: event.hiddenAt !== null }
    }
    case 'submission': {
      const submission = await tx.submission.findUnique({
        where: { id },
        select: {
          title: true,
          hiddenAt: true,
          team: { select: { eventId: true, event: { select: { resultsPublishedAt: true } }, members: { select: { userId: true } } } },
        },
      })
      if (!submission) return null
      // Before the results are out a submission is for its team and the contest's staff and judges.
      const member = Boolean(viewer && submission.team.members.some((m) => m.userId === viewer.id))
      if (!submission.team.event.resultsPublishedAt && !member && !(await isEventStaff(viewer, submission.team.eventId, ['organizer', 'coorganizer', 'judge'])))
        return null
      return {
        label: submissionLabel(submission.title),
        ownerIds: submission.team.members.map((m) => m.userId),
        companyId: null,
        hidden: submission.hiddenAt !== null,
      }
    }
  }
}

/** Hides or shows the target again (a company is suspended instead; see moderation.server.ts). */
export async function setTargetHidden(tx: Tx, type: Exclude<ReportTarget, 'company'>, id: string, hidden: boolean, reason: string | null, now: Date) {
  const hiddenAt = hidden ? now : null
  switch (type) {
    case 'role':
      await tx.internshipRole.update({ where: { id }, data: { hiddenAt, hiddenReason: hidden ? reason : null }, select: { id: true } })
      await recordOutbox(tx, 'role', id)
      return
    case 'message':
      await tx.message.update({ where: { id }, data: { hiddenAt }, select: { id: true } })
      return
    case 'event':
      await tx.event.update({ where: { id }, data: { hiddenAt }, select: { id: true } })
      return
    case 'submission':
      await tx.submission.update({ where: { id }, data: { hiddenAt }, select: { id: true } })
      return
  }
}
