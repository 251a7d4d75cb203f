// Reports: anyone signed in reports a role, company, message, event or contest submission
// once, within a rate limit; the admin's moderation (moderation.server.ts) resolves them.
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { conflict, notFound, rateLimited } from '#app/lib/errors.server.ts'
import { consumeRateLimit } from '#app/lib/rate-limit.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import type { ReportInput } from './schemas.ts'
import { resolveTarget } from './targets.server.ts'

/** Reports per reporter per hour: enough for a genuine user, not for a flood. */
const REPORTS_PER_HOUR = 20

export async function fileReport(reporter: SessionUser, input: ReportInput) {
  const limit = await consumeRateLimit(`report:${reporter.id}`, REPORTS_PER_HOUR, 3600)
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds)
  try {
    return await prisma.$transaction(async (tx) => {
      if (!(await resolveTarget(tx, input.targetType, input.targetId, reporter))) throw notFound()
      const report = await tx.report.create({
        data: { reporterId: reporter.id, targetType: input.targetType, targetId: input.targetId, reason: input.reason, details: input.details ?? null },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: reporter.id,
        action: 'report.create',
        entity: input.targetType,
        entityId: input.targetId,
        data: { reportId: report.id, reason: input.reason },
      })
      return report
    })
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw conflict('trust.report.already')
    throw error
  }
}

/** The reporter's own reports and what came of them. */
export function myReports(reporter: SessionUser) {
  return prisma.report.findMany({
    where: { reporterId: reporter.id },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, targetType: true, targetId: true, reason: true, status: true, outcome: true, createdAt: true, resolvedAt: true },
  })
}
