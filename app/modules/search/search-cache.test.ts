import { beforeAll, expect, test } from 'vitest'
import { createRole } from '#app/modules/roles/roles.server.ts'
import { makeCompanyMember, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { meili } from './client.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { answerCacheKey, bumpSearchIndexVersion, facetCacheKey, searchIndexVersion, VERSION_MAX_AGE_MS, VersionedCache } from './search-cache.server.ts'
import { drainOutbox } from './outbox.server.ts'
import { ensureRoleIndex, rolesIndexUid, settle } from './role-index.server.ts'
import { roleSearchSchema } from './schemas.ts'
import { searchRoles } from './search.server.ts'

const search = (input: Record<string, unknown> = {}) => searchRoles(roleSearchSchema.parse(input))

let company: Awaited<ReturnType<typeof makeCompanyMember>>

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  company = await makeCompanyMember({ nameZh: '南宁链融科技', park: 'verified' })
  await createRole(company.user, company.companyId, roleFields(), 'published')
  await createRole(company.user, company.companyId, roleFields({ title: { zh: '桂林区块链测试实习生' }, city: 'Guilin', kind: 'testing' }), 'published')
  await drainOutbox()
})

test('a repeated query reuses its answer, a page change the counts; the outbox applying a change (in any instance) makes both current', async () => {
  const first = await search()
  expect(first.facets.city).toEqual({ nanning: 1, guilin: 1 })
  expect((await search({ page: 2, perPage: 1 })).facets.city).toEqual({ nanning: 1, guilin: 1 })

  // A document changed behind the cache's back (no version bump) is not noticed: the
  // answers and counts really come from the cache…
  const stray = { ...(await meili.index(rolesIndexUid()).getDocuments({ limit: 1 })).results[0]!, id: 'stray', city: 'beihai' }
  await settle(meili.index(rolesIndexUid()).addDocuments([stray]))
  expect((await search()).total).toBe(2)
  // …a query not asked before is a new answer, with the view's counts still kept…
  const bySort = await search({ sort: 'newest' })
  expect(bySort.total).toBe(3)
  expect(bySort.facets.city).toEqual({ nanning: 1, guilin: 1 })
  // …until the version in Postgres moves, as it does when any instance's outbox worker
  // applies a change: every instance reads it before using what it kept.
  const before = await searchIndexVersion()
  await bumpSearchIndexVersion()
  expect(await searchIndexVersion()).toBe(before + 1n)
  expect((await search()).total).toBe(3)
  expect((await search()).facets.city).toEqual({ nanning: 1, guilin: 1, beihai: 1 })
  await settle(meili.index(rolesIndexUid()).deleteDocument('stray'))

  // The normal path: a published role goes through the outbox, which bumps the version.
  await createRole(company.user, company.companyId, roleFields({ title: { zh: '柳州合约开发实习生' }, city: 'Liuzhou' }), 'published')
  await drainOutbox()
  expect((await search()).facets.city).toEqual({ nanning: 1, guilin: 1, liuzhou: 1 })
})

test('a change another instance applied is seen within VERSION_MAX_AGE_MS; one this instance applied at once', async () => {
  await bumpSearchIndexVersion()
  const now = Date.now()
  const before = await searchIndexVersion(now)
  // Another instance's bump: the row moves without this process being told.
  await prisma.searchIndexVersion.upsert({ where: { id: 1 }, create: { id: 1, version: 1 }, update: { version: { increment: 1 } } })
  expect(await searchIndexVersion(now + VERSION_MAX_AGE_MS - 1)).toBe(before)
  expect(await searchIndexVersion(now + VERSION_MAX_AGE_MS)).toBe(before + 1n)
  // Reads in flight together share one query and one answer.
  const later = now + 3 * VERSION_MAX_AGE_MS
  const [a, b] = [searchIndexVersion(later), searchIndexVersion(later)]
  expect(a).toBe(b)
  await bumpSearchIndexVersion()
  expect(await searchIndexVersion(later)).toBe(before + 2n)
})

test('single-filter views keep their disjunctive counts', async () => {
  const guilin = await search({ city: ['guilin'] })
  const again = await search({ city: ['guilin'], page: 1 })
  expect(again.facets).toEqual(guilin.facets)
  expect(guilin.facets.city).toMatchObject({ guilin: 1, nanning: 1 })
  expect(guilin.total).toBe(1)
})

test('every filter is part of the cache key; the page, page size and order are not', () => {
  const key = (input: Record<string, unknown>) => facetCacheKey(roleSearchSchema.parse(input), 'page')
  const base = key({ q: '合约', city: ['nanning'] })
  expect(key({ q: '合约', city: ['nanning'], page: 3, perPage: 50, sort: 'newest' })).toBe(base)
  for (const filter of [
    { licenceVerified: 'true' },
    { parkIncubated: 'true' },
    { minStipend: 3000 },
    { days: [3] },
    { company: ['x'] },
    { skill: ['solidity'] },
  ]) {
    expect(key({ q: '合约', city: ['nanning'], ...filter })).not.toBe(base)
  }
})

test('every part of the query is part of an answer’s key, and so is the view', () => {
  const key = (input: Record<string, unknown>, view = 'page') => answerCacheKey(roleSearchSchema.parse(input), view)
  const base = key({ q: '合约' })
  expect(key({ q: '合约' })).toBe(base)
  expect(key({ q: '合约' }, 'api')).not.toBe(base)
  for (const change of [{ page: 2 }, { perPage: 50 }, { sort: 'newest' }, { city: ['nanning'] }, { licenceVerified: 'true' }, { q: '合约开发' }]) {
    expect(key({ q: '合约', ...change })).not.toBe(base)
  }
})

test('kept entries hold for their version and a minute; the least recently used goes first', () => {
  const cache = new VersionedCache<string>(2)
  cache.set('a', 1n, 'A', 0)
  cache.set('b', 1n, 'B', 0)
  expect(cache.get('a', 1n, 1_000)).toBe('A')
  cache.set('c', 1n, 'C', 1_000)
  expect(cache.get('b', 1n, 1_000)).toBeUndefined()
  expect(cache.get('a', 1n, 1_000)).toBe('A')
  expect(cache.get('c', 2n, 1_000)).toBeUndefined()
  expect(cache.get('a', 1n, 61_001)).toBeUndefined()
})
