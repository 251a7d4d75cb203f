// Import writers for the catalogue: skills, universities, courses, companies.
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { changedFields, diffChildren, newCounts, textFields, type Counts, type ImportContext } from './apply-context.server.ts'
import type { ImportCompany, ImportCourse, ImportSkill, ImportUniversity } from './schema.ts'

export async function applySkills(ctx: ImportContext, skills: ImportSkill[]): Promise<Counts> {
  const { tx } = ctx
  const counts = newCounts()
  const existing = await tx.skill.findMany({
    where: { key: { in: skills.map((s) => s.key) } },
    select: { id: true, key: true, nameZh: true, nameEn: true, aliases: true, category: true, parentId: true },
  })
  ctx.remember('skills', existing)
  await ctx.resolve(
    'skills',
    skills.map((s) => s.parent),
  )
  const fields = (s: ImportSkill) => ({ ...textFields('name', s.name), aliases: s.aliases, category: s.category ?? null })

  // New skills are created a generation at a time, so each one's parent already exists.
  const stored = new Set(existing.map((s) => s.key))
  let pending = skills.filter((s) => !stored.has(s.key))
  while (pending.length > 0) {
    const ready = pending.filter((s) => !s.parent || ctx.ids.skills.has(s.parent))
    if (ready.length === 0) throw new Error('import: skill parents could not be resolved')
    const created = await tx.skill.createManyAndReturn({
      data: ready.map((s) => ({ key: s.key, ...fields(s), parentId: s.parent ? ctx.id('skills', s.parent) : null })),
      select: { id: true, key: true },
    })
    ctx.remember('skills', created)
    for (const skill of created) ctx.outbox.push({ entity: 'skill', entityId: skill.id })
    counts.created += created.length
    pending = pending.filter((s) => !ready.includes(s))
  }

  const byKey = new Map(existing.map((s) => [s.key, s]))
  for (const skill of skills) {
    const current = byKey.get(skill.key)
    if (!current) continue
    const changes = changedFields(current, { ...fields(skill), parentId: skill.parent ? ctx.id('skills', skill.parent) : null })
    if (!changes) {
      counts.unchanged++
      continue
    }
    await tx.skill.update({ where: { id: current.id }, data: changes, select: { id: true } })
    ctx.outbox.push({ entity: 'skill', entityId: current.id })
    counts.updated++
  }
  return counts
}

export async function applyUniversities(ctx: ImportContext, universities: ImportUniversity[]): Promise<Counts> {
  const { tx } = ctx
  const counts = newCounts()
  const existing = await tx.university.findMany({
    where: { key: { in: universities.map((u) => u.key) } },
    select: { id: true, key: true, nameZh: true, nameEn: true, city: true },
  })
  ctx.remember('universities', existing)
  const byKey = new Map(existing.map((u) => [u.key, u]))
  const fields = (u: ImportUniversity) => ({ ...textFields('name', u.name), city: canonicalCity(u.city) })

  const fresh = universities.filter((u) => !byKey.has(u.key))
  if (fresh.length > 0) {
    const created = await tx.university.createManyAndReturn({
      data: fresh.map((u) => ({ key: u.key, ...fields(u) })),
      select: { id: true, key: true },
    })
    ctx.remember('universities', created)
    counts.created += created.length
  }
  for (const university of universities) {
    const current = byKey.get(university.key)
    if (!current) continue
    const changes = changedFields(current, fields(university))
    if (!changes) {
      counts.unchanged++
      continue
    }
    await tx.university.update({ where: { id: current.id }, data: changes, select: { id: true } })
    counts.updated++
  }
  return counts
}

export async function applyCourses(ctx: ImportContext, courses: ImportCourse[]): Promise<Counts> {
  const { tx, now } = ctx
  const counts = newCounts()
  const existing = await tx.course.findMany({
    where: { key: { in: courses.map((c) => c.key) } },
    select: {
      id: true,
      key: true,
      universityId: true,
      code: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      skills: { select: { skillId: true, level: true } },
    },
  })
  ctx.remember('courses', existing)
  await ctx.resolve(
    'universities',
    courses.map((c) => c.university),
  )
  await ctx.resolve(
    'skills',
    courses.flatMap((c) => c.skills.map((s) => s.skill)),
  )
  const byKey = new Map(existing.map((c) => [c.key, c]))
  const fields = (c: ImportCourse) => ({
    universityId: ctx.id('universities', c.university),
    code: c.code ?? null,
    ...textFields('title', c.title),
    ...textFields('description', c.description),
  })
  const skillLevels = (c: ImportCourse) => new Map(c.skills.map((s) => [ctx.id('skills', s.skill), s.level]))

  const newSkills: { courseId: string; skillId: string; level: number }[] = []
  const fresh = courses.filter((c) => !byKey.has(c.key))
  if (fresh.length > 0) {
    const created = await tx.course.createManyAndReturn({
      data: fresh.map((c) => ({ key: c.key, ...fields(c) })),
      select: { id: true, key: true },
    })
    ctx.remember('courses', created)
    counts.created += created.length
    for (const course of fresh) {
      const courseId = ctx.id('courses', course.key)
      for (const [skillId, level] of skillLevels(course)) newSkills.push({ courseId, skillId, level })
    }
  }

  for (const course of courses) {
    const current = byKey.get(course.key)
    if (!current) continue
    const changes = changedFields(current, fields(course))
    const skills = diffChildren(new Map(current.skills.map((s) => [s.skillId, s.level])), skillLevels(course), (a, b) => a === b)
    if (!changes && !skills.changed) {
      counts.unchanged++
      continue
    }
    await tx.course.update({ where: { id: current.id }, data: { ...changes, updatedAt: now }, select: { id: true } })
    if (skills.remove.length > 0) await tx.courseSkill.deleteMany({ where: { courseId: current.id, skillId: { in: skills.remove } } })
    for (const [skillId, level] of skills.update) {
      await tx.courseSkill.update({ where: { courseId_skillId: { courseId: current.id, skillId } }, data: { level }, select: { skillId: true } })
    }
    for (const [skillId, level] of skills.create) newSkills.push({ courseId: current.id, skillId, level })
    counts.updated++
  }
  if (newSkills.length > 0) await tx.courseSkill.createMany({ data: newSkills })
  return counts
}

export async function applyCompanies(ctx: ImportContext, companies: ImportCompany[]): Promise<Counts> {
  const { tx } = ctx
  const counts = newCounts()
  const existing = await tx.company.findMany({
    where: { key: { in: companies.map((c) => c.key) } },
    select: {
      id: true,
      key: true,
      nameZh: true,
      nameEn: true,
      city: true,
      descriptionZh: true,
      descriptionEn: true,
      website: true,
      parkIncubated: true,
      creditCode: true,
      verifiedAt: true,
      licenceVerifiedAt: true,
    },
  })
  ctx.remember('companies', existing)
  const byKey = new Map(existing.map((c) => [c.key, c]))
  const fields = (c: ImportCompany) => ({
    ...textFields('name', c.name),
    city: canonicalCity(c.city),
    ...textFields('description', c.description),
    website: c.website ?? null,
    parkIncubated: c.parkIncubated,
    // Left out, the code stays as verified; a new code needs a new verification.
    ...(c.creditCode ? { creditCode: c.creditCode } : {}),
  })

  const fresh = companies.filter((c) => !byKey.has(c.key))
  if (fresh.length > 0) {
    const created = await tx.company.createManyAndReturn({
      // An operator's import vouches for a new firm unless the file says `"verified": false`.
      data: fresh.map((c) => ({ key: c.key, ...fields(c), verifiedAt: c.verified === false ? null : ctx.now })),
      select: { id: true, key: true },
    })
    ctx.remember('companies', created)
    for (const company of created) ctx.outbox.push({ entity: 'company', entityId: company.id })
    counts.created += created.length
  }
  const unverify = companies.filter((c) => c.verified === false && byKey.has(c.key)).map((c) => c.key)
  if (unverify.length > 0) await tx.company.updateMany({ where: { key: { in: unverify }, verifiedAt: { not: null } }, data: { verifiedAt: null } })
  for (const company of companies) {
    const current = byKey.get(company.key)
    if (!current) continue
    const changes = changedFields(current, fields(company))
    if (!changes) {
      counts.unchanged++
      continue
    }
    // A new credit code is a new firm to check: the licence verification no longer holds.
    const unverify = changes.creditCode !== undefined && current.licenceVerifiedAt !== null
    await tx.company.update({ where: { id: current.id }, data: { ...changes, ...(unverify ? { licenceVerifiedAt: null } : {}) }, select: { id: true } })
    ctx.outbox.push({ entity: 'company', entityId: current.id })
    counts.updated++
  }
  return counts
}
