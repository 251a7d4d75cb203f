// The facets as /roles shows them: the largest values of each group (and the chosen ones),
// and the names of the companies and skills among them.
import { apiText, textFor, type ApiText } from '#app/i18n/api-text.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { prisma } from '#app/lib/db.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import type { RoleSearchQuery } from './schemas.ts'
import { searchIndexVersion, VersionedCache } from './search-cache.server.ts'
import type { Facets } from './search.server.ts'

/** The values of a facet group the page lists: the `limit` largest counts, and whatever the query chose. */
function topValues(counts: Record<string, number>, chosen: Array<string | number>, limit: number) {
  const top = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
  for (const value of chosen.map(String)) if (value in counts && !top.some(([v]) => v === value)) top.push([value, counts[value]!])
  return Object.fromEntries(top)
}

/** Facets cut to what /roles renders, so the page's data (and its server render) carries no unused values. */
export function facetsForPage(facets: Facets, query: RoleSearchQuery, limit = 12): Facets {
  return {
    ...facets,
    city: topValues(facets.city, query.city.map(canonicalCity), limit),
    skill: topValues(facets.skill, query.skill, limit),
    kind: topValues(facets.kind, query.kind, limit),
    workMode: topValues(facets.workMode, query.workMode, limit),
    company: topValues(facets.company, query.company, limit),
    daysPerWeek: topValues(facets.daysPerWeek, query.days, limit),
  }
}

/**
 * Names of the facets' companies and skills, kept per search-index version: a name
 * changes only with the documents that carry it, which the outbox sends again and so
 * bumps the version. Most page views then ask PostgreSQL for no names at all.
 */
const labelCache = new VersionedCache<ApiText>(5_000)

/** The names, in the reader's language only (the page's data carries no other). */
export async function facetLabels(facets: Facets, locale: Locale) {
  const version = await searchIndexVersion()
  const kept = (kind: 'company' | 'skill', keys: string[]) =>
    new Map(
      keys.flatMap((key) => {
        const name = labelCache.get(`${kind}:${key}`, version)
        return name ? [[key, name] as const] : []
      }),
    )
  const company = kept('company', Object.keys(facets.company))
  const skill = kept('skill', Object.keys(facets.skill))
  const missingCompanies = Object.keys(facets.company).filter((id) => !company.has(id))
  const missingSkills = Object.keys(facets.skill).filter((key) => !skill.has(key))
  const [companies, skills] = await Promise.all([
    missingCompanies.length > 0 ? prisma.company.findMany({ where: { id: { in: missingCompanies } }, select: { id: true, nameZh: true, nameEn: true } }) : [],
    missingSkills.length > 0 ? prisma.skill.findMany({ where: { key: { in: missingSkills } }, select: { key: true, nameZh: true, nameEn: true } }) : [],
  ])
  const found = (kind: 'company' | 'skill', names: Map<string, ApiText>, key: string, name: ApiText) => {
    names.set(key, name)
    labelCache.set(`${kind}:${key}`, version, name)
  }
  for (const c of companies) found('company', company, c.id, apiText(c.nameZh, c.nameEn))
  for (const s of skills) found('skill', skill, s.key, apiText(s.nameZh, s.nameEn))
  const forReader = (names: Map<string, ApiText>) => Object.fromEntries([...names].map(([key, name]) => [key, textFor(locale, name)]))
  return { company: forReader(company), skill: forReader(skill) }
}
