// Applying, and moving an application through the pipeline. Every change is one
// transaction that also writes the history row (who, when) and the notifications.
import type { z } from 'zod'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, conflict, notFound, unprocessable, type FieldProblem } from '#app/lib/errors.server.ts'
import { translate } from '#app/i18n/translate.ts'
import { requireVerifiedEmail } from '#app/modules/auth/permissions.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { attachableCredentials, attachInTx } from '#app/modules/credentials/attachments.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { loadStudentsForMatch } from '#app/modules/matching/evidence.server.ts'
import { shownEvidence } from '#app/modules/matching/shown-evidence.ts'
import { canSeeRole } from '#app/modules/roles/roles.server.ts'
import { profilePreferencesSelect } from '#app/modules/students/profile.server.ts'
import type { applySchema } from './schemas.ts'
import { isOpen } from '#app/modules/roles/open.ts'
import { canTransition, type Actor, type ApplicationStatus } from './transitions.ts'

const TX = { timeout: 15_000 }

/** Page and API ids: a role's id, or `key:KEY` (the import format's external key). */
export function roleWhere(idOrKey: string): Prisma.InternshipRoleWhereUniqueInput {
  return idOrKey.startsWith('key:') ? { key: idOrKey.slice(4) } : { id: idOrKey }
}

const bilingual = (zh: string | null, en: string | null) => ({ zh: zh ?? en ?? '', en: en ?? zh ?? '' })

export const statusLabel = (status: ApplicationStatus) => ({
  zh: translate('zh-CN', `applications.status.${status}`),
  en: translate('en', `applications.status.${status}`),
})

const questionSelect = { id: true, position: true, kind: true, promptZh: true, promptEn: true, options: true, requiredAnswer: true } as const

/** What the apply page shows: the role (open or not), its questions, the student's résumés. */
export async function loadApplyPage(idOrKey: string, user: SessionUser) {
  const role = await prisma.internshipRole.findUnique({
    where: roleWhere(idOrKey),
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      status: true,
      closesAt: true,
      deadline: true,
      companyId: true,
      hiddenAt: true,
      company: { select: { nameZh: true, nameEn: true, verifiedAt: true, suspendedAt: true } },
      questions: { orderBy: { position: 'asc' }, select: questionSelect },
    },
  })
  if (!role || !canSeeRole(user, role)) return null
  const studentId = user.studentProfileId
  const [resumes, existing, credentials] = studentId
    ? await Promise.all([
        prisma.resume.findMany({ where: { studentId }, orderBy: { createdAt: 'desc' }, select: { id: true, filename: true, createdAt: true } }),
        prisma.application.findUnique({ where: { roleId_studentId: { roleId: role.id, studentId } }, select: { id: true, status: true, createdAt: true } }),
        attachableCredentials(studentId),
      ])
    : [[], null, []]
  return { role: { ...role, open: isOpen(role) }, resumes, existing, credentials }
}

type Question = {
  id: string
  kind: 'yes_no' | 'single_choice' | 'short_text'
  promptZh: string | null
  promptEn: string | null
  options: string[]
  requiredAnswer: string | null
}

/** Checks every question is answered in its kind's terms; the stored form keeps the prompt. */
export function checkAnswers(questions: Question[], given: Record<string, string> | undefined) {
  const problems: FieldProblem[] = []
  const answers = questions.map((question) => {
    const answer = (given?.[question.id] ?? '').trim()
    const path = `answers.${question.id}`
    if (!answer) problems.push({ path, key: 'validation.required' })
    else if (question.kind === 'yes_no' && answer !== 'yes' && answer !== 'no') problems.push({ path, key: 'applications.answerYesNo' })
    else if (question.kind === 'single_choice' && !question.options.includes(answer)) problems.push({ path, key: 'applications.answerChoice' })
    else if (answer.length > 1000) problems.push({ path, key: 'validation.maxChars', params: { max: 1000 } })
    return {
      questionId: question.id,
      kind: question.kind,
      prompt: bilingual(question.promptZh, question.promptEn),
      answer,
      passed: question.requiredAnswer === null ? null : answer === question.requiredAnswer,
    }
  })
  if (problems.length) throw new UserFacingError(422, 'validation.formErrors', undefined, problems)
  return answers
}

/** The student's profile as it is now; the company sees this, not later edits. */
async function profileSnapshot(tx: Tx, studentId: string) {
  const profile = await tx.studentProfile.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      ...profilePreferencesSelect,
      user: { select: { name: true, email: true } },
      university: { select: { nameZh: true, nameEn: true } },
      languages: { select: { language: true, level: true } },
      skills: { select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true } } } },
      courses: { select: { grade: true, verified: true, course: { select: { titleZh: true, titleEn: true, code: true } } } },
    },
  })
  // The evidence as the scorer reads it, each piece with its source, for the company's view.
  const pieces = (await loadStudentsForMatch([studentId])).get(studentId)?.evidence ?? []
  const skillNames = await tx.skill.findMany({
    where: { id: { in: [...new Set(pieces.map((p) => p.skillId))] } },
    select: { id: true, nameZh: true, nameEn: true },
  })
  const names = new Map(skillNames.map((s) => [s.id, bilingual(s.nameZh, s.nameEn)]))
  return {
    name: profile.user.name,
    email: profile.user.email,
    university: profile.university ? bilingual(profile.university.nameZh, profile.university.nameEn) : null,
    major: profile.major,
    graduationYear: profile.graduationYear,
    preferredCities: profile.preferredCities,
    workModes: profile.workModes,
    availableFrom: profile.availableFrom?.toISOString().slice(0, 10) ?? null,
    daysPerWeek: profile.daysPerWeek,
    languages: profile.languages,
    skills: profile.skills.map((s) => ({ key: s.skill.key, name: bilingual(s.skill.nameZh, s.skill.nameEn), level: s.level })),
    courses: profile.courses.map((c) => ({ title: bilingual(c.course.titleZh, c.course.titleEn), code: c.course.code, grade: c.grade, verified: c.verified })),
    evidence: shownEvidence(pieces, (id) => names.get(id) ?? { zh: id, en: id }),
    takenAt: new Date().toISOString(),
  }
}

async function companyMemberIds(tx: Tx, companyId: string) {
  const members = await tx.companyMember.findMany({ where: { companyId }, select: { userId: true } })
  return members.map((m) => m.userId)
}

const alreadyApplied = (existing: { id: string; status: string }) =>
  conflict('applications.alreadyApplied', { application: { id: existing.id, status: existing.status } })

/**
 * Applies once: a second submission (double click, resubmitted form, concurrent request)
 * hits the unique (role, student) and answers 409 with the existing application.
 */
export async function applyToRole(user: SessionUser, idOrKey: string, input: z.output<typeof applySchema>) {
  const studentId = user.studentProfileId
  if (!studentId) throw notFound()
  const role = await prisma.internshipRole.findUnique({
    where: roleWhere(idOrKey),
    select: {
      id: true,
      status: true,
      closesAt: true,
      companyId: true,
      titleZh: true,
      titleEn: true,
      hiddenAt: true,
      company: { select: { verifiedAt: true, suspendedAt: true } },
      questions: { orderBy: { position: 'asc' }, select: questionSelect },
    },
  })
  // A role the student may not see (a draft, a hidden role, an unverified company's) is a 404, not "closed".
  if (!role || !canSeeRole(user, role)) throw notFound()
  await requireVerifiedEmail(prisma, user.id)
  if (!isOpen(role)) throw unprocessable('applications.roleNotOpen')
  const existing = await prisma.application.findUnique({ where: { roleId_studentId: { roleId: role.id, studentId } }, select: { id: true, status: true } })
  if (existing) throw alreadyApplied(existing)
  const answers = checkAnswers(role.questions, input.answers)
  if (input.resumeId) {
    const resume = await prisma.resume.findFirst({ where: { id: input.resumeId, studentId }, select: { id: true } })
    if (!resume) throw new UserFacingError(422, 'validation.formErrors', undefined, [{ path: 'resumeId', key: 'applications.resumeUnknown' }])
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.application.create({
        data: {
          roleId: role.id,
          studentId,
          note: input.note ?? null,
          resumeId: input.resumeId ?? null,
          profileSnapshot: await profileSnapshot(tx, studentId),
          answers: answers.length ? answers : Prisma.JsonNull,
        },
        select: { id: true, status: true, createdAt: true },
      })
      await tx.applicationEvent.create({ data: { applicationId: created.id, toStatus: 'submitted', actorId: user.id }, select: { id: true } })
      await attachInTx(tx, studentId, created.id, input.credentialIds ?? [])
      for (const memberId of await companyMemberIds(tx, role.companyId)) {
        await notify(tx, {
          userId: memberId,
          type: 'application.received',
          data: { student: user.name, role: bilingual(role.titleZh, role.titleEn) },
          link: `/company/applications/${created.id}`,
        })
      }
      return created
    }, TX)
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const winner = await prisma.application.findUnique({ where: { roleId_studentId: { roleId: role.id, studentId } }, select: { id: true, status: true } })
      if (winner) throw alreadyApplied(winner)
    }
    throw error
  }
}

const applicationScope = (user: SessionUser, actor: Actor): Prisma.ApplicationWhereInput =>
  actor === 'student' ? { studentId: user.studentProfileId ?? '-' } : { role: { companyId: { in: user.companyIds } } }

/**
 * Moves one application, inside the caller's transaction. What the user may not see is a
 * 404; an illegal step a 422; a change that raced with another a 409.
 */
async function transition(tx: Tx, user: SessionUser, actor: Actor, applicationId: string, to: ApplicationStatus, reason?: string) {
  const application = await tx.application.findFirst({
    where: { id: applicationId, ...applicationScope(user, actor) },
    select: {
      id: true,
      status: true,
      firstResponseAt: true,
      student: { select: { userId: true } },
      role: { select: { companyId: true, titleZh: true, titleEn: true, company: { select: { nameZh: true, nameEn: true } } } },
    },
  })
  if (!application) throw notFound()
  const from = application.status
  if (!canTransition(from, to, actor)) {
    throw new UserFacingError(
      422,
      'applications.illegalTransition',
      { from: translate(user.locale, `applications.status.${from}`), to: translate(user.locale, `applications.status.${to}`) },
      [],
      { from, to },
    )
  }
  const now = new Date()
  const changed = await tx.application.updateMany({
    where: { id: application.id, status: from },
    data: {
      status: to,
      ...(actor === 'company' ? { companyActedAt: now, firstResponseAt: application.firstResponseAt ?? now } : {}),
      ...(to === 'withdrawn' ? { withdrawnReason: reason ?? null } : {}),
    },
  })
  if (changed.count !== 1) throw conflict('applications.changedMeanwhile')
  await tx.applicationEvent.create({
    data: { applicationId: application.id, fromStatus: from, toStatus: to, actorId: user.id, reason: reason ?? null },
    select: { id: true },
  })
  const role = bilingual(application.role.titleZh, application.role.titleEn)
  if (actor === 'company') {
    await notify(tx, {
      userId: application.student.userId,
      type: 'application.statusChanged',
      data: { role, company: bilingual(application.role.company.nameZh, application.role.company.nameEn), status: statusLabel(to) },
      link: `/applications/${application.id}`,
    })
  } else {
    for (const memberId of await companyMemberIds(tx, application.role.companyId)) {
      await notify(tx, {
        userId: memberId,
        // A student only withdraws or accepts an offer; each has its own sentence for the company.
        type: to === 'withdrawn' ? 'application.withdrawn' : 'application.offerAccepted',
        data: { role, student: user.name },
        link: `/company/applications/${application.id}`,
      })
    }
  }
  return { id: application.id, status: to, from }
}

/** A company member moves an application of one of their company's roles. */
export function changeStatus(user: SessionUser, applicationId: string, to: ApplicationStatus) {
  return prisma.$transaction((tx) => transition(tx, user, 'company', applicationId, to), TX)
}

/** All or nothing: one illegal or foreign application leaves every one unchanged. */
export function changeStatusMany(user: SessionUser, applicationIds: string[], to: ApplicationStatus) {
  return prisma.$transaction(
    async (tx) => {
      const results = []
      for (const id of new Set(applicationIds)) results.push(await transition(tx, user, 'company', id, to))
      return results
    },
    { timeout: 60_000 },
  )
}

export function withdraw(user: SessionUser, applicationId: string, reason?: string) {
  return prisma.$transaction((tx) => transition(tx, user, 'student', applicationId, 'withdrawn', reason), TX)
}

export function acceptOffer(user: SessionUser, applicationId: string) {
  return prisma.$transaction((tx) => transition(tx, user, 'student', applicationId, 'accepted'), TX)
}
