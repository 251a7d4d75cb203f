// Résumé → skills (docs/decisions/036). An upload queues a job that reads the PDF's text
// with unpdf (Mozilla's PDF.js, without a worker or a canvas), finds the taxonomy's skills
// in it and stores them as suggestions, each with the sentence it came from. The student
// accepts each (at a level they pick: a self-declared skill, scored as self-reported) or
// dismisses it; nothing reaches the profile before that.
import type PgBoss from 'pg-boss'
import { extractText, getDocumentProxy } from 'unpdf'
import type { z } from 'zod'
import type { ResumeReadStatus } from '#app/generated/prisma/client.ts'
import { jobLogger, queueReady, sendInTransaction } from '#app/lib/boss.server.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { notFound, tooMany, UserFacingError } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { logger } from '#app/lib/logger.server.ts'
import { loadStudentsForMatch } from '#app/modules/matching/evidence.server.ts'
import { findSkillMentions } from '#app/modules/skills/mentions.ts'
import { storage } from '#app/modules/storage/storage.server.ts'
import type { acceptSuggestionSchema, dismissSuggestionSchema, readResumeSchema } from './schemas.ts'

const RESUME_READ_QUEUE = 'resume.read'
// A damaged PDF is not retried (reading it again gives the same answer); these retries are
// for the database or the file store being away.
const QUEUE_OPTIONS = { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 }

type ReadJob = { resumeId: string }

/** Statuses the page keeps refreshing for. */
const IN_PROGRESS: ResumeReadStatus[] = ['queued', 'reading']

/** Queues the reading of a résumé whose row (status `queued`) the same transaction writes. */
export async function queueResumeRead(tx: Tx, resumeId: string) {
  await sendInTransaction(tx, RESUME_READ_QUEUE, { resumeId } satisfies ReadJob, QUEUE_OPTIONS)
}

export async function registerResumeJobs(boss: PgBoss) {
  await queueReady(RESUME_READ_QUEUE, QUEUE_OPTIONS)
  await boss.work<ReadJob>(RESUME_READ_QUEUE, { includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await runReadJob(job)
  })
}

/** One delivery of the job: an error is retried by pg-boss, and after the last retry the résumé is marked failed. */
export async function runReadJob(job: Pick<PgBoss.JobWithMetadata<ReadJob>, 'id' | 'name' | 'data' | 'retryCount' | 'retryLimit'>) {
  try {
    jobLogger(job).info(await readResumeSkills(job.data.resumeId), 'résumé read')
  } catch (error) {
    if (job.retryCount >= job.retryLimit) await setReadStatus(job.data.resumeId, 'failed')
    throw error
  }
}

// The résumé may have been deleted meanwhile: then there is nothing to update.
async function setReadStatus(resumeId: string, readStatus: ResumeReadStatus) {
  await prisma.resume.updateMany({ where: { id: resumeId }, data: { readStatus, readAt: IN_PROGRESS.includes(readStatus) ? null : new Date() } })
}

/** The PDF's text, page after page; null when PDF.js cannot read the file (damaged, or locked with a password). */
async function pdfText(bytes: Uint8Array): Promise<string | null> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>> | undefined
  try {
    // PDF.js takes the buffer over, hence the copy; no font code is compiled from the file.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false })
    return (await extractText(document, { mergePages: true })).text
  } catch (error) {
    logger.info({ err: error }, 'résumé is not a readable PDF')
    return null
  } finally {
    await document?.destroy()
  }
}

/** Skills the student already has evidence for (declared, courses, events, their own): never suggested. */
async function heldSkillIds(studentId: string) {
  const student = (await loadStudentsForMatch([studentId])).get(studentId)
  return new Set(student?.evidence.map((e) => e.skillId))
}

/** The job: reads one résumé and stores what it suggests. */
export async function readResumeSkills(resumeId: string) {
  const resume = await prisma.resume.findUnique({ where: { id: resumeId }, select: { studentId: true, storageKey: true } })
  if (!resume) return { outcome: 'gone' as const }
  await setReadStatus(resumeId, 'reading')
  const bytes = await storage.get(resume.storageKey)
  if (!bytes) return { outcome: 'gone' as const }
  const text = await pdfText(bytes)
  if (text === null) {
    await setReadStatus(resumeId, 'unreadable')
    return { outcome: 'unreadable' as const }
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    await setReadStatus(resumeId, 'noText')
    return { outcome: 'noText' as const }
  }
  const [skills, held] = await Promise.all([
    prisma.skill.findMany({ select: { id: true, nameZh: true, nameEn: true, aliases: true } }),
    heldSkillIds(resume.studentId),
  ])
  const mentions = findSkillMentions(
    text,
    skills.map((s) => ({ id: s.id, terms: [s.nameZh, s.nameEn, ...s.aliases] })),
  ).filter((m) => !held.has(m.skillId))
  const found = await prisma.$transaction(async (tx) => {
    const updated = await tx.resume.updateMany({ where: { id: resumeId }, data: { readStatus: 'done', readAt: new Date() } })
    if (updated.count === 0) return 0
    // One suggestion per student and skill: one already made (or dismissed) from another résumé stays.
    const created = await tx.resumeSkillSuggestion.createMany({
      data: mentions.map((m) => ({ studentId: resume.studentId, resumeId, skillId: m.skillId, sentence: m.sentence })),
      skipDuplicates: true,
    })
    return created.count
  })
  return { outcome: 'done' as const, found }
}

/** The student's résumés with how far each was read, and the skills waiting for their decision. */
export async function resumeSkillsOverview(studentId: string) {
  const [resumes, pending, held] = await Promise.all([
    prisma.resume.findMany({
      where: { studentId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, filename: true, readStatus: true, createdAt: true, _count: { select: { suggestions: true } } },
    }),
    prisma.resumeSkillSuggestion.findMany({
      where: { studentId, status: 'pending' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, sentence: true, resume: { select: { filename: true } }, skill: { select: { id: true, nameZh: true, nameEn: true, category: true } } },
    }),
    heldSkillIds(studentId),
  ])
  return {
    resumes: resumes.map(({ _count, ...r }) => ({ ...r, suggested: _count.suggestions })),
    // A skill the student added since the résumé was read is no longer a suggestion.
    suggestions: pending.filter((s) => !held.has(s.skill.id)),
    inProgress: resumes.some((r) => r.readStatus !== null && IN_PROGRESS.includes(r.readStatus)),
  }
}

/** Adds the suggested skill to the student's declared skills at the level they chose. */
export async function acceptSuggestion(studentId: string, value: z.output<typeof acceptSuggestionSchema>) {
  await prisma.$transaction(async (tx) => {
    const suggestion = await tx.resumeSkillSuggestion.findFirst({
      where: { id: value.suggestionId, studentId, status: 'pending' },
      select: { id: true, skillId: true },
    })
    if (!suggestion) throw notFound()
    const declared = await tx.studentSkill.findUnique({ where: { studentId_skillId: { studentId, skillId: suggestion.skillId } }, select: { level: true } })
    if (!declared && (await tx.studentSkill.count({ where: { studentId } })) >= listCaps.skillsPerProfile) throw tooMany(listCaps.skillsPerProfile)
    await tx.studentSkill.upsert({
      where: { studentId_skillId: { studentId, skillId: suggestion.skillId } },
      create: { studentId, skillId: suggestion.skillId, level: value.level },
      update: { level: value.level },
      select: { skillId: true },
    })
    await tx.resumeSkillSuggestion.update({ where: { id: suggestion.id }, data: { status: 'accepted', decidedAt: new Date() }, select: { id: true } })
  })
}

export async function dismissSuggestion(studentId: string, value: z.output<typeof dismissSuggestionSchema>) {
  const dismissed = await prisma.resumeSkillSuggestion.updateMany({
    where: { id: value.suggestionId, studentId, status: 'pending' },
    data: { status: 'dismissed', decidedAt: new Date() },
  })
  if (dismissed.count === 0) throw notFound()
}

/** Reads a résumé again: one uploaded before résumés were read for skills, or one whose reading failed. */
export async function rereadResume(studentId: string, value: z.output<typeof readResumeSchema>) {
  await prisma.$transaction(async (tx) => {
    const resume = await tx.resume.findFirst({ where: { id: value.resumeId, studentId }, select: { id: true, readStatus: true } })
    if (!resume) throw notFound()
    if (resume.readStatus !== null && resume.readStatus !== 'failed') throw new UserFacingError(409, 'resume.alreadyRead')
    await tx.resume.update({ where: { id: resume.id }, data: { readStatus: 'queued', readAt: null }, select: { id: true } })
    await queueResumeRead(tx, resume.id)
  })
}
