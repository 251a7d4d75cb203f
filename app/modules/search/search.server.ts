// Role search: Meilisearch first; when it cannot answer, a Postgres query that gives the
// same shape with `degraded: true`, so students can still find roles.
import type { MultiSearchQuery, SearchResponse } from 'meilisearch'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { apiText, type ApiText } from '#app/i18n/api-text.ts'
import { prisma } from '#app/lib/db.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { openRoleWhere } from '#app/modules/roles/open.ts'
import { meili } from './client.server.ts'
import { answerCacheKey, facetCacheKey, searchIndexVersion, VersionedCache } from './search-cache.server.ts'
import { roleDocumentSelect, stipendBandFloor, stipendBandOf, stipendBands, toRoleDocument, type RoleDocument } from './documents.server.ts'
import { rolesIndexUid } from './role-index.server.ts'
import { MARK_END, MARK_START, type RoleSearchQuery } from './schemas.ts'

/** A role in a result list; the fields of api-v1.md's RoleHit plus what the page shows. */
export type RoleHit = {
  id: string
  key: string | null
  title: ApiText
  company: { id: string; key: string | null; name: ApiText; parkIncubated: boolean; licenceVerifiedOn: string | null }
  kind: RoleDocument['kind']
  city: string
  workMode: RoleDocument['workMode']
  stipendMonthly: { min: number; max: number }
  skills: Array<{ skill: string; level: number; required: boolean; name: ApiText }>
  deadline: string
  daysPerWeek: number
  durationMonths: number
  /** Matches wrapped in MARK_START/MARK_END (see schemas.ts); absent in the fallback. */
  highlight?: { title: ApiText; company: ApiText; snippet: ApiText }
}

export type Facets = {
  city: Record<string, number>
  skill: Record<string, number>
  kind: Record<string, number>
  workMode: Record<string, number>
  company: Record<string, number>
  parkIncubated: Record<string, number>
  licenceVerified: Record<string, number>
  /** Roles whose guaranteed stipend is at least each band's floor (cumulative). */
  minStipend: Record<string, number>
  daysPerWeek: Record<string, number>
}

export type RoleSearchResult = {
  hits: RoleHit[]
  total: number
  page: number
  perPage: number
  facets: Facets
  degraded: boolean
}

/**
 * The attributes a search retrieves: what `toRoleHit` reads. The descriptions and the names
 * kept for matching are most of a document's bytes; highlights and crops come back anyway.
 */
const roleHitAttributes = [
  'id',
  'key',
  'titleZh',
  'titleEn',
  'companyId',
  'companyKey',
  'companyNameZh',
  'companyNameEn',
  'parkIncubated',
  'licenceVerifiedOn',
  'kind',
  'city',
  'workMode',
  'stipendMin',
  'stipendMax',
  'skills',
  'deadline',
  'daysPerWeek',
  'durationMonths',
] as const satisfies ReadonlyArray<keyof RoleDocument>

export function toRoleHit(doc: Pick<RoleDocument, (typeof roleHitAttributes)[number]>, formatted?: Partial<Record<keyof RoleDocument, unknown>>): RoleHit {
  const f = (name: keyof RoleDocument) => (typeof formatted?.[name] === 'string' ? (formatted[name] as string) : undefined)
  return {
    id: doc.id,
    key: doc.key,
    title: apiText(doc.titleZh, doc.titleEn),
    company: {
      id: doc.companyId,
      key: doc.companyKey,
      name: apiText(doc.companyNameZh, doc.companyNameEn),
      parkIncubated: doc.parkIncubated,
      // Documents indexed before the field existed have none until their next sync.
      licenceVerifiedOn: doc.licenceVerifiedOn ?? null,
    },
    kind: doc.kind,
    city: doc.city,
    workMode: doc.workMode,
    stipendMonthly: { min: doc.stipendMin, max: doc.stipendMax },
    skills: doc.skills.map((s) => ({ skill: s.skill, level: s.level, required: s.required, name: apiText(s.nameZh, s.nameEn) })),
    deadline: doc.deadline,
    daysPerWeek: doc.daysPerWeek,
    durationMonths: doc.durationMonths,
    ...(formatted
      ? {
          highlight: {
            title: apiText(f('titleZh'), f('titleEn')),
            company: apiText(f('companyNameZh'), f('companyNameEn')),
            snippet: apiText(f('descriptionZh'), f('descriptionEn')),
          },
        }
      : {}),
  }
}

// ─── Meilisearch ─────────────────────────────────────────────────────────────

type FilterGroup = 'city' | 'skill' | 'kind' | 'workMode' | 'company' | 'days' | 'minStipend' | 'parkIncubated' | 'licenceVerified'

const quote = (value: string) => JSON.stringify(value)

function filterParts(query: RoleSearchQuery, now: Date): Array<{ group: FilterGroup | 'open'; filter: string }> {
  const parts: Array<{ group: FilterGroup | 'open'; filter: string }> = [{ group: 'open', filter: `closesAtTs > ${now.getTime()}` }]
  const anyOf = (group: FilterGroup, attribute: string, values: Array<string | number>) => {
    if (values.length > 0) parts.push({ group, filter: `${attribute} IN [${values.map((v) => (typeof v === 'number' ? v : quote(v))).join(', ')}]` })
  }
  anyOf('city', 'city', query.city.map(canonicalCity))
  for (const skill of query.skill) parts.push({ group: 'skill', filter: `skillKeys = ${quote(skill)}` })
  anyOf('kind', 'kind', query.kind)
  anyOf('workMode', 'workMode', query.workMode)
  anyOf('company', 'companyId', query.company)
  anyOf('days', 'daysPerWeek', query.days)
  if (query.minStipend !== undefined) parts.push({ group: 'minStipend', filter: `stipendMin >= ${query.minStipend}` })
  if (query.parkIncubated) parts.push({ group: 'parkIncubated', filter: 'parkIncubated = true' })
  if (query.licenceVerified) parts.push({ group: 'licenceVerified', filter: 'licenceVerified = true' })
  return parts
}

/** What a caller shows: the page every facet group with highlighted text, the API the contract's four groups and plain text. */
export type SearchView = 'page' | 'api'

const viewFacetGroups: Record<SearchView, FilterGroup[]> = {
  page: ['city', 'skill', 'kind', 'workMode', 'company', 'days', 'minStipend', 'parkIncubated', 'licenceVerified'],
  api: ['city', 'skill', 'kind', 'workMode'],
}

const facetAttributes: Record<FilterGroup, string> = {
  city: 'city',
  skill: 'skillKeys',
  kind: 'kind',
  workMode: 'workMode',
  company: 'companyId',
  days: 'daysPerWeek',
  minStipend: 'stipendBand',
  parkIncubated: 'parkIncubated',
  licenceVerified: 'licenceVerified',
}

const sortFor: Record<RoleSearchQuery['sort'], string[] | undefined> = {
  relevance: undefined,
  // Ordered by the caller's ranking after the search (see searchRoles); relevance otherwise.
  recommended: undefined,
  newest: ['publishedAtTs:desc'],
  deadline: ['closesAtTs:asc'],
  stipend: ['stipendMax:desc', 'stipendMin:desc'],
}

function cumulativeBands(bandCounts: Record<string, number>): Record<string, number> {
  const result: Record<string, number> = {}
  for (const band of stipendBands) {
    const floor = stipendBandFloor[band]
    const count = stipendBands.filter((b) => stipendBandFloor[b] >= floor).reduce((sum, b) => sum + (bandCounts[b] ?? 0), 0)
    if (count > 0) result[String(floor)] = count
  }
  return result
}

/**
 * The multi-search sent to Meilisearch for a query (the benchmark replays it verbatim).
 * With `ranked`, only those roles are searched, all in one page: the caller orders them.
 * Facets are counted only for the groups the view shows, and not at all when the caller
 * has them already (`withFacets: false`, see search-cache.server.ts).
 */
export function roleMultiSearch(query: RoleSearchQuery, now: Date, options: { ranked?: string[]; view?: SearchView; withFacets?: boolean } = {}) {
  const { ranked, view = 'page', withFacets = true } = options
  const parts = filterParts(query, now)
  if (ranked) parts.push({ group: 'open', filter: `id IN [${ranked.map(quote).join(', ')}]` })
  const index = rolesIndexUid()
  const shown = viewFacetGroups[view]
  // Disjunctive facets: a group's counts ignore that group's own filter, so choosing one
  // city still shows how many roles the other cities would add. Those groups are counted
  // by a query of their own, so the main query leaves them out.
  const activeGroups = withFacets
    ? [...new Set(parts.map((p) => p.group))].filter((g): g is FilterGroup => g !== 'open' && g !== 'skill' && shown.includes(g))
    : []
  const main: MultiSearchQuery = {
    indexUid: index,
    q: query.q,
    filter: parts.map((p) => p.filter),
    facets: withFacets ? shown.filter((g) => !activeGroups.includes(g)).map((g) => facetAttributes[g]) : [],
    page: ranked ? 1 : query.page,
    hitsPerPage: ranked ? Math.max(1, ranked.length) : query.perPage,
    sort: sortFor[query.sort],
    attributesToRetrieve: [...roleHitAttributes],
    ...(view === 'page'
      ? {
          attributesToHighlight: ['titleZh', 'titleEn', 'companyNameZh', 'companyNameEn', 'descriptionZh', 'descriptionEn'],
          attributesToCrop: ['descriptionZh', 'descriptionEn'],
          cropLength: 40,
          highlightPreTag: MARK_START,
          highlightPostTag: MARK_END,
        }
      : {}),
  }
  const facetQueries: MultiSearchQuery[] = activeGroups.map((group) => ({
    indexUid: index,
    q: query.q,
    filter: parts.filter((p) => p.group !== group).map((p) => p.filter),
    facets: [facetAttributes[group]],
    limit: 0,
  }))
  return { queries: [main, ...facetQueries], activeGroups }
}

/** Hits in the order of `ranked`, and the requested page of them. */
function pageInRankOrder<T extends { id: string }>(hits: T[], ranked: string[], query: RoleSearchQuery) {
  const position = new Map(ranked.map((id, i) => [id, i]))
  const ordered = [...hits].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
  return ordered.slice((query.page - 1) * query.perPage, query.page * query.perPage)
}

type FacetDistribution = Record<string, Record<string, number>>

/** Counts of a view (words and filters); answers of a whole query. Callers must not change what they get. */
const facetCache = new VersionedCache<FacetDistribution>(2_000)
const answerCache = new VersionedCache<RoleSearchResult>(500)

async function searchMeili(query: RoleSearchQuery, now: Date, view: SearchView, ranked?: string[]): Promise<RoleSearchResult> {
  // A student's own ranking makes the answer theirs alone: not worth keeping.
  const keys = ranked ? null : { answer: answerCacheKey(query, view), facets: facetCacheKey(query, view) }
  const version = keys ? await searchIndexVersion() : 0n
  const kept = keys ? answerCache.get(keys.answer, version) : undefined
  if (kept) return kept
  const cached = keys ? facetCache.get(keys.facets, version) : undefined
  const { queries, activeGroups } = roleMultiSearch(query, now, { ranked, view, withFacets: !cached })
  const { results } = await meili.multiSearch({ queries })
  const [first, ...others] = results as unknown as Array<SearchResponse<RoleDocument>>
  if (!first) throw new Error('Meilisearch returned no result')
  let distribution: FacetDistribution
  if (cached) distribution = cached
  else {
    distribution = { ...first.facetDistribution }
    activeGroups.forEach((group, i) => {
      const attribute = facetAttributes[group]
      distribution[attribute] = others[i]?.facetDistribution?.[attribute] ?? {}
    })
    if (keys) facetCache.set(keys.facets, version, distribution)
  }
  const get = (attribute: string) => distribution[attribute] ?? {}
  const answer: RoleSearchResult = {
    hits: (ranked ? pageInRankOrder(first.hits, ranked, query) : first.hits).map((hit) =>
      toRoleHit(hit, hit._formatted as Partial<Record<keyof RoleDocument, unknown>> | undefined),
    ),
    total: first.totalHits ?? first.hits.length,
    page: query.page,
    perPage: query.perPage,
    facets: {
      city: get('city'),
      skill: get('skillKeys'),
      kind: get('kind'),
      workMode: get('workMode'),
      company: get('companyId'),
      parkIncubated: get('parkIncubated'),
      licenceVerified: get('licenceVerified'),
      minStipend: cumulativeBands(get('stipendBand')),
      daysPerWeek: get('daysPerWeek'),
    },
    degraded: false,
  }
  if (keys) answerCache.set(keys.answer, version, answer)
  return answer
}

// ─── Postgres fallback ───────────────────────────────────────────────────────

function termFilter(term: string): Prisma.InternshipRoleWhereInput {
  const contains = { contains: term, mode: 'insensitive' as const }
  return {
    OR: [
      { titleZh: contains },
      { titleEn: contains },
      { descriptionZh: contains },
      { descriptionEn: contains },
      { city: canonicalCity(term) },
      { company: { OR: [{ nameZh: contains }, { nameEn: contains }] } },
      { skills: { some: { skill: { OR: [{ nameZh: contains }, { nameEn: contains }, { key: term.toLowerCase() }, { aliases: { has: term } }] } } } },
    ],
  }
}

/**
 * The search as a Postgres condition: the fallback search and the saved-search digest read
 * it. `omit` leaves out one filter group (for its disjunctive facet counts).
 */
export function roleSearchWhere(query: RoleSearchQuery, now: Date, omit?: FilterGroup, ranked?: string[]): Prisma.InternshipRoleWhereInput {
  const and: Prisma.InternshipRoleWhereInput[] = [openRoleWhere(now)]
  if (ranked) and.push({ id: { in: ranked } })
  for (const term of query.q.split(/\s+/).filter(Boolean).slice(0, 8)) and.push(termFilter(term))
  if (query.city.length && omit !== 'city') and.push({ city: { in: query.city.map(canonicalCity) } })
  for (const skill of query.skill) and.push({ skills: { some: { skill: { key: skill } } } })
  if (query.kind.length && omit !== 'kind') and.push({ kind: { in: query.kind.map((k) => k.replace(/-/g, '_') as 'product') } })
  if (query.workMode.length && omit !== 'workMode') and.push({ workMode: { in: query.workMode } })
  if (query.company.length && omit !== 'company') and.push({ companyId: { in: query.company } })
  if (query.days.length && omit !== 'days') and.push({ daysPerWeek: { in: query.days } })
  if (query.minStipend !== undefined && omit !== 'minStipend') and.push({ stipendMin: { gte: query.minStipend } })
  if (query.parkIncubated && omit !== 'parkIncubated') and.push({ company: { parkIncubated: true, parkVerifiedAt: { not: null } } })
  if (query.licenceVerified && omit !== 'licenceVerified') and.push({ company: { licenceVerifiedAt: { not: null } } })
  return { AND: and }
}

const fallbackOrder: Record<RoleSearchQuery['sort'], Prisma.InternshipRoleOrderByWithRelationInput[]> = {
  relevance: [{ publishedAt: 'desc' }, { id: 'asc' }],
  recommended: [{ publishedAt: 'desc' }, { id: 'asc' }],
  newest: [{ publishedAt: 'desc' }, { id: 'asc' }],
  deadline: [{ closesAt: 'asc' }, { id: 'asc' }],
  stipend: [{ stipendMax: 'desc' }, { stipendMin: 'desc' }, { id: 'asc' }],
}

function countsOf<T extends Record<string, unknown>>(rows: Array<T & { _count: { _all: number } }>, field: keyof T) {
  return Object.fromEntries(rows.map((row) => [String(row[field]).replace(/_/g, '-'), row._count._all]))
}

async function searchPostgres(query: RoleSearchQuery, now: Date, ranked?: string[]): Promise<RoleSearchResult> {
  const where = roleSearchWhere(query, now, undefined, ranked)
  const without = (group: FilterGroup) => roleSearchWhere(query, now, group, ranked)
  const [total, roles, cities, kinds, modes, companies, days, stipends, park, licensed, skills] = await Promise.all([
    prisma.internshipRole.count({ where }),
    prisma.internshipRole.findMany({
      where,
      select: roleDocumentSelect,
      orderBy: fallbackOrder[query.sort],
      ...(ranked ? {} : { skip: (query.page - 1) * query.perPage, take: query.perPage }),
    }),
    prisma.internshipRole.groupBy({ by: ['city'], where: without('city'), _count: { _all: true } }),
    prisma.internshipRole.groupBy({ by: ['kind'], where: without('kind'), _count: { _all: true } }),
    prisma.internshipRole.groupBy({ by: ['workMode'], where: without('workMode'), _count: { _all: true } }),
    prisma.internshipRole.groupBy({ by: ['companyId'], where: without('company'), _count: { _all: true } }),
    prisma.internshipRole.groupBy({ by: ['daysPerWeek'], where: without('days'), _count: { _all: true } }),
    prisma.internshipRole.groupBy({ by: ['stipendMin'], where: without('minStipend'), _count: { _all: true } }),
    prisma.internshipRole.count({ where: { AND: [without('parkIncubated'), { company: { parkIncubated: true, parkVerifiedAt: { not: null } } }] } }),
    prisma.internshipRole.count({ where: { AND: [without('licenceVerified'), { company: { licenceVerifiedAt: { not: null } } }] } }),
    prisma.roleSkill.groupBy({ by: ['skillId'], where: { role: where }, _count: { _all: true } }),
  ])
  const skillKeys = await prisma.skill.findMany({ where: { id: { in: skills.map((s) => s.skillId) } }, select: { id: true, key: true } })
  const keyOf = new Map(skillKeys.map((s) => [s.id, s.key]))
  const bands: Record<string, number> = {}
  for (const row of stipends) {
    const band = stipendBandOf(row.stipendMin)
    bands[band] = (bands[band] ?? 0) + row._count._all
  }
  return {
    hits: (ranked ? pageInRankOrder(roles, ranked, query) : roles).map((role) => toRoleHit(toRoleDocument(role))),
    total,
    page: query.page,
    perPage: query.perPage,
    facets: {
      city: countsOf(cities, 'city'),
      skill: Object.fromEntries(skills.map((s) => [keyOf.get(s.skillId) ?? s.skillId, s._count._all])),
      kind: countsOf(kinds, 'kind'),
      workMode: countsOf(modes, 'workMode'),
      company: countsOf(companies, 'companyId'),
      parkIncubated: park > 0 ? { true: park } : {},
      licenceVerified: licensed > 0 ? { true: licensed } : {},
      minStipend: cumulativeBands(bands),
      daysPerWeek: countsOf(days, 'daysPerWeek'),
    },
    degraded: true,
  }
}

/**
 * Searches published, open roles; answers from Postgres (degraded) when Meilisearch cannot.
 * `ranked` (the student's recommended role ids, best first) restricts the search to those
 * roles, in that order, when the query sorts by `recommended`.
 */
export async function searchRoles(query: RoleSearchQuery, now = new Date(), ranked?: string[], view: SearchView = 'page'): Promise<RoleSearchResult> {
  const order = query.sort === 'recommended' ? ranked : undefined
  try {
    return await searchMeili(query, now, view, order)
  } catch (error) {
    logger.warn({ err: error }, 'role search fell back to Postgres')
    return searchPostgres(query, now, order)
  }
}

/** Open roles that share skills with this one, best match first. */
export async function similarRoles(
  role: { id: string; skillKeys: string[]; titleZh: string; titleEn: string },
  limit = 4,
  now = new Date(),
): Promise<RoleHit[]> {
  if (role.skillKeys.length === 0) return []
  const skillFilter = `skillKeys IN [${role.skillKeys.map(quote).join(', ')}]`
  try {
    const result = await meili.index<RoleDocument>(rolesIndexUid()).search('', {
      filter: [skillFilter, `id != ${quote(role.id)}`, `closesAtTs > ${now.getTime()}`],
      sort: ['publishedAtTs:desc'],
      limit,
      attributesToRetrieve: [...roleHitAttributes],
    })
    return result.hits.map((hit) => toRoleHit(hit))
  } catch {
    const roles = await prisma.internshipRole.findMany({
      where: { id: { not: role.id }, ...openRoleWhere(now), skills: { some: { skill: { key: { in: role.skillKeys } } } } },
      select: roleDocumentSelect,
      orderBy: { publishedAt: 'desc' },
      take: limit,
    })
    return roles.map((r) => toRoleHit(toRoleDocument(r)))
  }
}
