// Import writer for internship roles and their skills.
import type { RoleKind } from '#app/generated/prisma/enums.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import {
  changedFields,
  diffChildren,
  newCounts,
  textFields,
  type Counts,
  type ImportContext,
} from './apply-context.server.ts'
import type { ImportRole } from './schema.ts'
import { calendarDayAsDate, endOfShanghaiDay, shanghaiDay } from '#app/lib/time.ts'

type SkillNeed = { level: number; required: boolean }

export async function applyRoles(ctx: ImportContext, roles: ImportRole[]): Promise<Counts> {
  const { tx, now } = ctx
  const counts = newCounts()
  const existing = await tx.internshipRole.findMany({
    where: { key: { in: roles.map((r) => r.key) } },
    select: {
      id: true, key: true, companyId: true, titleZh: true, titleEn: true, descriptionZh: true, descriptionEn: true, kind: true,
      city: true, workMode: true, stipendMin: true, stipendMax: true, daysPerWeek: true, durationMonths: true, languages: true,
      openings: true, deadline: true, closesAt: true, status: true, publishedAt: true, closedAt: true,
      skills: { select: { skillId: true, level: true, required: true } },
    },
  })
  await ctx.resolve('companies', roles.map((r) => r.company))
  await ctx.resolve('skills', roles.flatMap((r) => r.skills.map((s) => s.skill)))
  const byKey = new Map(existing.map((r) => [r.key, r]))

  const fields = (r: ImportRole, current?: { publishedAt: Date | null; closedAt: Date | null }) => {
    const deadline = shanghaiDay(r.deadline)
    return {
      companyId: ctx.id('companies', r.company),
      ...textFields('title', r.title),
      ...textFields('description', r.description),
      kind: r.kind.replaceAll('-', '_') as RoleKind,
      city: canonicalCity(r.city),
      workMode: r.workMode,
      stipendMin: r.stipendMonthly.min,
      stipendMax: r.stipendMonthly.max,
      daysPerWeek: r.daysPerWeek,
      durationMonths: r.durationMonths,
      languages: r.languages ?? [],
      openings: r.openings,
      deadline: calendarDayAsDate(deadline),
      closesAt: endOfShanghaiDay(deadline),
      status: r.status,
      // First publication is kept; closing is stamped while closed and cleared on reopening.
      publishedAt: current?.publishedAt ?? (r.status === 'published' ? now : null),
      closedAt: r.status === 'closed' ? (current?.closedAt ?? now) : null,
    }
  }
  const skillNeeds = (r: ImportRole) =>
    new Map<string, SkillNeed>(r.skills.map((s) => [ctx.id('skills', s.skill), { level: s.level, required: s.required }]))

  const newSkills: ({ roleId: string; skillId: string } & SkillNeed)[] = []
  const fresh = roles.filter((r) => !byKey.has(r.key))
  if (fresh.length > 0) {
    const created = await tx.internshipRole.createManyAndReturn({
      data: fresh.map((r) => ({ key: r.key, ...fields(r) })),
      select: { id: true, key: true },
    })
    const ids = new Map(created.map((r) => [r.key, r.id]))
    for (const role of fresh) {
      const roleId = ids.get(role.key)!
      ctx.outbox.push({ entity: 'role', entityId: roleId })
      for (const [skillId, need] of skillNeeds(role)) newSkills.push({ roleId, skillId, ...need })
    }
    counts.created += created.length
  }

  for (const role of roles) {
    const current = byKey.get(role.key)
    if (!current) continue
    const changes = changedFields(current, fields(role, current))
    const skills = diffChildren(
      new Map(current.skills.map((s) => [s.skillId, { level: s.level, required: s.required }])),
      skillNeeds(role),
      (a, b) => a.level === b.level && a.required === b.required,
    )
    if (!changes && !skills.changed) {
      counts.unchanged++
      continue
    }
    await tx.internshipRole.update({ where: { id: current.id }, data: { ...changes, updatedAt: now }, select: { id: true } })
    if (skills.remove.length > 0) await tx.roleSkill.deleteMany({ where: { roleId: current.id, skillId: { in: skills.remove } } })
    for (const [skillId, need] of skills.update) {
      await tx.roleSkill.update({ where: { roleId_skillId: { roleId: current.id, skillId } }, data: need, select: { skillId: true } })
    }
    for (const [skillId, need] of skills.create) newSkills.push({ roleId: current.id, skillId, ...need })
    ctx.outbox.push({ entity: 'role', entityId: current.id })
    counts.updated++
  }
  if (newSkills.length > 0) await tx.roleSkill.createMany({ data: newSkills })
  return counts
}
