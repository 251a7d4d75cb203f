// The skill taxonomy, managed by admins: add, rename, re-parent, and merge two skills
// into one. Every change writes an audit entry, and outbox rows so search follows.
import type { z } from 'zod'
import type { Locale } from '#app/i18n/locale.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { SKILL_SEARCH_PARAM, type createSkillSchema, type mergeSkillsSchema, type updateSkillSchema } from './schemas.ts'

export function listSkills() {
  return prisma.skill.findMany({
    orderBy: [{ category: 'asc' }, { key: 'asc' }],
    select: {
      id: true,
      key: true,
      nameZh: true,
      nameEn: true,
      aliases: true,
      category: true,
      parent: { select: { key: true } },
      _count: { select: { roleSkills: true, courseSkills: true, studentSkills: true, eventSkills: true } },
    },
  })
}

export function getSkill(id: string) {
  return prisma.skill.findUnique({
    where: { id },
    select: { id: true, key: true, nameZh: true, nameEn: true, aliases: true, category: true, parent: { select: { key: true } } },
  })
}

/** What a picker shows for a skill: its name in the reader's language, the other name, its category. */
export type SkillChoice = { key: string; name: string; otherName: string | null; category: string | null; matched: string | null }

const choiceSelect = { key: true, nameZh: true, nameEn: true, aliases: true, category: true } as const

function toChoice(
  locale: Locale,
  s: { key: string; nameZh: string | null; nameEn: string | null; category: string | null },
  matched: string | null = null,
): SkillChoice {
  const name = (locale === 'en' ? s.nameEn || s.nameZh : s.nameZh || s.nameEn) ?? s.key
  const other = (locale === 'en' ? s.nameZh : s.nameEn) ?? null
  return { key: s.key, name, otherName: other && other !== name ? other : null, category: s.category, matched }
}

/**
 * Skills whose names (both languages), key or aliases contain the query, best first:
 * an exact name or alias, then a prefix, then anywhere. `合约`, `solidity` and `FISCO`
 * find their skills. The taxonomy is a few hundred rows, read with one indexed query.
 */
export async function searchSkills(query: string, locale: Locale, limit = 10): Promise<SkillChoice[]> {
  const q = query.trim().toLowerCase().slice(0, 100)
  if (!q) return []
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const ids = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Skill"
    WHERE lower(coalesce("nameZh", '')) LIKE ${pattern} OR lower(coalesce("nameEn", '')) LIKE ${pattern} OR key LIKE ${pattern}
       OR EXISTS (SELECT 1 FROM unnest(aliases) AS alias WHERE lower(alias) LIKE ${pattern})
    LIMIT 200`
  const skills = await prisma.skill.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: choiceSelect })
  const rank = (text: string) => (text === q ? 0 : text.startsWith(q) ? 1 : text.includes(q) ? 2 : 3)
  const scored = skills.map((s) => {
    const names = [s.nameZh, s.nameEn, s.key].filter((n): n is string => Boolean(n))
    const best = Math.min(...names.map((n) => rank(n.toLowerCase())))
    const alias = s.aliases.map((a) => ({ a, r: rank(a.toLowerCase()) })).sort((x, y) => x.r - y.r)[0]
    // An alias is shown only when it, not a name, is what matched.
    const viaAlias = alias && alias.r < best ? alias : null
    return { s, rank: Math.min(best, viaAlias?.r ?? 3), matched: viaAlias?.a ?? null }
  })
  scored.sort((x, y) => x.rank - y.rank || x.s.key.localeCompare(y.s.key))
  return scored.slice(0, limit).map(({ s, matched }) => toChoice(locale, s, matched))
}

/** Chosen skills (with their level) as the picker shows them. */
export function chosenSkills<
  Row extends { level: number; required?: boolean; skill: { key: string; nameZh: string | null; nameEn: string | null; category: string | null } },
>(locale: Locale, rows: Row[]) {
  return rows.map((row) => ({ ...toChoice(locale, row.skill), level: row.level, ...(row.required === undefined ? {} : { required: row.required }) }))
}

/** Rows that name their skill by key (e.g. a role's), as the picker shows them; unknown keys are dropped. */
export async function chosenSkillsByKey<Row extends { skill: string; level: number; required?: boolean }>(locale: Locale, rows: Row[]) {
  if (rows.length === 0) return []
  const skills = await prisma.skill.findMany({ where: { key: { in: rows.map((r) => r.skill) } }, select: choiceSelect })
  return chosenSkills(
    locale,
    rows.flatMap((row) => {
      const skill = skills.find((s) => s.key === row.skill)
      return skill ? [{ ...row, skill }] : []
    }),
  )
}

/** The no-JavaScript half of the skill picker: results for the page's `skillq` search. */
export async function skillPickerSearch(request: Request, locale: Locale, param = SKILL_SEARCH_PARAM) {
  const query = new URL(request.url).searchParams.get(param)?.slice(0, 100) ?? ''
  return { query, results: await searchSkills(query, locale) }
}

async function skillsAffectingRoles(tx: Tx, skillIds: string[]) {
  const rows = await tx.roleSkill.findMany({
    where: { OR: [{ skillId: { in: skillIds } }, { skill: { parentId: { in: skillIds } } }] },
    distinct: ['roleId'],
    select: { roleId: true },
  })
  return rows.map((r) => r.roleId)
}

async function queueSearchSync(tx: Tx, skillIds: string[], roleIds: string[]) {
  await tx.outboxEntry.createMany({
    data: [...skillIds.map((entityId) => ({ entity: 'skill' as const, entityId })), ...roleIds.map((entityId) => ({ entity: 'role' as const, entityId }))],
  })
}

async function parentIdFor(tx: Tx, parentKey: string | undefined, selfId: string | null) {
  if (!parentKey) return null
  const parent = await tx.skill.findUnique({ where: { key: parentKey }, select: { id: true } })
  if (!parent) throw new UserFacingError(422, 'skills.unknownParent', undefined, [{ path: 'parentKey', key: 'skills.unknownParent' }])
  // Walk up from the parent: reaching this skill would make a cycle.
  let cursor: string | null = parent.id
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === selfId) throw new UserFacingError(422, 'skills.parentCycle', undefined, [{ path: 'parentKey', key: 'skills.parentCycle' }])
    cursor = (await tx.skill.findUnique({ where: { id: cursor }, select: { parentId: true } }))?.parentId ?? null
  }
  return parent.id
}

export async function createSkill(actorId: string, input: z.output<typeof createSkillSchema>) {
  return prisma.$transaction(async (tx) => {
    if (await tx.skill.findUnique({ where: { key: input.key }, select: { id: true } })) {
      throw new UserFacingError(409, 'skills.keyTaken', undefined, [{ path: 'key', key: 'skills.keyTaken' }])
    }
    const skill = await tx.skill.create({
      data: {
        key: input.key,
        nameZh: input.nameZh ?? null,
        nameEn: input.nameEn ?? null,
        aliases: input.aliases,
        category: input.category ?? null,
        parentId: await parentIdFor(tx, input.parentKey, null),
      },
      select: { id: true, key: true },
    })
    await queueSearchSync(tx, [skill.id], [])
    await recordAudit(tx, { actorId, action: 'skill.create', entity: 'skill', entityId: skill.id, data: { ...input } })
    return skill
  })
}

export async function updateSkill(actorId: string, skillId: string, input: z.output<typeof updateSkillSchema>) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.skill.findUnique({
      where: { id: skillId },
      select: { id: true, nameZh: true, nameEn: true, aliases: true, category: true, parentId: true },
    })
    if (!before) throw notFound()
    const parentId = await parentIdFor(tx, input.parentKey, skillId)
    await tx.skill.update({
      where: { id: skillId },
      data: { nameZh: input.nameZh ?? null, nameEn: input.nameEn ?? null, aliases: input.aliases, category: input.category ?? null, parentId },
      select: { id: true },
    })
    await queueSearchSync(tx, [skillId], await skillsAffectingRoles(tx, [skillId]))
    await recordAudit(tx, {
      actorId,
      action: 'skill.update',
      entity: 'skill',
      entityId: skillId,
      data: { before: { ...before, id: undefined }, after: { ...input, parentId } },
    })
  })
}

/** Per table: the owner column of its (owner, skill) key, and the columns kept on a collision. */
const REFERENCES = [
  { table: 'CourseSkill', owner: 'courseId', merge: 'level = GREATEST(t.level, s.level)' },
  { table: 'RoleSkill', owner: 'roleId', merge: 'level = GREATEST(t.level, s.level), required = t.required OR s.required' },
  { table: 'StudentSkill', owner: 'studentId', merge: 'level = GREATEST(t.level, s.level)' },
  { table: 'EventSkill', owner: 'eventId', merge: 'level = GREATEST(t.level, s.level)' },
  { table: 'ExternalCredentialSkill', owner: 'credentialId', merge: 'level = GREATEST(t.level, s.level)' },
  // A student is offered a skill once: where both were found in a résumé, the target's offer stays.
  { table: 'ResumeSkillSuggestion', owner: 'studentId', merge: 'status = t.status' },
] as const

/**
 * Merges `source` into `target`: every course, role, student and event reference moves
 * (where both exist, the higher level and the required flag win), children move to the
 * target, the source's names become the target's aliases, and the source is deleted.
 */
export async function mergeSkills(actorId: string, input: z.output<typeof mergeSkillsSchema>) {
  return prisma.$transaction(async (tx) => {
    const [source, target] = await Promise.all([
      tx.skill.findUnique({ where: { key: input.sourceKey }, select: { id: true, key: true, nameZh: true, nameEn: true, aliases: true, parentId: true } }),
      tx.skill.findUnique({ where: { key: input.targetKey }, select: { id: true, aliases: true, parentId: true } }),
    ])
    if (!source) throw new UserFacingError(422, 'skills.unknownSkill', undefined, [{ path: 'sourceKey', key: 'skills.unknownSkill' }])
    if (!target) throw new UserFacingError(422, 'skills.unknownSkill', undefined, [{ path: 'targetKey', key: 'skills.unknownSkill' }])
    const roleIds = await skillsAffectingRoles(tx, [source.id, target.id])
    const moved: Record<string, number> = {}
    for (const ref of REFERENCES) {
      const table = `"${ref.table}"`
      const owner = `"${ref.owner}"`
      await tx.$executeRawUnsafe(
        `UPDATE ${table} t SET ${ref.merge} FROM ${table} s WHERE s."skillId" = $1 AND t."skillId" = $2 AND t.${owner} = s.${owner}`,
        source.id,
        target.id,
      )
      await tx.$executeRawUnsafe(
        `DELETE FROM ${table} s USING ${table} t WHERE s."skillId" = $1 AND t."skillId" = $2 AND t.${owner} = s.${owner}`,
        source.id,
        target.id,
      )
      moved[ref.table] = await tx.$executeRawUnsafe(`UPDATE ${table} SET "skillId" = $2 WHERE "skillId" = $1`, source.id, target.id)
    }
    // The target cannot become its own parent: if it was the source's child, it takes the source's place.
    const targetParent = target.parentId === source.id ? source.parentId : target.parentId
    const aliases = [...new Set([...target.aliases, ...source.aliases, source.key, source.nameZh, source.nameEn].filter((a): a is string => Boolean(a)))]
    await tx.skill.update({ where: { id: target.id }, data: { aliases, parentId: targetParent }, select: { id: true } })
    const children = await tx.skill.updateMany({ where: { parentId: source.id, id: { not: target.id } }, data: { parentId: target.id } })
    await tx.skill.delete({ where: { id: source.id }, select: { id: true } })
    await queueSearchSync(tx, [source.id, target.id], roleIds)
    await recordAudit(tx, {
      actorId,
      action: 'skill.merge',
      entity: 'skill',
      entityId: target.id,
      data: {
        source: { id: source.id, key: source.key, nameZh: source.nameZh, nameEn: source.nameEn },
        target: input.targetKey,
        moved,
        reparented: children.count,
        roles: roleIds.length,
      },
    })
    return { targetId: target.id, moved, reparented: children.count, roles: roleIds.length }
  })
}
