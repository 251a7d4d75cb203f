// Background issuing: one worker at a time drains the credential task outbox, nudged by a
// short poll so a roster's credentials start within seconds, and on a schedule as a safety net.
// A second schedule signs the transparency log's tree head every few minutes.
import type PgBoss from 'pg-boss'
import { logger } from '#app/lib/logger.server.ts'
import { ensureQueue } from '#app/lib/boss.server.ts'
import { hasPendingCredentialTasks, runCredentialTasks } from './tasks.server.ts'
import { backfillLog, signTreeHead } from './transparency-log.server.ts'

const ISSUE_QUEUE = 'credentials.issue'
const TREE_HEAD_QUEUE = 'credentials.tree-head'
const POLL_MS = 2_000

let poller: NodeJS.Timeout | undefined

export async function registerCredentialJobs(boss: PgBoss) {
  // "stately": at most one queued and one running, however often it is nudged.
  await ensureQueue(boss, ISSUE_QUEUE, { policy: 'stately', retryDelay: 5, retryBackoff: true, retryLimit: 10 })
  await boss.work(ISSUE_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const issued = await runCredentialTasks()
    if (issued > 0) logger.info({ issued }, 'credentials issued')
  })
  await boss.schedule(ISSUE_QUEUE, '* * * * *')
  // Every five minutes, a signed tree head when the log has grown (RFC 9162's maximum merge
  // delay, in effect: a new leaf is under a signed head within five minutes).
  await ensureQueue(boss, TREE_HEAD_QUEUE, { policy: 'singleton', retryLimit: 3 })
  await boss.work(TREE_HEAD_QUEUE, async () => {
    const backfilled = await backfillLog()
    if (backfilled > 0) logger.info({ backfilled }, 'credentials older than the transparency log appended')
    const head = await signTreeHead()
    if (head) logger.debug({ treeSize: head.treeSize }, 'transparency log tree head')
  })
  await boss.schedule(TREE_HEAD_QUEUE, '*/5 * * * *')
  let busy = false
  poller = setInterval(() => {
    if (busy) return
    busy = true
    hasPendingCredentialTasks()
      .then((pending) => (pending ? boss.send(ISSUE_QUEUE, {}) : null))
      .catch((error: unknown) => logger.warn({ err: error }, 'credential task poll failed'))
      .finally(() => {
        busy = false
      })
  }, POLL_MS)
  poller.unref()
}

export function stopCredentialJobs() {
  if (poller) clearInterval(poller)
  poller = undefined
}
