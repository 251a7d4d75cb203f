// A student's own profile: view and edit, course records (verified ones come from the
// university; the student may add self-claimed ones), résumé PDFs (each read for skills by
// a background job: resume-skills.server.ts) and visibility. Export and account deletion
// are in data-rights.server.ts.
import type { z } from 'zod'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { randomToken } from '#app/lib/hash.server.ts'
import { UserFacingError, notFound, payloadTooLarge, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { detectFileType, storage } from '#app/modules/storage/storage.server.ts'
import { MAX_RESUME_BYTES } from '#app/lib/upload-limits.ts'
import { queueResumeRead } from './resume-skills.server.ts'
import type { claimCoursesSchema, claimedCourseSchema, preferencesSchema, profileSchema, skillsSchema, studiesSchema, visibilitySchema } from './schemas.ts'

/** What a student states about themselves and their availability (an application keeps a copy). */
/**
 * Students companies may find without an application: those who chose to be discoverable
 * and whose address is proven (the matching index's SQL says the same).
 */
export const discoverableStudentWhere = {
  visibility: 'discoverable',
  user: { emailVerifiedAt: { not: null } },
} satisfies Prisma.StudentProfileWhereInput

export const profilePreferencesSelect = {
  major: true,
  graduationYear: true,
  preferredCities: true,
  workModes: true,
  availableFrom: true,
  daysPerWeek: true,
  visibility: true,
} as const satisfies Prisma.StudentProfileSelect

export async function getOwnProfile(userId: string) {
  const profile = await prisma.studentProfile.findUnique({
    where: { userId },
    select: {
      id: true,
      universityId: true,
      ...profilePreferencesSelect,
      university: { select: { nameZh: true, nameEn: true } },
      languages: { orderBy: { language: 'asc' }, select: { language: true, level: true } },
      skills: { orderBy: { level: 'desc' }, select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true, category: true } } } },
      courses: {
        orderBy: [{ verified: 'desc' }, { createdAt: 'asc' }],
        select: {
          grade: true,
          verified: true,
          course: { select: { id: true, code: true, titleZh: true, titleEn: true, university: { select: { nameZh: true, nameEn: true } } } },
        },
      },
      resumes: { orderBy: { createdAt: 'desc' }, select: { id: true, filename: true, size: true, readStatus: true, createdAt: true } },
    },
  })
  if (!profile) throw notFound()
  return profile
}

/** Courses a student may claim: their university's catalogue. */
export function claimableCourses(universityId: string | null) {
  if (!universityId) return Promise.resolve([])
  return prisma.course.findMany({ where: { universityId }, orderBy: { code: 'asc' }, select: { id: true, code: true, titleZh: true, titleEn: true } })
}

async function writeStudies(tx: Tx, studentId: string, value: z.output<typeof studiesSchema>) {
  const university = value.universityId ? await tx.university.findUnique({ where: { id: value.universityId }, select: { id: true } }) : null
  await tx.studentProfile.update({
    where: { id: studentId },
    data: { universityId: university?.id ?? null, major: value.major ?? null, graduationYear: value.graduationYear ?? null },
    select: { id: true },
  })
}

async function writeSkills(tx: Tx, studentId: string, value: z.output<typeof skillsSchema>) {
  if (value.skills.length > listCaps.skillsPerProfile) throw tooMany(listCaps.skillsPerProfile, 'skills')
  const keys = value.skills.map((s) => s.skill.toLowerCase())
  const known = await tx.skill.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })
  const unknown = keys.filter((key) => !known.some((k) => k.key === key))
  if (unknown.length > 0) {
    throw new UserFacingError(422, 'universities.unknownSkill', { skill: unknown.join(', ') }, [
      { path: 'skills', key: 'universities.unknownSkill', params: { skill: unknown.join(', ') } },
    ])
  }
  await tx.studentSkill.deleteMany({ where: { studentId } })
  await tx.studentSkill.createMany({
    data: value.skills.map((s) => ({ studentId, skillId: known.find((k) => k.key === s.skill.toLowerCase())!.id, level: s.level })),
  })
}

async function writePreferences(tx: Tx, studentId: string, value: z.output<typeof preferencesSchema>) {
  if (value.languages.length > listCaps.languagesPerProfile) throw tooMany(listCaps.languagesPerProfile, 'languages')
  if (value.preferredCities.length > listCaps.citiesPerProfile) throw tooMany(listCaps.citiesPerProfile, 'preferredCities')
  await tx.studentProfile.update({
    where: { id: studentId },
    data: {
      preferredCities: value.preferredCities.map(canonicalCity),
      workModes: value.workModes,
      availableFrom: value.availableFrom ?? null,
      daysPerWeek: value.daysPerWeek ?? null,
    },
    select: { id: true },
  })
  await tx.studentLanguage.deleteMany({ where: { studentId } })
  await tx.studentLanguage.createMany({ data: value.languages.map((l) => ({ studentId, language: l.language, level: l.level ?? null })) })
}

export async function updateProfile(studentId: string, value: z.output<typeof profileSchema>) {
  await prisma.$transaction(async (tx) => {
    await writeStudies(tx, studentId, value)
    await writeSkills(tx, studentId, value)
    await writePreferences(tx, studentId, value)
  })
}

/** Onboarding saves one step at a time. @public (the onboarding pages are being built) */
export async function updateStudies(studentId: string, value: z.output<typeof studiesSchema>) {
  await prisma.$transaction((tx) => writeStudies(tx, studentId, value))
}

/** @public (onboarding) */
export async function updateSkills(studentId: string, value: z.output<typeof skillsSchema>) {
  await prisma.$transaction((tx) => writeSkills(tx, studentId, value))
}

/** @public (onboarding) */
export async function updatePreferences(studentId: string, value: z.output<typeof preferencesSchema>) {
  await prisma.$transaction((tx) => writePreferences(tx, studentId, value))
}

export async function setVisibility(userId: string, studentId: string, value: z.output<typeof visibilitySchema>) {
  await prisma.$transaction(async (tx) => {
    await tx.studentProfile.update({ where: { id: studentId }, data: { visibility: value.visibility }, select: { id: true } })
    await recordAudit(tx, { actorId: userId, action: 'student.visibility', entity: 'student', entityId: studentId, data: { visibility: value.visibility } })
  })
}

export async function addClaimedCourse(studentId: string, value: z.output<typeof claimedCourseSchema>) {
  const existing = await prisma.studentCourse.findUnique({ where: { studentId_courseId: { studentId, courseId: value.courseId } }, select: { verified: true } })
  if (existing?.verified)
    throw new UserFacingError(409, 'profile.courseVerifiedAlready', undefined, [{ path: 'courseId', key: 'profile.courseVerifiedAlready' }])
  const course = await prisma.course.findUnique({ where: { id: value.courseId }, select: { id: true } })
  if (!course)
    throw new UserFacingError(422, 'universities.unknownCourse', { code: '' }, [{ path: 'courseId', key: 'universities.unknownCourse', params: { code: '' } }])
  if (!existing && (await prisma.studentCourse.count({ where: { studentId } })) >= listCaps.claimedCoursesPerStudent) {
    throw tooMany(listCaps.claimedCoursesPerStudent, 'courseId')
  }
  await prisma.studentCourse.upsert({
    where: { studentId_courseId: { studentId, courseId: course.id } },
    create: { studentId, courseId: course.id, grade: value.grade ?? null, verified: false },
    update: { grade: value.grade ?? null },
    select: { studentId: true },
  })
}

/** Onboarding: several catalogue courses at once; ones the university already verified stay as they are. */
export async function claimCourses(studentId: string, value: z.output<typeof claimCoursesSchema>) {
  for (const courseId of value.courseIds) {
    const existing = await prisma.studentCourse.findUnique({ where: { studentId_courseId: { studentId, courseId } }, select: { verified: true } })
    if (!existing) await addClaimedCourse(studentId, { courseId })
  }
}

/** Whether a student has told us nothing yet: then the home sends them to onboarding. */
export async function profileIsEmpty(studentId: string) {
  const profile = await prisma.studentProfile.findUnique({
    where: { id: studentId },
    select: { universityId: true, major: true, _count: { select: { skills: true, courses: true, evidence: true, languages: true } } },
  })
  if (!profile) return false
  const counts = profile._count
  return !profile.universityId && !profile.major && counts.skills + counts.courses + counts.evidence + counts.languages === 0
}

/** Only self-claimed records can be removed; verified ones belong to the university. */
export async function removeClaimedCourse(studentId: string, courseId: string) {
  await prisma.studentCourse.deleteMany({ where: { studentId, courseId, verified: false } })
}

export async function uploadResume(studentId: string, file: { bytes: Uint8Array; filename: string }) {
  if (file.bytes.byteLength === 0 || detectFileType(file.bytes) !== 'pdf') {
    throw new UserFacingError(422, 'profile.resumeNotPdf', undefined, [{ path: 'resume', key: 'profile.resumeNotPdf' }])
  }
  if (file.bytes.byteLength > MAX_RESUME_BYTES) throw payloadTooLarge('profile.resumeTooLarge', 'resume')
  if ((await prisma.resume.count({ where: { studentId } })) >= listCaps.resumesPerStudent) throw tooMany(listCaps.resumesPerStudent, 'resume')
  const storageKey = `resumes/${studentId}/${randomToken(12)}.pdf`
  try {
    await prisma.$transaction(async (tx) => {
      await storage.put(storageKey, file.bytes, tx)
      const resume = await tx.resume.create({
        data: {
          studentId,
          storageKey,
          filename: file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'resume.pdf',
          size: file.bytes.byteLength,
          readStatus: 'queued',
        },
        select: { id: true },
      })
      await queueResumeRead(tx, resume.id)
    })
  } catch (error) {
    // Only a backend outside Postgres keeps a file the rolled-back transaction wrote.
    await storage.delete(storageKey)
    throw error
  }
}

export async function readResume(studentId: string, resumeId: string) {
  const resume = await prisma.resume.findFirst({ where: { id: resumeId, studentId }, select: { storageKey: true, filename: true } })
  const bytes = resume ? await storage.get(resume.storageKey) : null
  if (!resume || !bytes) throw notFound()
  return { bytes, filename: resume.filename }
}

export async function deleteResume(studentId: string, resumeId: string) {
  const resume = await prisma.resume.findFirst({ where: { id: resumeId, studentId }, select: { id: true, storageKey: true } })
  if (!resume) throw notFound()
  await prisma.$transaction(async (tx) => {
    await tx.resume.delete({ where: { id: resume.id }, select: { id: true } })
    await storage.delete(resume.storageKey, tx)
  })
}
