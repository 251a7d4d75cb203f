// Facet counts of a search view (its words and filters, not its page or sort), kept so a
// page change or a popular view does not make Meilisearch count facets again. An entry is
// valid only for the search-index version it was counted at: the version lives in
// Postgres and is bumped whenever the outbox or a reindex changes the documents, so every
// instance drops its entries on the next request after any instance applied a change
// (decision 027). Entries also expire after a minute, since roles close by the clock.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { memoPerRequest } from '#app/lib/request-context.server.ts'
import type { RoleSearchQuery } from './schemas.ts'

export type FacetDistribution = Record<string, Record<string, number>>

const MAX_ENTRIES = 2_000
const MAX_AGE_MS = 60_000

type Entry = { version: bigint; at: number; distribution: FacetDistribution }
const entries = new Map<string, Entry>()

/** The current search-index version (one primary-key read, once per request). */
export function searchIndexVersion(): Promise<bigint> {
  return memoPerRequest('searchIndexVersion', async () => {
    const row = await prisma.searchIndexVersion.findUnique({ where: { id: 1 }, select: { version: true } })
    return row?.version ?? 0n
  })
}

/** Called after the search documents changed: every instance's cached counts are stale now. */
export async function bumpSearchIndexVersion(db: Tx = prisma) {
  await db.searchIndexVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } }, select: { id: true } })
}

/**
 * What the counts depend on: the words, every filter and which facets are shown; everything
 * but the page and the order. (Listing the filters by name once missed one added later.)
 */
export function facetCacheKey(query: RoleSearchQuery, facetSet: string) {
  const { page: _page, perPage: _perPage, sort: _sort, ...view } = query
  return JSON.stringify([facetSet, view])
}

export function cachedFacets(key: string, version: bigint, now = Date.now()): FacetDistribution | undefined {
  const entry = entries.get(key)
  if (!entry) return undefined
  if (entry.version !== version || now - entry.at > MAX_AGE_MS) {
    entries.delete(key)
    return undefined
  }
  // Most recently used last, so the oldest key is the first to go.
  entries.delete(key)
  entries.set(key, entry)
  return entry.distribution
}

export function storeFacets(key: string, version: bigint, distribution: FacetDistribution, now = Date.now()) {
  entries.delete(key)
  entries.set(key, { version, at: now, distribution })
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
}
