// RoleHit as shared/api-v1.md defines it, read straight from Postgres for the few roles a
// recommendation list shows. (The roles module had no RoleHit mapper to reuse when this
// was written.)
export type ApiText = { zh?: string; en?: string }

export function apiText(zh: string | null | undefined, en: string | null | undefined): ApiText {
  return { ...(zh ? { zh } : {}), ...(en ? { en } : {}) }
}

import type { Prisma } from '#app/generated/prisma/client.ts'

export const roleHitSelect = {
  id: true,
  key: true,
  titleZh: true,
  titleEn: true,
  kind: true,
  city: true,
  workMode: true,
  stipendMin: true,
  stipendMax: true,
  deadline: true,
  company: { select: { id: true, key: true, nameZh: true, nameEn: true, parkIncubated: true, parkVerifiedAt: true } },
  skills: {
    orderBy: [{ required: 'desc' }, { level: 'desc' }],
    select: { level: true, required: true, skill: { select: { key: true } } },
  },
} satisfies Prisma.InternshipRoleSelect

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
  deadline: Date
  company: { id: string; key: string | null; nameZh: string | null; nameEn: string | null; parkIncubated: boolean; parkVerifiedAt: Date | null }
  skills: Array<{ level: number; required: boolean; skill: { key: string } }>
}

export function toRoleHit(role: RoleHitRow) {
  return {
    id: role.id,
    key: role.key,
    title: apiText(role.titleZh, role.titleEn),
    company: {
      id: role.company.id,
      key: role.company.key,
      name: apiText(role.company.nameZh, role.company.nameEn),
      parkIncubated: role.company.parkIncubated && role.company.parkVerifiedAt !== null,
    },
    kind: role.kind.replace(/_/g, '-'),
    city: role.city,
    workMode: role.workMode,
    stipendMonthly: { min: role.stipendMin, max: role.stipendMax },
    skills: role.skills.map((s) => ({ skill: s.skill.key, level: s.level, required: s.required })),
    deadline: role.deadline.toISOString().slice(0, 10),
  }
}

export type RoleHit = ReturnType<typeof toRoleHit>
