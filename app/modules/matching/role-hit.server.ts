// RoleHit as docs/api-v1.md defines it, read straight from Postgres for the few roles a
// recommendation list shows (the search module's RoleHit comes from the search document).
import { apiText } from '#app/i18n/api-text.ts'
import { prisma } from '#app/lib/db.server.ts'

type RoleHitRow = {
  id: string
  key: string | null
  titleZh: string | null
  titleEn: string | null
  kind: string
  city: string
  workMode: string
  stipendMin: number
  stipendMax: number
  deadline: string
  company: { id: string; key: string | null; nameZh: string | null; nameEn: string | null; parkIncubated: boolean }
  skills: Array<{ skill: string; level: number; required: boolean }>
}

function toRoleHit(role: RoleHitRow) {
  return {
    id: role.id,
    key: role.key,
    title: apiText(role.titleZh, role.titleEn),
    company: { id: role.company.id, key: role.company.key, name: apiText(role.company.nameZh, role.company.nameEn), parkIncubated: role.company.parkIncubated },
    kind: role.kind,
    city: role.city,
    workMode: role.workMode,
    stipendMonthly: { min: role.stipendMin, max: role.stipendMax },
    skills: role.skills,
    deadline: role.deadline,
  }
}

/**
 * The roles as RoleHits, by id, in one query (a recommendation list is on the home page and
 * the API's hot path; a nested Prisma select took a round trip per relation).
 */
export async function loadRoleHits(ids: string[]): Promise<Map<string, RoleHit>> {
  if (ids.length === 0) return new Map()
  const rows = await prisma.$queryRawUnsafe<RoleHitRow[]>(
    `SELECT r.id, r.key, r."titleZh", r."titleEn", r.kind::text AS kind, r.city, r."workMode"::text AS "workMode", r."stipendMin", r."stipendMax",
            to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
            -- The park badge shows only once an admin verified the claim.
            json_build_object('id', c.id, 'key', c.key, 'nameZh', c."nameZh", 'nameEn', c."nameEn",
                              'parkIncubated', c."parkIncubated" AND c."parkVerifiedAt" IS NOT NULL) AS company,
            (SELECT coalesce(json_agg(json_build_object('skill', s.key, 'level', rs.level, 'required', rs.required) ORDER BY rs.required DESC, rs.level DESC), '[]')
               FROM "RoleSkill" rs JOIN "Skill" s ON s.id = rs."skillId" WHERE rs."roleId" = r.id) AS skills
       FROM "InternshipRole" r JOIN "Company" c ON c.id = r."companyId"
      WHERE r.id = ANY($1::text[])`,
    ids,
  )
  return new Map(rows.map((r) => [r.id, toRoleHit(r)]))
}

export type RoleHit = ReturnType<typeof toRoleHit>
