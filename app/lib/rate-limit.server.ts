// Fixed-window counters in Postgres, so every app instance shares them.
import { prisma } from './db.server.ts'

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number }

/** Counts one attempt against `key` and says whether it is within `limit` per window. */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const rows = await prisma.$queryRaw<Array<{ count: number; resetAt: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= now() THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= now()
        THEN now() + make_interval(secs => ${windowSeconds}) ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", "resetAt"`
  const row = rows[0]
  if (!row) throw new Error('rate limit upsert returned no row')
  const retryAfterSeconds = Math.max(1, Math.ceil((row.resetAt.getTime() - Date.now()) / 1000))
  return { allowed: row.count <= limit, remaining: Math.max(0, limit - row.count), retryAfterSeconds }
}

export async function resetRateLimit(key: string) {
  await prisma.rateLimitBucket.deleteMany({ where: { key } })
}

/** Gives back one counted attempt (one that turned out not to be a failure). */
export async function refundRateLimit(key: string) {
  await prisma.rateLimitBucket.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } })
}
