// Loads what the scoring rules need, in a handful of batched queries whatever the number
// of students or roles: the taxonomy, each student's evidence, each role's wants.
import { prisma } from '#app/lib/db.server.ts'
import type { Bilingual, Evidence, RoleForMatch, SkillInfo, StudentForMatch } from './scoring.ts'

export function bilingual(zh: string | null | undefined, en: string | null | undefined): Bilingual {
  return { zh: zh || en || '', en: en || zh || '' }
}

/** The whole taxonomy (hundreds of rows): small enough to read per request, always current. */
export async function loadSkillMap(): Promise<Map<string, SkillInfo>> {
  const rows = await prisma.skill.findMany({ select: { id: true, key: true, nameZh: true, nameEn: true, parentId: true } })
  return new Map(rows.map((s) => [s.id, { id: s.id, key: s.key, name: bilingual(s.nameZh, s.nameEn), parentId: s.parentId }]))
}

export type LoadedStudent = StudentForMatch & { userId: string; key: string | null; name: string; university: Bilingual | null }

export async function loadStudentsForMatch(ids: string[]): Promise<Map<string, LoadedStudent>> {
  if (ids.length === 0) return new Map()
  const profiles = await prisma.studentProfile.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      key: true,
      userId: true,
      universityId: true,
      preferredCities: true,
      workModes: true,
      availableFrom: true,
      daysPerWeek: true,
      user: { select: { name: true } },
      university: { select: { nameZh: true, nameEn: true } },
      languages: { select: { language: true, level: true } },
      skills: { select: { skillId: true, level: true } },
      courses: {
        select: {
          grade: true,
          verified: true,
          course: { select: { id: true, titleZh: true, titleEn: true, skills: { select: { skillId: true, level: true } } } },
        },
      },
    },
  })
  const userIds = profiles.map((p) => p.userId)
  // Participation counts once the place is confirmed or the student was checked in; a
  // contest team's registration counts for every member.
  const registrations = await prisma.registration.findMany({
    where: {
      OR: [{ status: 'confirmed' }, { checkedInAt: { not: null } }],
      AND: [{ OR: [{ userId: { in: userIds } }, { team: { members: { some: { userId: { in: userIds } } } } }] }],
      event: { skills: { some: {} } },
    },
    select: {
      userId: true,
      team: { select: { members: { select: { userId: true } } } },
      event: { select: { id: true, titleZh: true, titleEn: true, skills: { select: { skillId: true, level: true } } } },
    },
  })
  const eventEvidence = new Map<string, Evidence[]>()
  for (const registration of registrations) {
    const people = new Set([registration.userId, ...(registration.team?.members.map((m) => m.userId) ?? [])])
    for (const userId of people) {
      const list = eventEvidence.get(userId) ?? []
      for (const s of registration.event.skills) {
        list.push({ skillId: s.skillId, level: s.level, source: { kind: 'event', eventId: registration.event.id, title: bilingual(registration.event.titleZh, registration.event.titleEn) } })
      }
      eventEvidence.set(userId, list)
    }
  }
  const result = new Map<string, LoadedStudent>()
  for (const p of profiles) {
    const evidence: Evidence[] = [
      ...p.skills.map((s): Evidence => ({ skillId: s.skillId, level: s.level, source: { kind: 'declared' } })),
      ...p.courses.flatMap((c) =>
        c.course.skills.map(
          (s): Evidence => ({
            skillId: s.skillId,
            level: s.level,
            source: { kind: c.verified ? 'verifiedCourse' : 'claimedCourse', courseId: c.course.id, title: bilingual(c.course.titleZh, c.course.titleEn), grade: c.grade },
          }),
        ),
      ),
      ...(eventEvidence.get(p.userId) ?? []),
    ]
    result.set(p.id, {
      id: p.id,
      key: p.key,
      userId: p.userId,
      name: p.user.name,
      university: p.university ? bilingual(p.university.nameZh, p.university.nameEn) : null,
      universityId: p.universityId,
      preferredCities: p.preferredCities,
      workModes: p.workModes,
      availableFrom: p.availableFrom,
      daysPerWeek: p.daysPerWeek,
      languages: p.languages,
      evidence,
    })
  }
  return result
}

export async function loadRolesForMatch(ids: string[]): Promise<Map<string, RoleForMatch & { companyId: string; openings: number }>> {
  if (ids.length === 0) return new Map()
  const roles = await prisma.internshipRole.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      companyId: true,
      city: true,
      workMode: true,
      daysPerWeek: true,
      languages: true,
      closesAt: true,
      status: true,
      openings: true,
      skills: { select: { skillId: true, level: true, required: true } },
    },
  })
  return new Map(roles.map((r) => [r.id, r]))
}

/** Skills a student has evidence for, with the best strength, plus the parents they partly show. */
export function evidenceSkillWeights(evidence: Evidence[], skills: ReadonlyMap<string, SkillInfo>, childFactor: number): Map<string, number> {
  const weights = new Map<string, number>()
  const bump = (id: string, w: number) => weights.set(id, Math.max(weights.get(id) ?? 0, w))
  for (const e of evidence) {
    const w = e.level / 5
    bump(e.skillId, w)
    const parent = skills.get(e.skillId)?.parentId
    if (parent) bump(parent, w * childFactor)
  }
  return weights
}
