// Retention: applications to roles closed for more than RETENTION_DAYS are anonymised for the
// company. The row stays (the student's own copy: snapshot, answers, thread, history), marked
// `anonymisedAt`; every company read in review.server.ts then leaves out the name, contact,
// résumé, grades, snapshot, answers and thread. The company's private notes about the person
// are deleted, and the applicant's name leaves the company's notifications. Runs daily;
// running it again changes nothing (docs/decisions/029).
import type PgBoss from 'pg-boss'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { ensureQueue } from '#app/lib/boss.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { TIME_ZONE } from '#app/lib/time.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { replaceInNotifications } from '#app/modules/notifications/scrub.server.ts'

const QUEUE = 'applications.retention'
const DAY = 24 * 60 * 60 * 1000
// Applications per transaction, so a first run over years of data holds no long lock.
const BATCH = 500
/** How an anonymised applicant is named in the company's notifications. */
const ANONYMISED_APPLICANT = '匿名申请人 / anonymised applicant'

/** Roles closed before `cutoff`: the deadline passed, or the company closed the role. */
function closedBefore(cutoff: Date): Prisma.InternshipRoleWhereInput {
  return { OR: [{ closesAt: { lt: cutoff } }, { status: 'closed', closedAt: { lt: cutoff } }] }
}

/** Anonymises what is due; returns how many applications it anonymised. */
export async function anonymiseExpiredApplications(now = new Date(), retentionDays = env.RETENTION_DAYS) {
  const where: Prisma.ApplicationWhereInput = { anonymisedAt: null, role: closedBefore(new Date(now.getTime() - retentionDays * DAY)) }
  let total = 0
  for (;;) {
    const done = await prisma.$transaction(async (tx) => {
      const due = await tx.application.findMany({ where, orderBy: { id: 'asc' }, take: BATCH, select: { id: true } })
      if (due.length === 0) return 0
      const ids = due.map((a) => a.id)
      await tx.application.updateMany({ where: { id: { in: ids }, anonymisedAt: null }, data: { anonymisedAt: now } })
      await tx.applicationNote.deleteMany({ where: { applicationId: { in: ids } } })
      await replaceInNotifications(
        tx,
        { link: { in: ids.map((id) => `/company/applications/${id}`) } },
        (field) => field === 'student' || field === 'from',
        ANONYMISED_APPLICANT,
      )
      await recordAudit(tx, { actorId: null, action: 'application.anonymise', entity: 'application', data: { count: ids.length, retentionDays } })
      return ids.length
    })
    total += done
    if (done < BATCH) return total
  }
}

export async function registerRetention(boss: PgBoss) {
  await ensureQueue(boss, QUEUE)
  await boss.work(QUEUE, async () => {
    await anonymiseExpiredApplications()
  })
  await boss.schedule(QUEUE, '37 3 * * *', {}, { tz: TIME_ZONE })
}
