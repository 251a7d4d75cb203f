// Housekeeping: expired sessions, one-time tokens, rate-limit windows and old matching-index
// changes are deleted daily.
import type PgBoss from 'pg-boss'
import { prisma } from '#app/lib/db.server.ts'
import { CHANGE_RETENTION_MS } from '#app/modules/matching/match-index.server.ts'
import { ensureQueue } from '#app/lib/boss.server.ts'
import { TIME_ZONE } from '#app/lib/time.ts'

const QUEUE = 'maintenance.cleanup'

export async function cleanUpExpired(now = new Date()) {
  const [sessions, tokens, buckets, matchChanges] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.oneTimeToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.rateLimitBucket.deleteMany({ where: { resetAt: { lt: now } } }),
    prisma.matchChange.deleteMany({ where: { at: { lt: new Date(now.getTime() - CHANGE_RETENTION_MS) } } }),
  ])
  return { sessions: sessions.count, tokens: tokens.count, buckets: buckets.count, matchChanges: matchChanges.count }
}

export async function registerMaintenance(boss: PgBoss) {
  await ensureQueue(boss, QUEUE)
  await boss.work(QUEUE, async () => {
    await cleanUpExpired()
  })
  await boss.schedule(QUEUE, '17 3 * * *', {}, { tz: TIME_ZONE })
}
