// The benchmark's bulk path for roles: the rows the importer's role writer
// (app/modules/import/apply-roles.server.ts, for new roles) would write — the role, its
// skills, one outbox entry each — in three set-based INSERTs per chunk, because the
// importer's per-row ORM inserts take most of an hour for 100,000 roles on this machine.
// Records are parsed by the importer's own schema, so the format rules still apply.
import { randomBytes } from 'node:crypto'
import { prisma } from '#app/lib/db.server.ts'
import { endOfShanghaiDay, shanghaiDay } from '#app/lib/time.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { importSchema } from '#app/modules/import/schema.ts'
import type { Role } from '#scripts/demo-data/format.ts'

/** A cuid-shaped id (the column's Prisma default is generated client-side, not by Postgres). */
const newId = () =>
  `c${randomBytes(16)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 24)}`

export async function bulkInsertRoles(records: Role[], ids: { companies: Map<string, string>; skills: Map<string, string> }) {
  const roles = importSchema.parse({ version: 1, roles: records }).roles ?? []
  const now = new Date()
  const roleRows: Record<string, unknown>[] = []
  const skillRows: Record<string, unknown>[] = []
  for (const r of roles) {
    const id = newId()
    const deadline = shanghaiDay(r.deadline)
    const lookup = (map: Map<string, string>, key: string) => {
      const found = map.get(key)
      if (!found) throw new Error(`bulk import: unknown reference ${key}`)
      return found
    }
    roleRows.push({
      id,
      key: r.key,
      companyId: lookup(ids.companies, r.company),
      titleZh: r.title?.zh ?? null,
      titleEn: r.title?.en ?? null,
      descriptionZh: r.description?.zh ?? null,
      descriptionEn: r.description?.en ?? null,
      kind: r.kind,
      city: canonicalCity(r.city),
      workMode: r.workMode,
      stipendMin: r.stipendMonthly.min,
      stipendMax: r.stipendMonthly.max,
      daysPerWeek: r.daysPerWeek,
      durationMonths: r.durationMonths,
      languages: r.languages ?? [],
      openings: r.openings,
      deadline,
      closesAt: endOfShanghaiDay(deadline).toISOString(),
      status: r.status,
      publishedAt: r.status === 'published' ? now.toISOString() : null,
      closedAt: r.status === 'closed' ? now.toISOString() : null,
      createdById: null,
      // Columns without a default in the rows jsonb_populate_recordset builds.
      review: 'none',
      reviewReasons: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    for (const s of r.skills) skillRows.push({ roleId: id, skillId: lookup(ids.skills, s.skill), level: s.level, required: s.required })
  }
  // Timestamps are UTC in columns without a time zone, as Prisma stores them.
  await prisma.$transaction([
    prisma.$executeRaw`INSERT INTO "InternshipRole" SELECT * FROM jsonb_populate_recordset(NULL::"InternshipRole", ${JSON.stringify(roleRows)}::jsonb)`,
    prisma.$executeRaw`INSERT INTO "RoleSkill" SELECT * FROM jsonb_populate_recordset(NULL::"RoleSkill", ${JSON.stringify(skillRows)}::jsonb)`,
    prisma.$executeRaw`INSERT INTO "OutboxEntry" ("entity", "entityId") SELECT 'role', x FROM jsonb_array_elements_text(${JSON.stringify(roleRows.map((r) => r.id))}::jsonb) AS x`,
  ])
  return roleRows.length
}
