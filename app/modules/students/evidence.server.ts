// Evidence a student adds themselves: a course outside the catalogue, a project, past work,
// a contest result, each with the skills it shows. Shown and scored as self-reported
// (docs/decisions/021); the matching index follows through the MatchChange trigger.
import type { z } from 'zod'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, notFound, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import type { evidenceSchema } from './schemas.ts'

export function listEvidence(studentId: string) {
  return prisma.studentEvidence.findMany({
    where: { studentId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      kind: true,
      title: true,
      url: true,
      description: true,
      result: true,
      startsOn: true,
      endsOn: true,
      skills: { orderBy: { level: 'desc' }, select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true, category: true } } } },
    },
  })
}

export async function addEvidence(studentId: string, value: z.output<typeof evidenceSchema>) {
  return prisma.$transaction(async (tx) => {
    if ((await tx.studentEvidence.count({ where: { studentId } })) >= listCaps.evidencePerStudent) throw tooMany(listCaps.evidencePerStudent, 'title')
    const keys = value.skills.map((s) => s.skill.toLowerCase())
    const known = await tx.skill.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })
    const unknown = keys.filter((key) => !known.some((k) => k.key === key))
    if (unknown.length > 0) {
      throw new UserFacingError(422, 'universities.unknownSkill', { skill: unknown.join(', ') }, [
        { path: 'skills', key: 'universities.unknownSkill', params: { skill: unknown.join(', ') } },
      ])
    }
    const evidence = await tx.studentEvidence.create({
      data: {
        studentId,
        kind: value.kind,
        title: value.title,
        url: value.url ?? null,
        description: value.description ?? null,
        result: value.kind === 'contest' ? (value.result ?? null) : null,
        startsOn: value.startsOn ?? null,
        endsOn: value.endsOn ?? null,
      },
      select: { id: true },
    })
    await tx.studentEvidenceSkill.createMany({
      data: value.skills.map((s) => ({ evidenceId: evidence.id, studentId, skillId: known.find((k) => k.key === s.skill.toLowerCase())!.id, level: s.level })),
    })
    return evidence
  })
}

export async function removeEvidence(studentId: string, evidenceId: string) {
  const { count } = await prisma.studentEvidence.deleteMany({ where: { id: evidenceId, studentId } })
  if (count === 0) throw notFound()
}

/** A course title as people type it: case, width, spaces and punctuation do not count. */
export function normaliseCourseTitle(title: string) {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/**
 * The university confirmed these results (roster upload or import): a course the student
 * reported in free text for one of them (same university, same title or code) merges into
 * the verified record, so it is listed once. Skills the student named that the course does
 * not teach stay as their own declared skills (decision 035).
 */
export async function mergeConfirmedCourses(tx: Tx, results: Array<{ studentId: string; courseId: string }>) {
  if (results.length === 0) return 0
  const courses = await tx.course.findMany({
    where: { id: { in: [...new Set(results.map((r) => r.courseId))] } },
    select: { id: true, universityId: true, code: true, titleZh: true, titleEn: true, skills: { select: { skillId: true } } },
  })
  const reported = await tx.studentEvidence.findMany({
    where: { kind: 'course', studentId: { in: [...new Set(results.map((r) => r.studentId))] } },
    select: { id: true, studentId: true, title: true, student: { select: { universityId: true } }, skills: { select: { skillId: true, level: true } } },
  })
  if (reported.length === 0) return 0
  const namesOf = new Map(
    courses.map((c) => [c.id, new Set([c.titleZh, c.titleEn, c.code].flatMap((name) => (name ? [normaliseCourseTitle(name)] : [])).filter(Boolean))]),
  )
  const merged: typeof reported = []
  for (const { studentId, courseId } of results) {
    const course = courses.find((c) => c.id === courseId)
    const names = namesOf.get(courseId)
    if (!course || !names) continue
    for (const entry of reported) {
      if (entry.studentId !== studentId || entry.student.universityId !== course.universityId || merged.includes(entry)) continue
      if (!names.has(normaliseCourseTitle(entry.title))) continue
      merged.push(entry)
      const taught = new Set(course.skills.map((s) => s.skillId))
      const kept = entry.skills.filter((s) => !taught.has(s.skillId))
      if (kept.length > 0)
        await tx.studentSkill.createMany({ data: kept.map((s) => ({ studentId, skillId: s.skillId, level: s.level })), skipDuplicates: true })
    }
  }
  if (merged.length > 0) await tx.studentEvidence.deleteMany({ where: { id: { in: merged.map((e) => e.id) } } })
  return merged.length
}
