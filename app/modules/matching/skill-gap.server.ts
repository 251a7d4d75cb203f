// The skill-gap report: what open roles ask for (weighted by openings) against what a
// university's students hold and its courses teach — or the whole region's, for admins.
import { prisma } from '#app/lib/db.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { bilingual } from './evidence.server.ts'
import type { GapRoleKind } from './gap-kinds.ts'
import { apiText } from './role-hit.server.ts'

export type GapFilter = { universityId: string | null; city?: string; kind?: GapRoleKind }

/** A nice-to-have skill counts half an opening. */
const NICE_DEMAND = 0.5
/** A course passed with less than this does not count as holding its skills. */
const PASS_GRADE = 60

export async function resolveUniversityRef(ref: string): Promise<string | null> {
  const where = ref.startsWith('key:') ? { key: ref.slice(4) } : { id: ref }
  return (await prisma.university.findUnique({ where, select: { id: true } }))?.id ?? null
}

export async function skillGapReport(filter: GapFilter, now = new Date()) {
  // Demand, supply, the taxonomy and the courses are read at once, each on its own
  // connection: the report takes as long as its slowest query, not the sum of the four.
  const demandQuery = prisma.$queryRawUnsafe<Array<{ id: string; demand: number }>>(
    `SELECT rs."skillId" AS id, sum(r.openings * CASE WHEN rs.required THEN 1 ELSE ${NICE_DEMAND} END)::float8 AS demand
       FROM "InternshipRole" r JOIN "RoleSkill" rs ON rs."roleId" = r.id
      WHERE r.status = 'published' AND r."closesAt" > $1
        AND ($2::text IS NULL OR r.city = $2) AND ($3::text IS NULL OR r.kind::text = $3)
      GROUP BY rs."skillId"`,
    now,
    filter.city ? canonicalCity(filter.city) : null,
    filter.kind ?? null,
  )
  // The region-wide aggregation hashes hundreds of thousands of (skill, student) pairs:
  // give it the memory to do that without spilling to disk.
  const supplyQuery = prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT set_config('work_mem', '128MB', true)`)
    // Students holding a skill: self-declared, or a passed course that teaches it. Grouping
    // by (skill, student) first keeps the distinct count cheap.
    return tx.$queryRawUnsafe<Array<{ id: string; supply: number }>>(
      `SELECT skill_id AS id, count(*)::int AS supply FROM (
         SELECT ss."skillId" AS skill_id, ss."studentId" AS sid FROM "StudentSkill" ss
           ${filter.universityId ? 'JOIN "StudentProfile" p ON p.id = ss."studentId" AND p."universityId" = $1' : 'WHERE $1::text IS NULL'}
         UNION
         SELECT cs."skillId", sc."studentId" FROM "StudentCourse" sc
           JOIN "CourseSkill" cs ON cs."courseId" = sc."courseId"
           ${filter.universityId ? 'JOIN "Course" c ON c.id = sc."courseId" AND c."universityId" = $1' : ''}
          WHERE (sc.grade IS NULL OR sc.grade >= ${PASS_GRADE})
       ) held GROUP BY skill_id`,
      filter.universityId,
    )
  })
  // The taxonomy is small, and the courses are those the report may name anyway: both are
  // read whole and narrowed to the report's skills below.
  const [demandRows, supplyRows, allSkills, allTaught] = await Promise.all([
    demandQuery,
    supplyQuery,
    prisma.skill.findMany({ select: { id: true, key: true, nameZh: true, nameEn: true } }),
    prisma.courseSkill.findMany({
      where: filter.universityId ? { course: { universityId: filter.universityId } } : {},
      orderBy: [{ level: 'desc' }, { courseId: 'asc' }],
      select: { skillId: true, level: true, course: { select: { id: true, key: true, titleZh: true, titleEn: true } } },
    }),
  ])
  const demand = new Map(demandRows.map((r) => [r.id, r.demand]))
  const supply = new Map(supplyRows.map((r) => [r.id, r.supply]))
  const inReport = (id: string) => demand.has(id) || supply.has(id)
  const skills = allSkills.filter((s) => inReport(s.id))
  const taught = allTaught.filter((t) => inReport(t.skillId))
  const taughtBy = new Map<string, Array<{ id: string; key: string | null; title: ReturnType<typeof apiText>; level: number }>>()
  for (const t of taught) {
    const list = taughtBy.get(t.skillId) ?? []
    if (list.length < 5) list.push({ id: t.course.id, key: t.course.key, title: apiText(t.course.titleZh, t.course.titleEn), level: t.level })
    taughtBy.set(t.skillId, list)
  }
  const items = skills
    .map((s) => {
      const d = Math.round((demand.get(s.id) ?? 0) * 10) / 10
      const sup = supply.get(s.id) ?? 0
      const name = bilingual(s.nameZh, s.nameEn)
      return { skill: s.key, name: apiText(name.zh, name.en), demand: d, supply: sup, gap: Math.round((d - sup) * 10) / 10, taughtBy: taughtBy.get(s.id) ?? [] }
    })
    .sort((a, b) => b.gap - a.gap || b.demand - a.demand || a.skill.localeCompare(b.skill))
  return { items }
}

export type SkillGapItem = Awaited<ReturnType<typeof skillGapReport>>['items'][number]

/** The report as CSV rows (header first) for the export. */
export function skillGapCsvRows(items: SkillGapItem[]) {
  return [
    ['skill', 'name_zh', 'name_en', 'demand', 'supply', 'gap', 'taught_by'],
    ...items.map((i) => [i.skill, i.name.zh ?? '', i.name.en ?? '', i.demand, i.supply, i.gap, i.taughtBy.map((c) => c.title.zh ?? c.title.en ?? '').join('; ')]),
  ]
}
