// What a signed-in student's home shows: recommendations with the profile-strength meter,
// the deadlines of saved roles and of open applications, the registered events coming up,
// and one course or event that closes the student's biggest skill gap, with the reason.
import type { Locale } from '#app/i18n/locale.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { applicationStatuses, isFinal } from '#app/modules/applications/transitions.ts'
import { matchIndex } from '#app/modules/matching/match-index.server.ts'
import { nextBestAction, recommendationsFor } from '#app/modules/matching/matching.server.ts'
import { openRoleWhere } from '#app/modules/roles/open.ts'
import { profileIsEmpty } from '#app/modules/students/profile.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'

const RECOMMENDED = 5
const DEADLINES = 6
const EVENTS = 4
/** Gaps tried, biggest first, until one has a course or an event that teaches it. */
const GAPS_TRIED = 5

const openApplicationStatuses = applicationStatuses.filter((status) => !isFinal(status))

const deadlineRoleSelect = {
  id: true,
  titleZh: true,
  titleEn: true,
  closesAt: true,
  company: { select: { nameZh: true, nameEn: true } },
} as const satisfies Prisma.InternshipRoleSelect

type DeadlineRole = Prisma.InternshipRoleGetPayload<{ select: typeof deadlineRoleSelect }>

/**
 * Open roles the student saved or applied to (and may still hear from), soonest deadline
 * first. A saved role the student has applied to appears once, as an application.
 */
export async function studentDeadlines(studentId: string, now = new Date(), limit = DEADLINES) {
  const open = openRoleWhere(now)
  const [applied, saved] = await Promise.all([
    prisma.application.findMany({
      where: { studentId, status: { in: openApplicationStatuses }, role: open },
      orderBy: [{ role: { closesAt: 'asc' } }, { roleId: 'asc' }],
      take: limit,
      select: { id: true, status: true, role: { select: deadlineRoleSelect } },
    }),
    prisma.savedRole.findMany({
      where: { studentId, role: { ...open, applications: { none: { studentId } } } },
      orderBy: [{ role: { closesAt: 'asc' } }, { roleId: 'asc' }],
      take: limit,
      select: { role: { select: deadlineRoleSelect } },
    }),
  ])
  type Entry = { role: DeadlineRole } & ({ kind: 'application'; applicationId: string; status: (typeof openApplicationStatuses)[number] } | { kind: 'saved' })
  const entries: Entry[] = [
    ...applied.map((a) => ({ kind: 'application' as const, applicationId: a.id, status: a.status as (typeof openApplicationStatuses)[number], role: a.role })),
    ...saved.map((s) => ({ kind: 'saved' as const, role: s.role })),
  ]
  return entries.sort((a, b) => a.role.closesAt.getTime() - b.role.closesAt.getTime() || (a.role.id < b.role.id ? -1 : 1)).slice(0, limit)
}

/** Events the user registered for (or is waiting for) that have not ended, soonest first. */
export async function upcomingRegisteredEvents(userId: string, now = new Date(), limit = EVENTS) {
  const rows = await prisma.registration.findMany({
    where: {
      status: { in: ['confirmed', 'waitlisted', 'pending'] },
      OR: [{ userId }, { team: { members: { some: { userId } } } }],
      event: { endsAt: { gt: now }, hiddenAt: null, status: 'published' },
    },
    orderBy: [{ event: { startsAt: 'asc' } }, { id: 'asc' }],
    take: limit,
    select: { status: true, event: { select: { id: true, kind: true, titleZh: true, titleEn: true, startsAt: true, endsAt: true } } },
  })
  return rows.map((r) => ({ status: r.status, ...r.event }))
}

/**
 * The skills open roles ask for most that the student shows no evidence of, biggest first.
 * Roles are those matching the student's preferred cities (or remote) and work modes; when
 * none of those asks for a missing skill, all open roles. Evidence of a child skill counts
 * for its parent, as scoring reads it.
 */
export async function biggestSkillGaps(studentId: string, now = new Date(), limit = GAPS_TRIED) {
  const index = await matchIndex()
  const student = index.student(studentId)
  if (!student) return { scope: 'open' as const, gaps: [] }
  const held = new Set<string>()
  for (const e of student.evidence) {
    held.add(e.skillId)
    const parentId = index.skills.get(e.skillId)?.parentId
    if (parentId) held.add(parentId)
  }
  const demand = (roleWhere: Prisma.InternshipRoleWhereInput) =>
    prisma.roleSkill.groupBy({
      by: ['skillId'],
      where: { skillId: { notIn: [...held] }, role: { ...openRoleWhere(now), ...roleWhere } },
      _count: { roleId: true },
      orderBy: [{ _count: { roleId: 'desc' } }, { skillId: 'asc' }],
      take: limit,
    })
  const cities = student.preferredCities
  const modes = student.workModes
  const preferences: Prisma.InternshipRoleWhereInput = {
    ...(cities.length > 0 ? { OR: [{ city: { in: cities } }, { workMode: 'remote' }] } : {}),
    ...(modes.length > 0 ? { workMode: { in: modes } } : {}),
  }
  const hasPreferences = cities.length > 0 || modes.length > 0
  let scope: 'preferences' | 'open' = hasPreferences ? 'preferences' : 'open'
  let rows = await demand(preferences)
  if (rows.length === 0 && hasPreferences) {
    scope = 'open'
    rows = await demand({})
  }
  return {
    scope,
    gaps: rows.flatMap((row) => {
      const skill = index.skills.get(row.skillId)
      return skill ? [{ skillId: row.skillId, name: skill.name, roles: row._count.roleId }] : []
    }),
  }
}

/**
 * One course from the student's university catalogue (not yet taken) or one upcoming event
 * open for registration (not yet registered for) that teaches the biggest gap something
 * on Lianqiao can close; a course before an event. Null gap: nothing is missing.
 */
export async function gapSuggestion(user: { id: string }, studentId: string, now = new Date()) {
  const [{ scope, gaps }, profile] = await Promise.all([
    biggestSkillGaps(studentId, now),
    prisma.studentProfile.findUnique({ where: { id: studentId }, select: { universityId: true } }),
  ])
  if (gaps.length === 0) return { gap: null, suggestion: null }
  const skillIds = gaps.map((g) => g.skillId)
  const universityId = profile?.universityId ?? null
  const [courses, events] = await Promise.all([
    universityId
      ? prisma.courseSkill.findMany({
          where: { skillId: { in: skillIds }, course: { universityId, studentCourses: { none: { studentId } } } },
          orderBy: [{ level: 'desc' }, { courseId: 'asc' }],
          take: GAPS_TRIED * 2,
          select: { skillId: true, course: { select: { id: true, code: true, titleZh: true, titleEn: true } } },
        })
      : [],
    prisma.eventSkill.findMany({
      where: {
        skillId: { in: skillIds },
        event: { status: 'published', hiddenAt: null, startsAt: { gt: now }, registrationClosesAt: { gt: now }, registrations: { none: { userId: user.id } } },
      },
      orderBy: [{ event: { startsAt: 'asc' } }, { eventId: 'asc' }],
      take: GAPS_TRIED * 2,
      select: { skillId: true, event: { select: { id: true, titleZh: true, titleEn: true, startsAt: true } } },
    }),
  ])
  for (const gap of gaps) {
    const course = courses.find((c) => c.skillId === gap.skillId)?.course
    if (course) return { gap: { ...gap, scope }, suggestion: { kind: 'course' as const, ...course } }
    const event = events.find((e) => e.skillId === gap.skillId)?.event
    if (event) return { gap: { ...gap, scope }, suggestion: { kind: 'event' as const, ...event } }
  }
  return { gap: { ...gaps[0]!, scope }, suggestion: null }
}

/** Everything the student's home shows, in one call. */
export async function studentHome(user: SessionUser & { studentProfileId: string }, locale: Locale, now = new Date()) {
  const studentId = user.studentProfileId
  const [recommended, next, empty, deadlines, events, gap] = await Promise.all([
    recommendationsFor(studentId, { limit: RECOMMENDED, locale, now }),
    nextBestAction(studentId, now),
    profileIsEmpty(studentId),
    studentDeadlines(studentId, now),
    upcomingRegisteredEvents(user.id, now),
    gapSuggestion(user, studentId, now),
  ])
  return { recommended: recommended.items, next, empty, deadlines, events, gap }
}
