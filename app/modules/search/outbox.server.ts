// The outbox: writes that change what search shows add a row in their own transaction;
// this drains the rows into Meilisearch in batches. Documents are rebuilt from Postgres, so
// applying an entry twice is harmless and a failed batch is simply tried again.
import type { OutboxEntity } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { meili } from './client.server.ts'
import { bumpSearchIndexVersion } from './search-cache.server.ts'
import { roleDocumentsFor, roleIdsAffectedBy } from './documents.server.ts'
import { ensureRoleIndexOnce, roleIndexSettings, rolesIndexUid, settle } from './role-index.server.ts'

/** Records, inside the caller's transaction, that search must pick up this change. */
export async function recordOutbox(tx: Tx, entity: OutboxEntity, entityIds: string | string[]) {
  const ids = Array.isArray(entityIds) ? entityIds : [entityIds]
  if (ids.length === 0) return
  await tx.outboxEntry.createMany({ data: ids.map((entityId) => ({ entity, entityId })) })
}

export async function hasPendingOutbox() {
  const pending = await prisma.outboxEntry.findFirst({ where: { processedAt: null }, select: { id: true } })
  return pending !== null
}

async function applyEntries(entries: Array<{ entity: OutboxEntity; entityId: string }>) {
  const ids = (entity: OutboxEntity) => [...new Set(entries.filter((e) => e.entity === entity).map((e) => e.entityId))]
  const roleIds = new Set(ids('role'))
  const companyIds = ids('company')
  const skillIds = ids('skill')
  await ensureRoleIndexOnce()
  const index = meili.index(rolesIndexUid())
  if (skillIds.length > 0) {
    // A renamed skill or a new alias changes the synonyms as well as the documents.
    await settle(index.updateSettings(await roleIndexSettings()))
    for (const id of await roleIdsAffectedBy('skill', skillIds)) roleIds.add(id)
  }
  if (companyIds.length > 0) for (const id of await roleIdsAffectedBy('company', companyIds)) roleIds.add(id)
  const { documents, removed } = await roleDocumentsFor([...roleIds])
  if (documents.length > 0) await settle(index.addDocuments(documents, { primaryKey: 'id' }))
  if (removed.length > 0) await settle(index.deleteDocuments(removed))
}

/**
 * Applies pending entries, oldest first, `batchSize` at a time, until none are left (or
 * `maxBatches` ran). A failure counts an attempt on the batch and is rethrown, so the job
 * is retried with backoff; the entries stay pending until they are applied.
 */
export async function drainOutbox({ batchSize = 500, maxBatches = 50 } = {}): Promise<number> {
  let applied = 0
  for (let batch = 0; batch < maxBatches; batch++) {
    const entries = await prisma.outboxEntry.findMany({
      where: { processedAt: null },
      orderBy: { id: 'asc' },
      take: batchSize,
      select: { id: true, entity: true, entityId: true },
    })
    if (entries.length === 0) break
    const entryIds = entries.map((e) => e.id)
    try {
      await applyEntries(entries)
    } catch (error) {
      await prisma.outboxEntry.updateMany({ where: { id: { in: entryIds } }, data: { attempts: { increment: 1 } } })
      throw error
    }
    await prisma.$transaction(async (tx) => {
      await tx.outboxEntry.updateMany({ where: { id: { in: entryIds } }, data: { processedAt: new Date() } })
      await bumpSearchIndexVersion(tx)
    })
    applied += entries.length
  }
  return applied
}

/** Applied entries are kept a week for troubleshooting, then deleted. */
export async function pruneOutbox(now = new Date()) {
  const { count } = await prisma.outboxEntry.deleteMany({ where: { processedAt: { lt: new Date(now.getTime() - 7 * 86_400_000) } } })
  return count
}
