// Issuing from what happens elsewhere: a roster upload or an import (course results),
// published contest results (awards), a check-in (participation), a completed internship.
// The triggering transaction writes a CredentialTask (the outbox); a pg-boss job works
// through it. Re-running a task changes nothing: one active credential per achievement
// and student, and a changed claim (a corrected grade) revokes and reissues.
import { shanghaiDay } from '#app/lib/time.ts'
import type { CredentialKind } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { issueBatch, issueStoredCredential, type BatchItem, type CredentialSkillInput } from './issue.server.ts'
import { companyIssuer, issuerSigner, organizerIssuer, universityIssuer, type IssuerSigner } from './issuers.server.ts'
import { claimsDigest, openBadgeCredential, type AchievementInput, type Bilingual, type SubjectInput } from './open-badge.server.ts'

/** Written in the caller's transaction, so the work exists exactly when the change does. */
export async function queueCredentialTask(tx: Tx, task: { kind: Exclude<CredentialKind, 'api'>; subjectId: string; requestedById?: string | null }) {
  await tx.credentialTask.create({ data: { kind: task.kind, subjectId: task.subjectId, requestedById: task.requestedById ?? null }, select: { id: true } })
}

export async function hasPendingCredentialTasks() {
  return (await prisma.credentialTask.count({ where: { finishedAt: null }, take: 1 })) > 0
}

function text(zh: string | null | undefined, en: string | null | undefined): Bilingual {
  const either = zh ?? en ?? ''
  return { zh: zh ?? either, en: en ?? either }
}

/** `skills`: what matching counts (kept out of the achievement, whose digest they would change). */
type Award = { studentId: string; userId: string; subject: SubjectInput; achievement: AchievementInput; skills: CredentialSkillInput[] }
type Plan = { issuerId: string; issuerName: Bilingual; items: Award[] }

type SkillRow = { level: number; skill: { id: string; key: string; nameZh: string | null; nameEn: string | null } }

function skillList(skills: SkillRow[]) {
  return skills.map(({ skill }) => ({ key: skill.key, name: text(skill.nameZh, skill.nameEn) }))
}

/** The aligned skills at the level their source teaches or asks for. */
function skillEvidence(skills: SkillRow[], grade: number | null = null): CredentialSkillInput[] {
  return skills.map(({ skill, level }) => ({ skillId: skill.id, level, grade }))
}

const skillRowSelect = { select: { level: true, skill: { select: { id: true, key: true, nameZh: true, nameEn: true } } } } as const

const subjectSelect = { id: true, userId: true, user: { select: { name: true, email: true } } } as const

async function planCourse(courseId: string): Promise<Plan | null> {
  const course = await prisma.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      semester: true,
      universityId: true,
      university: { select: { nameZh: true, nameEn: true } },
      skills: skillRowSelect,
      studentCourses: { where: { verified: true, grade: { not: null } }, select: { grade: true, student: { select: subjectSelect } } },
    },
  })
  if (!course) return null
  const issuer = await universityIssuer(course.universityId)
  const university = text(course.university.nameZh, course.university.nameEn)
  const title = text(course.titleZh, course.titleEn)
  return {
    issuerId: issuer.id,
    issuerName: { zh: issuer.nameZh, en: issuer.nameEn },
    items: course.studentCourses.map((row) => ({
      studentId: row.student.id,
      userId: row.student.userId,
      subject: { name: row.student.user.name, email: row.student.user.email },
      achievement: {
        key: `course:${course.id}`,
        achievementType: 'Course',
        name: title,
        description: text(
          course.descriptionZh ?? `${university.zh}课程 ${course.code ?? ''}`.trim(),
          course.descriptionEn ?? `A course at ${university.en} ${course.code ?? ''}`.trim(),
        ),
        criteria: {
          zh: `修完${university.zh}的课程《${title.zh}》${course.semester ? `（${course.semester}）` : ''}并取得成绩`,
          en: `Completed the course "${title.en}" at ${university.en}${course.semester ? ` (${course.semester})` : ''} with a grade`,
        },
        skills: skillList(course.skills),
        result: { kind: 'grade', value: row.grade ?? 0 },
        validFrom: new Date(),
      },
      skills: skillEvidence(course.skills, row.grade),
    })),
  }
}

async function planAwards(eventId: string): Promise<Plan | null> {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      resultsPublishedAt: true,
      skills: skillRowSelect,
      teams: {
        where: { awards: { some: {} } },
        select: {
          name: true,
          track: { select: { nameZh: true, nameEn: true } },
          awards: { select: { id: true, titleZh: true, titleEn: true, rank: true } },
          members: { select: { user: { select: { name: true, email: true, studentProfile: { select: { id: true, userId: true } } } } } },
        },
      },
    },
  })
  if (!event?.resultsPublishedAt) return null
  const issuer = await organizerIssuer()
  const title = text(event.titleZh, event.titleEn)
  const items: Award[] = []
  for (const team of event.teams) {
    const track = team.track ? text(team.track.nameZh, team.track.nameEn) : null
    for (const award of team.awards) {
      const awardTitle = text(award.titleZh, award.titleEn ?? `Rank ${award.rank}`)
      for (const { user } of team.members) {
        if (!user.studentProfile) continue
        items.push({
          studentId: user.studentProfile.id,
          userId: user.studentProfile.userId,
          subject: { name: user.name, email: user.email },
          achievement: {
            key: `award:${event.id}:${award.id}`,
            achievementType: 'Award',
            name: { zh: `${title.zh} · ${awardTitle.zh}`, en: `${title.en} · ${awardTitle.en}` },
            description: {
              zh: `队伍“${team.name}”${track ? `（赛道：${track.zh}）` : ''}获得${awardTitle.zh}（第 ${award.rank} 名）`,
              en: `Team "${team.name}"${track ? ` (track: ${track.en})` : ''} won ${awardTitle.en} (rank ${award.rank})`,
            },
            criteria: { zh: `在${title.zh}中经评审获奖`, en: `Awarded by the judges of ${title.en}` },
            skills: skillList(event.skills),
            result: { kind: 'award', value: awardTitle },
            validFrom: new Date(),
          },
          skills: skillEvidence(event.skills),
        })
      }
    }
  }
  return { issuerId: issuer.id, issuerName: { zh: issuer.nameZh, en: issuer.nameEn }, items }
}

async function planParticipation(registrationId: string): Promise<Plan | null> {
  const registration = await prisma.registration.findUnique({
    where: { id: registrationId },
    select: {
      checkedInAt: true,
      user: { select: { name: true, email: true, studentProfile: { select: { id: true, userId: true } } } },
      team: { select: { members: { select: { user: { select: { name: true, email: true, studentProfile: { select: { id: true, userId: true } } } } } } } },
      event: {
        select: {
          id: true,
          kind: true,
          titleZh: true,
          titleEn: true,
          startsAt: true,
          endsAt: true,
          skills: skillRowSelect,
        },
      },
    },
  })
  if (!registration?.checkedInAt) return null
  const issuer = await organizerIssuer()
  const event = registration.event
  const title = text(event.titleZh, event.titleEn)
  const people = registration.team ? registration.team.members.map((m) => m.user) : [registration.user]
  return {
    issuerId: issuer.id,
    issuerName: { zh: issuer.nameZh, en: issuer.nameEn },
    items: people.flatMap((user) =>
      user.studentProfile
        ? [
            {
              studentId: user.studentProfile.id,
              userId: user.studentProfile.userId,
              subject: { name: user.name, email: user.email },
              achievement: {
                key: `event:${event.id}`,
                achievementType: 'CoCurricular' as const,
                name: { zh: `参加：${title.zh}`, en: `Participation: ${title.en}` },
                description: { zh: `到场参加了${title.zh}（${shanghaiDay(event.startsAt)}）`, en: `Attended ${title.en} (${shanghaiDay(event.startsAt)})` },
                criteria: { zh: '在活动现场签到', en: 'Checked in at the event' },
                skills: skillList(event.skills),
                activityStartDate: shanghaiDay(event.startsAt),
                activityEndDate: shanghaiDay(event.endsAt),
                validFrom: new Date(),
              },
              skills: skillEvidence(event.skills),
            },
          ]
        : [],
    ),
  }
}

async function planInternship(applicationId: string): Promise<Plan | null> {
  const completion = await prisma.internshipCompletion.findUnique({
    where: { applicationId },
    select: {
      startedOn: true,
      endedOn: true,
      skills: skillRowSelect,
      application: {
        select: {
          student: { select: subjectSelect },
          role: { select: { titleZh: true, titleEn: true, companyId: true, company: { select: { nameZh: true, nameEn: true } } } },
        },
      },
    },
  })
  if (!completion) return null
  const { role, student } = completion.application
  const issuer = await companyIssuer(role.companyId)
  const title = text(role.titleZh, role.titleEn)
  const company = text(role.company.nameZh, role.company.nameEn)
  const iso = (date: Date) => date.toISOString().slice(0, 10)
  return {
    issuerId: issuer.id,
    issuerName: { zh: issuer.nameZh, en: issuer.nameEn },
    items: [
      {
        studentId: student.id,
        userId: student.userId,
        subject: { name: student.user.name, email: student.user.email },
        achievement: {
          key: `internship:${applicationId}`,
          achievementType: 'ext:Internship',
          name: { zh: `实习：${title.zh}`, en: `Internship: ${title.en}` },
          description: {
            zh: `在${company.zh}完成实习（${iso(completion.startedOn)} 至 ${iso(completion.endedOn)}）`,
            en: `Completed an internship at ${company.en} (${iso(completion.startedOn)} to ${iso(completion.endedOn)})`,
          },
          criteria: { zh: '企业确认实习完成及所掌握的技能', en: 'The company confirmed the internship and the skills shown' },
          skills: skillList(completion.skills),
          activityStartDate: iso(completion.startedOn),
          activityEndDate: iso(completion.endedOn),
          validFrom: new Date(),
        },
        skills: skillEvidence(completion.skills),
      },
    ],
  }
}

const planners: Record<Exclude<CredentialKind, 'api'>, (subjectId: string) => Promise<Plan | null>> = {
  course: planCourse,
  award: planAwards,
  participation: planParticipation,
  internship: planInternship,
}

/** Credentials signed per batch (progress is written after each). */
const BATCH = 50

/** Issues what one plan calls for; returns how many were issued or corrected. */
async function carryOut(taskId: bigint, kind: Exclude<CredentialKind, 'api'>, plan: Plan) {
  const existing = await prisma.issuedCredential.findMany({
    where: {
      issuerId: plan.issuerId,
      revokedAt: null,
      achievementKey: { in: [...new Set(plan.items.map((i) => i.achievement.key))] },
      studentId: { in: plan.items.map((i) => i.studentId) },
    },
    select: { id: true, studentId: true, achievementKey: true, claimsDigest: true },
  })
  const current = new Map(existing.map((e) => [`${e.studentId}|${e.achievementKey}`, e]))
  await prisma.credentialTask.update({ where: { id: taskId }, data: { total: plan.items.length, done: 0 }, select: { id: true } })
  let signer: IssuerSigner | undefined
  let done = 0
  let failed = 0
  let issued = 0
  const fresh: BatchItem[] = []
  for (const item of plan.items) {
    const digest = claimsDigest(item.subject, item.achievement)
    const active = current.get(`${item.studentId}|${item.achievement.key}`)
    const build: BatchItem['build'] = ({ issuerDid, credentialId }) =>
      openBadgeCredential({ issuerDid, credentialId, issuerName: plan.issuerName }, item.subject, item.achievement)
    if (!active) {
      fresh.push({ studentId: item.studentId, userId: item.userId, achievementKey: item.achievement.key, claimsDigest: digest, build, skills: item.skills })
      continue
    }
    if (active.claimsDigest !== digest) {
      // A correction: revoke and reissue together, one at a time (they are few).
      try {
        signer ??= await issuerSigner(plan.issuerId)
        await issueStoredCredential({
          issuerId: plan.issuerId,
          signer,
          kind,
          studentId: item.studentId,
          achievementKey: item.achievement.key,
          claimsDigest: digest,
          replaces: active.id,
          notifyUserId: item.userId,
          build,
          skills: item.skills,
        })
        issued++
      } catch (error) {
        failed++
        logger.error({ err: error, taskId: String(taskId), studentId: item.studentId }, 'credential not corrected')
      }
    }
    done++
  }
  await prisma.credentialTask.update({ where: { id: taskId }, data: { done, failed }, select: { id: true } })
  for (let start = 0; start < fresh.length; start += BATCH) {
    signer ??= await issuerSigner(plan.issuerId)
    const batch = fresh.slice(start, start + BATCH)
    try {
      const result = await issueBatch({ issuerId: plan.issuerId, signer, kind, items: batch })
      issued += result.issued
      failed += result.failed.length
    } catch (error) {
      failed += batch.length
      logger.error({ err: error, taskId: String(taskId) }, 'credential batch not issued')
    }
    done += batch.length
    await prisma.credentialTask.update({ where: { id: taskId }, data: { done, failed }, select: { id: true } })
  }
  await prisma.credentialTask.update({ where: { id: taskId }, data: { done, failed }, select: { id: true } })
  return { issued, failed }
}

async function nextTask() {
  const select = { id: true, kind: true, subjectId: true } as const
  // What someone is waiting for (an upload, a check-in) goes before bulk imports.
  return (
    (await prisma.credentialTask.findFirst({ where: { finishedAt: null, requestedById: { not: null }, failed: 0 }, orderBy: { id: 'asc' }, select })) ??
    (await prisma.credentialTask.findFirst({ where: { finishedAt: null }, orderBy: [{ failed: 'asc' }, { id: 'asc' }], select }))
  )
}

/**
 * Works through unfinished tasks, one at a time and most urgent first, for up to
 * `budgetMs` (the queue calls again while work remains). A task with failures stays open.
 */
export async function runCredentialTasks(budgetMs = 15_000) {
  const started = Date.now()
  const attempted = new Set<bigint>()
  let issued = 0
  while (Date.now() - started < budgetMs) {
    const task = await nextTask()
    if (!task || attempted.has(task.id)) break
    attempted.add(task.id)
    if (task.kind === 'api') continue
    let result: { issued: number; failed: number }
    try {
      const plan = await planners[task.kind](task.subjectId)
      result = plan ? await carryOut(task.id, task.kind, plan) : { issued: 0, failed: 0 }
    } catch (error) {
      // One task's trouble (say, a company no longer verified) must not hold up the others.
      logger.error({ err: error, taskId: String(task.id) }, 'credential task failed')
      await prisma.credentialTask.update({ where: { id: task.id }, data: { failed: { increment: 1 } }, select: { id: true } })
      continue
    }
    issued += result.issued
    if (result.failed === 0) await prisma.credentialTask.update({ where: { id: task.id }, data: { finishedAt: new Date() }, select: { id: true } })
  }
  return issued
}

/** The newest issuing tasks the user started (the roster page shows their progress). */
export async function credentialTasksOf(userId: string, take = 5) {
  return prisma.credentialTask.findMany({
    where: { requestedById: userId },
    orderBy: { id: 'desc' },
    take,
    select: { id: true, kind: true, subjectId: true, total: true, done: true, failed: true, createdAt: true, finishedAt: true },
  })
}

/** The same, as the page shows it. */
export async function credentialIssuingOf(userId: string) {
  const tasks = await credentialTasksOf(userId)
  return tasks.map((task) => ({ id: String(task.id), total: task.total, done: task.done, failed: task.failed, finished: task.finishedAt !== null }))
}
