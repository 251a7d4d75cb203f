// The roles index: its settings live here, in code, and are applied idempotently at start
// and whenever the taxonomy changes (synonyms come from skill names and aliases).
import { setTimeout as sleep } from 'node:timers/promises'
import type { EnqueuedTaskPromise, Settings } from 'meilisearch'
import { prisma } from '#app/lib/db.server.ts'
import { guangxiCities } from '#app/modules/cities/cities.ts'
import { indexName, meili } from './client.server.ts'

export function rolesIndexUid() {
  return indexName('roles')
}

/**
 * Waits until a Meilisearch task has finished, however it ended. It polls by itself,
 * quickly at first: the client's own wait (meilisearch 0.62) leaves an abort listener on
 * one signal per poll, which Node warns about during a rebuild's minutes-long wait.
 */
async function finished(task: EnqueuedTaskPromise, timeout: number) {
  const { taskUid } = await task
  const deadline = Date.now() + timeout
  for (let pause = 10; ; pause = Math.min(pause * 2, 100)) {
    const done = await meili.tasks.getTask(taskUid)
    if (done.status !== 'enqueued' && done.status !== 'processing') return done
    if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} still ${done.status} after ${timeout} ms`)
    await sleep(pause)
  }
}

/** Waits for a Meilisearch task and fails loudly when it failed, unless with the one error code it may end in. */
export async function settle(task: EnqueuedTaskPromise, options: { timeout?: number; tolerate?: string } = {}) {
  const done = await finished(task, options.timeout ?? 120_000)
  if (done.status !== 'succeeded' && !(options.tolerate && done.error?.code === options.tolerate))
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? ''}`)
  return done
}

/** Multi-way synonyms: every name of a skill or city stands for all its other names. */
export async function roleSynonyms(): Promise<Record<string, string[]>> {
  const groups: string[][] = guangxiCities.map((city) => [city.zh, city.en, `${city.zh}市`])
  const skills = await prisma.skill.findMany({ select: { nameZh: true, nameEn: true, aliases: true } })
  for (const skill of skills) groups.push([skill.nameZh ?? '', skill.nameEn ?? '', ...skill.aliases])
  const synonyms = new Map<string, Set<string>>()
  for (const group of groups) {
    const names = [...new Set(group.map((name) => name.trim().toLowerCase()).filter(Boolean))]
    if (names.length < 2) continue
    for (const name of names) {
      const set = synonyms.get(name) ?? new Set<string>()
      for (const other of names) if (other !== name) set.add(other)
      synonyms.set(name, set)
    }
  }
  return Object.fromEntries([...synonyms].map(([name, set]) => [name, [...set].sort()]))
}

export async function roleIndexSettings(): Promise<Settings> {
  return {
    // Order is importance: a title match outranks a description match.
    searchableAttributes: ['titleZh', 'titleEn', 'skillNames', 'companyNameZh', 'companyNameEn', 'cityNames', 'descriptionZh', 'descriptionEn'],
    filterableAttributes: [
      'city',
      'skillKeys',
      'kind',
      'workMode',
      'companyId',
      'parkIncubated',
      'licenceVerified',
      'stipendBand',
      'stipendMin',
      'daysPerWeek',
      'closesAtTs',
      'id',
    ],
    sortableAttributes: ['publishedAtTs', 'closesAtTs', 'stipendMax', 'stipendMin'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'publishedAtTs:desc'],
    // Proximity counts words in the same attribute as close, rather than measuring their
    // distance: at 1,000,000 roles indexing one published role took 0.4–2 s by word and
    // 0.03–0.4 s by attribute (decision 038). Titles are short, so ranking hardly moves.
    proximityPrecision: 'byAttribute',
    // Nothing asks Meilisearch to search within facet values, and keeping that database
    // current cost 10.95 s of an 11.4 s one-role task at 1,000,000 roles (decision 038).
    facetSearch: false,
    synonyms: await roleSynonyms(),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 10_000 },
  }
}

/** Creates the index when missing and applies the settings; safe to call any number of times. */
export async function ensureRoleIndex(uid = rolesIndexUid()) {
  const exists = await meili.getIndex(uid).then(
    () => true,
    () => false,
  )
  if (!exists) {
    // Another instance starting at the same moment may create it first: that is fine.
    await settle(meili.createIndex(uid, { primaryKey: 'id' }), { tolerate: 'index_already_exists' })
  }
  await settle(meili.index(uid).updateSettings(await roleIndexSettings()))
}

let ensured: Promise<void> | undefined

/** Ensures the live index once per process (again after a failure). */
export function ensureRoleIndexOnce() {
  ensured ??= ensureRoleIndex().catch((error: unknown) => {
    ensured = undefined
    throw error
  })
  return ensured
}
