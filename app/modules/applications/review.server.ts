// Reading applications: the student's own list and thread, the company's overview, a
// role's applicants and one application's detail. Scope is part of every query, so an id
// from elsewhere finds nothing (404).
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { attachableCredentials, attachedCredentials, attachedSummary, attachedSummarySelect } from '#app/modules/credentials/attachments.server.ts'
import { loadRolesForMatch, loadStudentsForMatch } from '#app/modules/matching/evidence.server.ts'
import { matchIndex } from '#app/modules/matching/match-index.server.ts'
import { scoreMatch, type Bilingual } from '#app/modules/matching/scoring.ts'
import type { ShownEvidence } from '#app/modules/matching/shown-evidence.ts'
import { messageWarning } from '#app/modules/roles/posting-rules.ts'
import { storage } from '#app/modules/storage/storage.server.ts'
import { recordProfileView } from './profile-views.server.ts'
import { awaitsCompany, nextStatuses, type ApplicationStatus } from './transitions.ts'

export const NO_RESPONSE_DAYS = 14
const DAY = 24 * 60 * 60 * 1000

/** The company has owed an answer for 14 days: no status change or message since. */
export function isOverdue(a: { status: ApplicationStatus; createdAt: Date; companyActedAt: Date | null }, now = new Date()) {
  return awaitsCompany(a.status) && now.getTime() - (a.companyActedAt ?? a.createdAt).getTime() >= NO_RESPONSE_DAYS * DAY
}

const roleSummary = { select: { id: true, titleZh: true, titleEn: true, company: { select: { id: true, nameZh: true, nameEn: true } } } } as const
const history = { orderBy: { createdAt: 'asc' }, select: { fromStatus: true, toStatus: true, reason: true, createdAt: true } } as const

export async function listMyApplications(user: SessionUser) {
  if (!user.studentProfileId) return []
  const rows = await prisma.application.findMany({
    where: { studentId: user.studentProfileId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, status: true, createdAt: true, companyActedAt: true, withdrawnReason: true, role: roleSummary, events: history },
  })
  return rows.map((row) => ({ ...row, noResponse: isOverdue(row), studentNext: nextStatuses(row.status, 'student') }))
}

const threadSelect = {
  orderBy: { createdAt: 'asc' },
  select: { id: true, body: true, hiddenAt: true, createdAt: true, author: { select: { id: true, name: true } } },
} as const

type ThreadRow = { id: string; body: string; hiddenAt: Date | null; createdAt: Date; author: { id: string; name: string } }

/**
 * The thread as `reader` sees it: a message a moderator hid has no body, and the other
 * side's messages that ask for money or move the talk off the platform carry a warning.
 * The reader may report the other side's messages.
 */
function threadFor(readerId: string, messages: ThreadRow[]) {
  return messages.map(({ hiddenAt, body, ...message }) => {
    const reportable = !hiddenAt && message.author.id !== readerId
    return { ...message, body: hiddenAt ? null : body, reportable, warning: reportable ? messageWarning(body) : null }
  })
}

export async function getMyApplication(user: SessionUser, id: string) {
  if (!user.studentProfileId) return null
  const row = await prisma.application.findFirst({
    where: { id, studentId: user.studentProfileId },
    select: {
      id: true,
      status: true,
      note: true,
      createdAt: true,
      companyActedAt: true,
      withdrawnReason: true,
      role: roleSummary,
      events: history,
      messages: threadSelect,
    },
  })
  if (!row) return null
  const [credentials, attachable] = await Promise.all([attachedCredentials(row.id), attachableCredentials(user.studentProfileId, row.id)])
  return {
    ...row,
    messages: threadFor(user.id, row.messages),
    noResponse: isOverdue(row),
    studentNext: nextStatuses(row.status, 'student'),
    credentials,
    attachable,
  }
}

type Snapshot = { name?: string; email?: string }
const snapshotName = (snapshot: unknown) => (snapshot as Snapshot | null)?.name ?? ''
/** The applicant's name for the company; null once the retention job anonymised the application. */
const applicantName = (row: { anonymisedAt: Date | null; profileSnapshot: unknown }) => (row.anonymisedAt ? null : snapshotName(row.profileSnapshot))

type SnapshotEvidence = {
  evidence?: ShownEvidence[]
  skills?: Array<{ name: Bilingual; level: number }>
  courses?: Array<{ title: Bilingual; grade: number | null; verified: boolean }>
}

/** The evidence an application was sent with; snapshots from before it was stored are read from their courses and skills. */
function snapshotEvidence(snapshot: unknown): ShownEvidence[] {
  const s = (snapshot ?? {}) as SnapshotEvidence
  if (Array.isArray(s.evidence)) return s.evidence
  const courses = (s.courses ?? []).map((c): ShownEvidence => ({
    what: 'course',
    title: c.title,
    origin: c.verified ? 'verified' : 'selfReported',
    grade: c.grade,
    skills: [],
  }))
  const declared: ShownEvidence[] = s.skills?.length ? [{ what: 'skills', title: null, origin: 'selfReported', grade: null, skills: s.skills }] : []
  return [...courses, ...declared]
}

type Answer = { questionId: string; prompt: { zh: string; en: string }; answer: string; passed: boolean | null }
const answersOf = (answers: unknown): Answer[] => (Array.isArray(answers) ? (answers as Answer[]) : [])

/** Every application to the user's companies' roles, overdue ones flagged (the company dashboard). */
export async function listCompanyApplications(user: SessionUser, filter: { status?: ApplicationStatus; roleId?: string } = {}) {
  const rows = await prisma.application.findMany({
    where: {
      role: { companyId: { in: user.companyIds }, ...(filter.roleId ? { id: filter.roleId } : {}) },
      ...(filter.status ? { status: filter.status } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: { id: true, status: true, createdAt: true, companyActedAt: true, anonymisedAt: true, profileSnapshot: true, role: roleSummary },
  })
  return rows.map(({ profileSnapshot, anonymisedAt, ...row }) => ({
    ...row,
    name: applicantName({ anonymisedAt, profileSnapshot }),
    overdue: isOverdue(row),
  }))
}

function sumByStatus(rows: Array<{ status: ApplicationStatus; _count: { _all: number } }>) {
  const sums: Partial<Record<ApplicationStatus, number>> = {}
  for (const row of rows) sums[row.status] = (sums[row.status] ?? 0) + row._count._all
  return sums
}

/** A company's applications since `since`, newest first (at most `limit`), and how many there are (the company home). */
export async function newApplicants(user: SessionUser, companyId: string, since: Date, limit: number) {
  const where = { role: { companyId: { in: user.companyIds.filter((id) => id === companyId) } }, createdAt: { gte: since } }
  const [rows, count] = await Promise.all([
    prisma.application.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true, status: true, createdAt: true, profileSnapshot: true, role: { select: { id: true, titleZh: true, titleEn: true } } },
    }),
    prisma.application.count({ where }),
  ])
  return { count, items: rows.map(({ profileSnapshot, ...row }) => ({ ...row, name: snapshotName(profileSnapshot) })) }
}

/** Current match scores (0–100) of the applicants for an open role, from the matching module. */
async function matchScores(roleId: string, studentIds: string[], now = new Date()) {
  const [{ skills }, students, roles] = await Promise.all([matchIndex(), loadStudentsForMatch(studentIds), loadRolesForMatch([roleId])])
  const role = roles.get(roleId)
  const scores = new Map<string, number>()
  if (!role) return scores
  for (const [id, student] of students) {
    const result = scoreMatch(student, role, skills, now)
    if (result) scores.set(id, result.score)
  }
  return scores
}

export async function listApplicants(user: SessionUser, roleId: string, options: { status?: ApplicationStatus; sort?: 'date' | 'score' }) {
  const role = await prisma.internshipRole.findFirst({
    where: { id: roleId, companyId: { in: user.companyIds } },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      questions: { orderBy: { position: 'asc' }, select: { id: true, promptZh: true, promptEn: true, requiredAnswer: true } },
    },
  })
  if (!role) return null
  const where: Prisma.ApplicationWhereInput = { roleId: role.id, ...(options.status ? { status: options.status } : {}) }
  const [rows, counts, anonymousCounts] = await Promise.all([
    prisma.application.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      select: {
        id: true,
        status: true,
        createdAt: true,
        companyActedAt: true,
        studentId: true,
        anonymisedAt: true,
        profileSnapshot: true,
        answers: true,
        resume: { select: { id: true, filename: true } },
      },
    }),
    prisma.application.groupBy({ by: ['status'], where: { roleId: role.id }, _count: { _all: true } }),
    // Deleted accounts' applications still count (decision 029).
    prisma.anonymousApplication.groupBy({ by: ['status'], where: { roleId: role.id }, _count: { _all: true } }),
  ])
  const scores = await matchScores(
    role.id,
    rows.filter((row) => !row.anonymisedAt).map((row) => row.studentId),
  )
  const applicants = rows.map(({ profileSnapshot, answers, studentId, anonymisedAt, resume, ...row }) => {
    const list = anonymisedAt ? [] : answersOf(answers)
    return {
      ...row,
      name: applicantName({ anonymisedAt, profileSnapshot }),
      resume: anonymisedAt ? null : resume,
      score: anonymisedAt ? null : (scores.get(studentId) ?? null),
      answers: list,
      passesScreen: list.every((a) => a.passed !== false),
      overdue: isOverdue(row),
      next: nextStatuses(row.status, 'company'),
    }
  })
  // Newest first; by score, unscored last and ties newest first.
  if (options.sort === 'score') applicants.sort((a, b) => (b.score ?? -1) - (a.score ?? -1))
  return {
    role,
    counts: sumByStatus([...counts, ...anonymousCounts]),
    applicants,
  }
}

/**
 * One application for the company's members, with private notes and the thread. Opening it
 * shows the student's profile, so the view is written to the student's access log. Once
 * anonymised (retention.server.ts) it shows the role, the statuses and their dates only.
 */
export async function getCompanyApplication(user: SessionUser, id: string) {
  const row = await prisma.application.findFirst({
    where: { id, role: { companyId: { in: user.companyIds } } },
    select: {
      id: true,
      status: true,
      note: true,
      createdAt: true,
      companyActedAt: true,
      withdrawnReason: true,
      studentId: true,
      anonymisedAt: true,
      profileSnapshot: true,
      answers: true,
      resume: { select: { id: true, filename: true, size: true } },
      role: roleSummary,
      events: { orderBy: { createdAt: 'asc' }, select: { fromStatus: true, toStatus: true, reason: true, createdAt: true, actor: { select: { name: true } } } },
      notes: { orderBy: { createdAt: 'asc' }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      messages: threadSelect,
    },
  })
  if (!row) return null
  if (row.anonymisedAt) {
    const { id, status, createdAt, companyActedAt, role, events } = row
    return {
      id,
      status,
      createdAt,
      companyActedAt,
      role,
      anonymised: true as const,
      events: events.map(({ actor: _actor, reason: _reason, ...event }) => ({ ...event, actor: null, reason: null })),
      note: null,
      withdrawnReason: null,
      resume: null,
      notes: [],
      messages: [],
      snapshot: null,
      answers: [],
      credentials: [],
      overdue: false,
      next: [],
    }
  }
  await recordProfileView(prisma, { studentId: row.studentId, viewerId: user.id, companyId: row.role.company.id, context: `application:${row.id}` })
  const { profileSnapshot, answers, studentId: _studentId, messages, anonymisedAt: _anonymisedAt, ...rest } = row
  return {
    anonymised: false as const,
    ...rest,
    credentials: await attachedCredentials(row.id),
    messages: threadFor(user.id, messages),
    snapshot: profileSnapshot as Record<string, unknown>,
    evidence: snapshotEvidence(profileSnapshot),
    answers: answersOf(answers),
    overdue: isOverdue(row),
    next: nextStatuses(row.status, 'company'),
  }
}

/** The résumé sent with an application, for the company's members (logged as a view). */
export async function companyResume(user: SessionUser, applicationId: string) {
  const row = await prisma.application.findFirst({
    where: { id: applicationId, anonymisedAt: null, role: { companyId: { in: user.companyIds } } },
    select: { studentId: true, role: { select: { companyId: true } }, resume: { select: { filename: true, storageKey: true } } },
  })
  if (!row?.resume) return null
  const bytes = await storage.get(row.resume.storageKey)
  if (!bytes) return null
  await recordProfileView(prisma, { studentId: row.studentId, viewerId: user.id, companyId: row.role.companyId, context: `resume:${applicationId}` })
  return { filename: row.resume.filename, bytes }
}

/** The JSON API's list: a student's own applications, or a company member's (one role or all). */
export async function apiListApplications(user: SessionUser, roleRef: string | null) {
  let where: Prisma.ApplicationWhereInput
  if (roleRef) {
    const role = await prisma.internshipRole.findFirst({
      where: { ...(roleRef.startsWith('key:') ? { key: roleRef.slice(4) } : { id: roleRef }), companyId: { in: user.companyIds } },
      select: { id: true },
    })
    if (!role) return null
    where = { roleId: role.id }
  } else {
    where = {
      OR: [
        ...(user.studentProfileId ? [{ studentId: user.studentProfileId }] : []),
        ...(user.companyIds.length ? [{ role: { companyId: { in: user.companyIds } } }] : []),
      ],
    }
    if ((where.OR as unknown[]).length === 0) return []
  }
  const rows = await prisma.application.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    take: 1000,
    select: {
      id: true,
      status: true,
      note: true,
      createdAt: true,
      updatedAt: true,
      studentId: true,
      companyActedAt: true,
      anonymisedAt: true,
      profileSnapshot: true,
      role: { select: { id: true, key: true, titleZh: true, titleEn: true, companyId: true } },
      credentials: { orderBy: { attachedAt: 'asc' }, select: { credential: { select: attachedSummarySelect } } },
    },
  })
  return rows.map((row) => {
    // Anonymised for the company; the student still sees their own application whole.
    const hidden = row.anonymisedAt !== null && row.studentId !== user.studentProfileId
    return {
      id: row.id,
      status: row.status,
      note: hidden ? null : row.note,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      noResponse: isOverdue(row),
      role: {
        id: row.role.id,
        key: row.role.key,
        title: { ...(row.role.titleZh ? { zh: row.role.titleZh } : {}), ...(row.role.titleEn ? { en: row.role.titleEn } : {}) },
      },
      student: hidden ? null : { id: row.studentId, name: snapshotName(row.profileSnapshot) },
      credentials: hidden ? [] : row.credentials.map(({ credential }) => attachedSummary(credential)),
    }
  })
}
