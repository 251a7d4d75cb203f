// Zero-downtime rebuild: fill a fresh index from Postgres, then swap it with the live one,
// so searches keep answering from the old index until the new one is complete.
import type { EnqueuedTaskPromise } from 'meilisearch'
import { prisma } from '#app/lib/db.server.ts'
import { meili } from './client.server.ts'
import { bumpSearchIndexVersion } from './search-cache.server.ts'
import { allRoleDocuments } from './documents.server.ts'
import { ensureRoleIndex, rolesIndexUid, settle } from './role-index.server.ts'

export async function reindexRoles(log: (message: string) => void = () => {}) {
  const started = Date.now()
  const startedAt = new Date(started)
  const live = rolesIndexUid()
  const fresh = `${live}_build_${started}`
  await ensureRoleIndex(fresh)
  let documents = 0
  // Pages are enqueued without waiting for each to be indexed: Meilisearch batches queued
  // additions into few indexing runs, and the next page is read from Postgres meanwhile.
  const tasks: EnqueuedTaskPromise[] = []
  for await (const page of allRoleDocuments()) {
    const task = meili.index(fresh).addDocuments(page, { primaryKey: 'id' })
    await task
    tasks.push(task)
    documents += page.length
    log(`queued ${documents} roles`)
  }
  for (const task of tasks) await settle(task, { timeout: 1_800_000 })
  log(`indexed ${documents} roles`)
  await ensureRoleIndex(live)
  await settle(meili.swapIndexes([{ indexes: [live, fresh], rename: false }]))
  // After the swap the build name holds the previous documents.
  await settle(meili.deleteIndex(fresh))
  // Changes the outbox worker applied to the old index while this ran were swapped away:
  // mark them pending again so the worker applies them to the new one.
  const { count: requeued } = await prisma.outboxEntry.updateMany({ where: { processedAt: { gte: startedAt } }, data: { processedAt: null } })
  await bumpSearchIndexVersion()
  return { documents, requeued, ms: Date.now() - started }
}
