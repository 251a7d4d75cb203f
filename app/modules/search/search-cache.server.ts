// Answers and facet counts of role searches, kept so a popular view or a page change does
// not make Meilisearch search or count again. An entry is valid only for the search-index
// version it was made at: the version lives in Postgres and is bumped whenever the outbox
// or a reindex changes the documents, so every instance drops its entries within
// VERSION_MAX_AGE_MS after any instance applied a change (decision 027). Entries also expire after a
// minute, since roles close by the clock.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import type { RoleSearchQuery } from './schemas.ts'

const MAX_AGE_MS = 60_000

/** A least-recently-used map whose entries hold for one search-index version and a minute. */
export class VersionedCache<T> {
  readonly #entries = new Map<string, { version: bigint; at: number; value: T }>()

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: bigint, now = Date.now()): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.version !== version || now - entry.at > MAX_AGE_MS) return undefined
    // Most recently used last, so the oldest key is the first to go.
    this.#entries.set(key, entry)
    return entry.value
  }

  set(key: string, version: bigint, value: T, now = Date.now()) {
    this.#entries.delete(key)
    this.#entries.set(key, { version, at: now, value })
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!)
  }
}

// How long one instance trusts the version it last read. A change applied by another
// instance shows within this (its own changes at once), far inside the time Meilisearch
// takes to apply a document; without it every page paid a query for the version.
export const VERSION_MAX_AGE_MS = 100

let known: { version: bigint; at: number } | undefined
let reading: Promise<bigint> | undefined

async function readVersion(): Promise<bigint> {
  const row = await prisma.searchIndexVersion.findUnique({ where: { id: 1 }, select: { version: true } })
  return row?.version ?? 0n
}

/** The current search-index version: read from Postgres at most every VERSION_MAX_AGE_MS, by one query at a time. */
export function searchIndexVersion(now = Date.now()): Promise<bigint> {
  if (known && now - known.at < VERSION_MAX_AGE_MS) return Promise.resolve(known.version)
  reading ??= readVersion()
    .then((version) => {
      known = { version, at: now }
      return version
    })
    .finally(() => {
      reading = undefined
    })
  return reading
}

/** Called after the search documents changed: every instance's cached answers are stale now. */
export async function bumpSearchIndexVersion(db: Tx = prisma) {
  await db.searchIndexVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } }, select: { id: true } })
  known = undefined
}

/**
 * What facet counts depend on: the words, every filter and which facets are shown;
 * everything but the page and the order. (Listing the filters by name once missed one
 * added later.)
 */
export function facetCacheKey(query: RoleSearchQuery, facetSet: string) {
  const { page: _page, perPage: _perPage, sort: _sort, ...view } = query
  return JSON.stringify([facetSet, view])
}

/** What a whole answer depends on: the view and all of the query. */
export function answerCacheKey(query: RoleSearchQuery, view: string) {
  return JSON.stringify([view, query])
}
