// Role documents for Meilisearch, built from Postgres (the truth). A document carries all
// the result list renders, so a search answers without one database query per hit.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { cityNames } from '#app/modules/cities/cities.ts'
import { markdownToText } from '#app/modules/roles/markdown.server.ts'
import { shanghaiDay } from '#app/lib/time.ts'
import { isOpen, openRoleWhere } from '#app/modules/roles/open.ts'
import { roleContentSelect } from '#app/modules/roles/role-select.server.ts'
import type { RoleKind, WorkModeValue } from '#app/modules/roles/schemas.ts'

export type RoleDocument = {
  id: string
  key: string | null
  titleZh: string
  titleEn: string
  descriptionZh: string
  descriptionEn: string
  companyId: string
  companyKey: string | null
  companyNameZh: string
  companyNameEn: string
  /** The park-incubated claim, once an admin verified it. */
  parkIncubated: boolean
  /** The company's business licence was verified by an admin (filterable). */
  licenceVerified: boolean
  /** The day (China time) of that verification, for the badge. */
  licenceVerifiedOn: string | null
  kind: RoleKind
  city: string
  /** Every name of the city (key, Chinese, English), so either language matches. */
  cityNames: string[]
  workMode: WorkModeValue
  stipendMin: number
  stipendMax: number
  stipendBand: StipendBand
  daysPerWeek: number
  durationMonths: number
  languages: string[]
  openings: number
  skills: Array<{ skill: string; level: number; required: boolean; nameZh: string; nameEn: string }>
  skillKeys: string[]
  /** Skill names and aliases in every language, and their parents' (Solidity → 智能合约). */
  skillNames: string[]
  deadline: string
  closesAtTs: number
  publishedAtTs: number
}

/** Stipend ranges for the facet, by the guaranteed minimum (CNY per month). */
export const stipendBands = ['0-1999', '2000-3999', '4000-5999', '6000+'] as const
export type StipendBand = (typeof stipendBands)[number]
export const stipendBandFloor: Record<StipendBand, number> = { '0-1999': 0, '2000-3999': 2000, '4000-5999': 4000, '6000+': 6000 }

export function stipendBandOf(min: number): StipendBand {
  if (min >= 6000) return '6000+'
  if (min >= 4000) return '4000-5999'
  if (min >= 2000) return '2000-3999'
  return '0-1999'
}

export const roleDocumentSelect = {
  id: true,
  ...roleContentSelect,
  closesAt: true,
  publishedAt: true,
  createdAt: true,
  hiddenAt: true,
  company: {
    select: {
      id: true,
      key: true,
      nameZh: true,
      nameEn: true,
      parkIncubated: true,
      parkVerifiedAt: true,
      verifiedAt: true,
      licenceVerifiedAt: true,
      suspendedAt: true,
    },
  },
  skills: {
    orderBy: [{ required: 'desc' as const }, { level: 'desc' as const }],
    select: {
      level: true,
      required: true,
      skill: {
        select: {
          key: true,
          nameZh: true,
          nameEn: true,
          aliases: true,
          parent: { select: { nameZh: true, nameEn: true, aliases: true } },
        },
      },
    },
  },
} satisfies Prisma.InternshipRoleSelect

type SelectedRole = Awaited<ReturnType<typeof selectRoles>>[number]

function selectRoles(where: { id: { in: string[] } }) {
  return prisma.internshipRole.findMany({ where, select: roleDocumentSelect, orderBy: { id: 'asc' } })
}

export function kindToApi(kind: string): RoleKind {
  return kind.replace(/_/g, '-') as RoleKind
}

export function toRoleDocument(role: SelectedRole): RoleDocument {
  const names = new Set<string>()
  for (const { skill } of role.skills) {
    for (const name of [skill.nameZh, skill.nameEn, ...skill.aliases, skill.parent?.nameZh, skill.parent?.nameEn, ...(skill.parent?.aliases ?? [])]) {
      if (name) names.add(name)
    }
  }
  const parkIncubated = role.company.parkIncubated && role.company.parkVerifiedAt !== null
  return {
    id: role.id,
    key: role.key,
    titleZh: role.titleZh ?? '',
    titleEn: role.titleEn ?? '',
    descriptionZh: markdownToText(role.descriptionZh),
    descriptionEn: markdownToText(role.descriptionEn),
    companyId: role.company.id,
    companyKey: role.company.key,
    companyNameZh: role.company.nameZh ?? '',
    companyNameEn: role.company.nameEn ?? '',
    parkIncubated,
    licenceVerified: role.company.licenceVerifiedAt !== null,
    licenceVerifiedOn: role.company.licenceVerifiedAt ? shanghaiDay(role.company.licenceVerifiedAt) : null,
    kind: kindToApi(role.kind),
    city: role.city,
    cityNames: cityNames(role.city),
    workMode: role.workMode,
    stipendMin: role.stipendMin,
    stipendMax: role.stipendMax,
    stipendBand: stipendBandOf(role.stipendMin),
    daysPerWeek: role.daysPerWeek,
    durationMonths: role.durationMonths,
    languages: role.languages,
    openings: role.openings,
    skills: role.skills.map((s) => ({
      skill: s.skill.key,
      level: s.level,
      required: s.required,
      nameZh: s.skill.nameZh ?? '',
      nameEn: s.skill.nameEn ?? '',
    })),
    skillKeys: role.skills.map((s) => s.skill.key),
    skillNames: [...names],
    deadline: role.deadline.toISOString().slice(0, 10),
    closesAtTs: role.closesAt.getTime(),
    publishedAtTs: (role.publishedAt ?? role.createdAt).getTime(),
  }
}

/**
 * The documents for these roles: those that belong in search (published, open) and the
 * ids that must leave it (drafts, closed, past their deadline, deleted).
 */
export async function roleDocumentsFor(roleIds: string[], now = new Date()) {
  const roles = await selectRoles({ id: { in: roleIds } })
  // Only a verified company's roles reach students (docs/decisions/016).
  const documents = roles.filter((r) => isOpen(r, now) && r.company.verifiedAt !== null).map(toRoleDocument)
  const kept = new Set(documents.map((d) => d.id))
  return { documents, removed: roleIds.filter((id) => !kept.has(id)) }
}

/**
 * Every searchable role, page by page (for a full reindex). Pages walk the primary key, and
 * SQL filters on the role's own columns only; the company's part of the open rule is
 * applied to the loaded rows (isOpen). With the company's part in SQL, a planner holding
 * stale statistics for the small company table (just after a bulk import) read every role
 * for every page: 8.5 s a page at 1,000,000 roles.
 */
export async function* allRoleDocuments(pageSize = 2000, now = new Date()) {
  const { company: _companyPart, ...roleOwnPart } = openRoleWhere(now)
  for (let after = ''; ;) {
    const roles = await prisma.internshipRole.findMany({
      where: { ...roleOwnPart, id: { gt: after } },
      select: roleDocumentSelect,
      orderBy: { id: 'asc' },
      take: pageSize,
    })
    const documents = roles.filter((r) => isOpen(r, now)).map(toRoleDocument)
    if (documents.length > 0) yield documents
    if (roles.length < pageSize) return
    after = roles[roles.length - 1]!.id
  }
}

/** The role ids whose documents a company's or a skill's change affects. */
export async function roleIdsAffectedBy(entity: 'company' | 'skill', ids: string[]): Promise<string[]> {
  const rows =
    entity === 'company'
      ? await prisma.internshipRole.findMany({ where: { companyId: { in: ids } }, select: { id: true } })
      : await prisma.internshipRole.findMany({
          where: { skills: { some: { skill: { OR: [{ id: { in: ids } }, { parentId: { in: ids } }] } } } },
          select: { id: true },
        })
  return rows.map((r) => r.id)
}
