// The skill-gap report: what open roles ask for (weighted by openings) against what a
// university's students hold and its courses teach — or the whole region's, for admins.
// Demand and supply are added up from the in-memory matching index: at 100,000 roles and
// 50,000 students that is milliseconds, where the same sums in SQL took over a second.
import { prisma } from '#app/lib/db.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import type { GapRoleKind } from './gap-kinds.ts'
import { matchIndex } from './match-index.server.ts'
import { apiText } from '#app/i18n/api-text.ts'

export type GapFilter = { universityId: string | null; city?: string; kind?: GapRoleKind }

/** A nice-to-have skill counts half an opening. */
const NICE_DEMAND = 0.5

export async function resolveUniversityRef(ref: string): Promise<string | null> {
  const where = ref.startsWith('key:') ? { key: ref.slice(4) } : { id: ref }
  return (await prisma.university.findUnique({ where, select: { id: true } }))?.id ?? null
}

export async function skillGapReport(filter: GapFilter, now = new Date()) {
  // The five courses that teach each skill best (of the university, or anywhere), read
  // with the taxonomy while the index syncs.
  const [index, taught] = await Promise.all([
    matchIndex(),
    prisma.$queryRawUnsafe<Array<{ skillId: string; id: string; key: string | null; titleZh: string | null; titleEn: string | null; level: number }>>(
      `SELECT "skillId", id, key, "titleZh", "titleEn", level FROM (
         SELECT cs."skillId", c.id, c.key, c."titleZh", c."titleEn", cs.level,
                row_number() OVER (PARTITION BY cs."skillId" ORDER BY cs.level DESC, cs."courseId") AS n
           FROM "CourseSkill" cs JOIN "Course" c ON c.id = cs."courseId"
          WHERE $1::text IS NULL OR c."universityId" = $1) ranked
        WHERE n <= 5 ORDER BY "skillId", n`,
      filter.universityId,
    ),
  ])
  const demand = index.demandBySkill(now, { city: filter.city ? canonicalCity(filter.city) : undefined, kind: filter.kind }, NICE_DEMAND)
  const supply = index.supplyBySkill(filter.universityId)
  const taughtBy = new Map<string, Array<{ id: string; key: string | null; title: ReturnType<typeof apiText>; level: number }>>()
  for (const t of taught) {
    const list = taughtBy.get(t.skillId) ?? []
    list.push({ id: t.id, key: t.key, title: apiText(t.titleZh, t.titleEn), level: t.level })
    taughtBy.set(t.skillId, list)
  }
  const skills = [...index.skills.values()].filter((s) => demand.has(s.id) || supply.has(s.id))
  const items = skills
    .map((s) => {
      const d = Math.round((demand.get(s.id) ?? 0) * 10) / 10
      const sup = supply.get(s.id) ?? 0
      return {
        skill: s.key,
        name: apiText(s.name.zh, s.name.en),
        demand: d,
        supply: sup,
        gap: Math.round((d - sup) * 10) / 10,
        taughtBy: taughtBy.get(s.id) ?? [],
      }
    })
    .sort((a, b) => b.gap - a.gap || b.demand - a.demand || a.skill.localeCompare(b.skill))
  return { items }
}

export type SkillGapItem = Awaited<ReturnType<typeof skillGapReport>>['items'][number]

/** The report as CSV rows (header first) for the export. */
export function skillGapCsvRows(items: SkillGapItem[]) {
  return [
    ['skill', 'name_zh', 'name_en', 'demand', 'supply', 'gap', 'taught_by'],
    ...items.map((i) => [
      i.skill,
      i.name.zh ?? '',
      i.name.en ?? '',
      i.demand,
      i.supply,
      i.gap,
      i.taughtBy.map((c) => c.title.zh ?? c.title.en ?? '').join('; '),
    ]),
  ]
}
