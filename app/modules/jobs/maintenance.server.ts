// Housekeeping: expired sessions, one-time tokens and rate-limit windows are deleted daily.
import type PgBoss from 'pg-boss'
import { prisma } from '#app/lib/db.server.ts'
import { ensureQueue } from './boss.server.ts'

const QUEUE = 'maintenance.cleanup'

export async function cleanUpExpired(now = new Date()) {
  const [sessions, tokens, buckets] = await prisma.$transaction([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.oneTimeToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.rateLimitBucket.deleteMany({ where: { resetAt: { lt: now } } }),
  ])
  return { sessions: sessions.count, tokens: tokens.count, buckets: buckets.count }
}

export async function registerMaintenance(boss: PgBoss) {
  await ensureQueue(boss, QUEUE)
  await boss.work(QUEUE, async () => {
    await cleanUpExpired()
  })
  await boss.schedule(QUEUE, '17 3 * * *', {}, { tz: 'Asia/Shanghai' })
}
