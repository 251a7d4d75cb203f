// What an operator asks when something looks slow or stale (`npm run cli -- status`):
// are the services up, how deep are the job queues, how far behind is search, how old are
// the indexes, and how many documents do they hold against Postgres.
import { prisma } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { isSearchUp, meili } from '#app/modules/search/client.server.ts'
import { rolesIndexUid } from '#app/modules/search/role-index.server.ts'
import { storage } from '#app/modules/storage/storage.server.ts'

export type QueueDepth = { queue: string; queued: number; active: number; failed: number }

/** Jobs per queue that are waiting (created or retrying), running, or failed in the last day. */
async function queueDepths(): Promise<QueueDepth[]> {
  const exists = await prisma.$queryRaw<Array<{ present: boolean }>>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`
  if (!exists[0]?.present) return []
  const rows = await prisma.$queryRaw<Array<{ queue: string; queued: number; active: number; failed: number }>>`
    SELECT name AS queue,
           count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
           count(*) FILTER (WHERE state = 'active')::int AS active,
           count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '1 day')::int AS failed
      FROM pgboss.job
     GROUP BY name
     ORDER BY name`
  return rows
}

async function outboxLag(now: Date) {
  const [pending, oldest] = await Promise.all([
    prisma.outboxEntry.count({ where: { processedAt: null } }),
    prisma.outboxEntry.findFirst({ where: { processedAt: null }, orderBy: { id: 'asc' }, select: { createdAt: true } }),
  ])
  return { pending, oldestSeconds: oldest ? Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000) : 0 }
}

async function searchIndex(now: Date) {
  try {
    const index = await meili.getIndex(rolesIndexUid())
    const stats = await index.getStats()
    return {
      documents: stats.numberOfDocuments,
      updatedSecondsAgo: index.updatedAt ? Math.round((now.getTime() - new Date(index.updatedAt).getTime()) / 1000) : null,
    }
  } catch {
    return null
  }
}

export async function operationalStatus(now = new Date()) {
  const [database, search, queues, outbox, index, openRoles, students, files, newestChange] = await Promise.all([
    prisma.$queryRaw<Array<{ version: string }>>`SELECT current_setting('server_version') AS version`.then(
      (rows) => ({ up: true, version: rows[0]?.version ?? '' }),
      () => ({ up: false, version: '' }),
    ),
    isSearchUp(),
    queueDepths(),
    outboxLag(now),
    searchIndex(now),
    prisma.internshipRole.count({ where: { status: 'published', closesAt: { gt: now } } }),
    prisma.studentProfile.count(),
    storage.kind === 'postgres' ? prisma.storedFile.count() : Promise.resolve(null),
    prisma.matchChange.findFirst({ orderBy: { seq: 'desc' }, select: { at: true } }),
  ])
  return {
    services: { postgres: database, meilisearch: { up: search, url: env.MEILI_URL }, fileStorage: storage.kind },
    queues,
    outbox,
    searchIndex: index,
    matchingChanges: { newestSecondsAgo: newestChange ? Math.round((now.getTime() - newestChange.at.getTime()) / 1000) : null },
    documents: { openRolesInPostgres: openRoles, rolesInSearch: index?.documents ?? null, students, storedFiles: files },
  }
}
