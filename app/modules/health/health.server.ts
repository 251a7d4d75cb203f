import { prisma } from '#app/lib/db.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { backgroundJobsStatus } from '#app/modules/jobs/background.server.ts'
import { matchIndex, matchIndexStatus } from '#app/modules/matching/match-index.server.ts'
import { isSearchUp } from '#app/modules/search/client.server.ts'

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'down'; search: 'ok' | 'down' }

export async function checkHealth(): Promise<Health> {
  const [db, search] = await Promise.all([
    prisma.$queryRaw`SELECT 1`.then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    isSearchUp().then((up) => (up ? ('ok' as const) : ('down' as const))),
  ])
  return { status: db === 'ok' && search === 'ok' ? 'ok' : 'degraded', db, search }
}

/**
 * Whether this instance should get traffic: its matching index is built (else the first
 * students' requests would wait seconds for it) and, where it runs them, its background
 * jobs are running. /healthz stays the cheap liveness check.
 */
export async function checkReadiness() {
  const index = matchIndexStatus()
  // An instance without background jobs builds its index on the first check instead.
  if (!index.built) matchIndex().catch((error: unknown) => logger.error({ err: error }, 'matching index build failed'))
  const jobs = backgroundJobsStatus()
  const ready = index.built && (!jobs.enabled || jobs.running)
  return { ready, matchingIndex: index, backgroundJobs: jobs }
}
