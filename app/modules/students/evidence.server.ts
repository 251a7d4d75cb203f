// Evidence a student adds themselves: a course outside the catalogue, a project, past work,
// a contest result, each with the skills it shows. Shown and scored as self-reported
// (docs/decisions/021); the matching index follows through the MatchChange trigger.
import type { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
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
