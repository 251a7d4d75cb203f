// Background work of search: apply index settings at start, drain the outbox (nudged by a
// short poll so a published role is searchable within about two seconds, and on a schedule
// as a safety net), close roles after their deadline day.
import type PgBoss from 'pg-boss'
import { logger } from '#app/lib/logger.server.ts'
import { ensureQueue } from '#app/lib/boss.server.ts'
import { closeExpiredRoles } from '#app/modules/roles/roles.server.ts'
import { drainOutbox, hasPendingOutbox, pruneOutbox } from './outbox.server.ts'
import { ensureRoleIndexOnce } from './role-index.server.ts'
import { TIME_ZONE } from '#app/lib/time.ts'

export const SYNC_QUEUE = 'search.sync'
const CLOSE_QUEUE = 'roles.close-expired'
const POLL_MS = 400

let poller: NodeJS.Timeout | undefined

export async function registerSearchJobs(boss: PgBoss) {
  await ensureRoleIndexOnce().catch((error: unknown) => logger.warn({ err: error }, 'search index settings not applied yet (Meilisearch down?)'))
  // "stately": at most one queued and one running sync, however often it is nudged.
  await ensureQueue(boss, SYNC_QUEUE, { policy: 'stately', retryDelay: 1, retryBackoff: true, retryLimit: 20 })
  await boss.work(SYNC_QUEUE, { pollingIntervalSeconds: 0.5 }, async () => {
    const applied = await drainOutbox()
    if (applied > 0) logger.debug({ applied }, 'outbox drained into search')
  })
  await boss.schedule(SYNC_QUEUE, '* * * * *')

  await ensureQueue(boss, CLOSE_QUEUE)
  await boss.work(CLOSE_QUEUE, async () => {
    const closed = await closeExpiredRoles()
    const pruned = await pruneOutbox()
    logger.info({ closed, pruned }, 'closed roles past their deadline')
  })
  // Hourly, so a role closes within the first hour of the day after its deadline.
  await boss.schedule(CLOSE_QUEUE, '5 * * * *', {}, { tz: TIME_ZONE })

  let busy = false
  poller = setInterval(() => {
    if (busy) return
    busy = true
    hasPendingOutbox()
      .then((pending) => (pending ? boss.send(SYNC_QUEUE, {}) : null))
      .catch((error: unknown) => logger.warn({ err: error }, 'outbox poll failed'))
      .finally(() => {
        busy = false
      })
  }, POLL_MS)
  poller.unref()
}

export function stopSearchJobs() {
  if (poller) clearInterval(poller)
  poller = undefined
}
