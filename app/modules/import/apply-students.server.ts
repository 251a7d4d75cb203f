// Import writer for students: an account without a password (the student sets one through
// a sign-in link), a profile, and the languages, verified courses and skills on it.
import type { ProfileVisibility } from '#app/generated/prisma/enums.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { changedFields, diffChildren, newCounts, type Counts, type ImportContext } from './apply-context.server.ts'
import type { ImportStudent } from './schema.ts'
import { queueCredentialTask } from '#app/modules/credentials/tasks.server.ts'
import { mergeConfirmedCourses } from '#app/modules/students/evidence.server.ts'
import { calendarDayAsDate, shanghaiDay } from '#app/lib/time.ts'

type Children = {
  languages: { studentId: string; language: string }[]
  courses: { studentId: string; courseId: string; grade: number | null; verified: boolean }[]
  skills: { studentId: string; skillId: string; level: number }[]
}

export async function applyStudents(ctx: ImportContext, students: ImportStudent[]): Promise<Counts> {
  const { tx, now } = ctx
  const counts = newCounts()
  const resultCourses = new Set<string>()
  const confirmed: Array<{ studentId: string; courseId: string }> = []
  const existing = await tx.studentProfile.findMany({
    where: { key: { in: students.map((s) => s.key) } },
    select: {
      id: true,
      key: true,
      userId: true,
      universityId: true,
      major: true,
      graduationYear: true,
      preferredCities: true,
      workModes: true,
      availableFrom: true,
      visibility: true,
      user: { select: { email: true, name: true, roles: { where: { role: 'student' }, select: { role: true } } } },
      languages: { select: { language: true } },
      courses: { select: { courseId: true, grade: true, verified: true } },
      skills: { select: { skillId: true, level: true } },
    },
  })
  await ctx.resolve(
    'universities',
    students.map((s) => s.university),
  )
  await ctx.resolve(
    'courses',
    students.flatMap((s) => s.courses.map((c) => c.course)),
  )
  await ctx.resolve(
    'skills',
    students.flatMap((s) => s.skills.map((k) => k.skill)),
  )
  const byKey = new Map(existing.map((s) => [s.key, s]))

  const profileFields = (s: ImportStudent) => ({
    universityId: ctx.id('universities', s.university),
    major: s.major ?? null,
    graduationYear: s.graduationYear,
    preferredCities: [...new Set(s.preferredCities.map(canonicalCity))],
    workModes: s.workModes ?? [],
    availableFrom: s.availableFrom ? calendarDayAsDate(shanghaiDay(s.availableFrom)) : null,
    visibility: (s.discoverable ? 'discoverable' : 'private') as ProfileVisibility,
  })
  const courseGrades = (s: ImportStudent) => new Map(s.courses.map((c) => [ctx.id('courses', c.course), c.grade]))
  const skillLevels = (s: ImportStudent) => new Map(s.skills.map((k) => [ctx.id('skills', k.skill), k.level]))

  const add: Children = { languages: [], courses: [], skills: [] }
  const fresh = students.filter((s) => !byKey.has(s.key))
  if (fresh.length > 0) {
    const users = await tx.user.createManyAndReturn({
      data: fresh.map((s) => ({ email: s.email, name: s.name })),
      select: { id: true, email: true },
    })
    const userIds = new Map(users.map((u) => [u.email, u.id]))
    await tx.userRole.createMany({ data: users.map((u) => ({ userId: u.id, role: 'student' as const })) })
    // The university imports with the student's consent, so consent dates from the import.
    const profiles = await tx.studentProfile.createManyAndReturn({
      data: fresh.map((s) => ({ key: s.key, userId: userIds.get(s.email)!, ...profileFields(s), consentedAt: now })),
      select: { id: true, key: true },
    })
    const profileIds = new Map(profiles.map((p) => [p.key, p.id]))
    for (const student of fresh) {
      const studentId = profileIds.get(student.key)!
      for (const language of student.languages) add.languages.push({ studentId, language })
      for (const [courseId, grade] of courseGrades(student)) add.courses.push({ studentId, courseId, grade, verified: true })
      for (const [skillId, level] of skillLevels(student)) add.skills.push({ studentId, skillId, level })
    }
    counts.created += profiles.length
  }

  for (const student of students) {
    const current = byKey.get(student.key)
    if (!current) continue
    const studentId = current.id
    const userChanges = changedFields(current.user, { email: student.email, name: student.name })
    const profileChanges = changedFields(current, profileFields(student))
    // Levels of a language are the student's own; the import decides only which ones.
    const languages = diffChildren(new Map(current.languages.map((l) => [l.language, true])), new Map(student.languages.map((l) => [l, true])), () => true)
    const courses = diffChildren(
      new Map(current.courses.map((c) => [c.courseId, c])),
      new Map([...courseGrades(student)].map(([courseId, grade]) => [courseId, { courseId, grade, verified: true }])),
      (a, b) => a.grade === b.grade && a.verified === b.verified,
    )
    // Courses the student added themselves stay; only university records are replaced.
    const coursesToRemove = courses.remove.filter((courseId) => current.courses.find((c) => c.courseId === courseId)?.verified)
    const skills = diffChildren(new Map(current.skills.map((s) => [s.skillId, s.level])), skillLevels(student), (a, b) => a === b)
    const missingRole = current.user.roles.length === 0
    const childrenChanged = languages.changed || courses.create.length + courses.update.length + coursesToRemove.length > 0 || skills.changed
    if (!userChanges && !profileChanges && !childrenChanged && !missingRole) {
      counts.unchanged++
      continue
    }
    // An address the operator imports counts as proven (new users get that from the column's default).
    if (userChanges) {
      await tx.user.update({
        where: { id: current.userId },
        data: { ...userChanges, ...('email' in userChanges ? { emailVerifiedAt: now } : {}) },
        select: { id: true },
      })
    }
    if (missingRole) await tx.userRole.create({ data: { userId: current.userId, role: 'student' }, select: { userId: true } })
    if (profileChanges || childrenChanged) {
      await tx.studentProfile.update({ where: { id: studentId }, data: { ...profileChanges, updatedAt: now }, select: { id: true } })
    }
    if (languages.remove.length > 0) {
      await tx.studentLanguage.deleteMany({ where: { studentId, language: { in: languages.remove } } })
    }
    if (coursesToRemove.length > 0) await tx.studentCourse.deleteMany({ where: { studentId, courseId: { in: coursesToRemove } } })
    if (skills.remove.length > 0) await tx.studentSkill.deleteMany({ where: { studentId, skillId: { in: skills.remove } } })
    for (const [courseId, value] of courses.update) {
      resultCourses.add(courseId)
      confirmed.push({ studentId, courseId })
      await tx.studentCourse.update({
        where: { studentId_courseId: { studentId, courseId } },
        data: { grade: value.grade, verified: true },
        select: { courseId: true },
      })
    }
    for (const [skillId, level] of skills.update) {
      await tx.studentSkill.update({ where: { studentId_skillId: { studentId, skillId } }, data: { level }, select: { skillId: true } })
    }
    for (const [language] of languages.create) add.languages.push({ studentId, language })
    for (const [, value] of courses.create) add.courses.push({ studentId, ...value })
    for (const [skillId, level] of skills.create) add.skills.push({ studentId, skillId, level })
    counts.updated++
  }

  if (add.languages.length > 0) await tx.studentLanguage.createMany({ data: add.languages })
  if (add.courses.length > 0) await tx.studentCourse.createMany({ data: add.courses })
  for (const course of add.courses) resultCourses.add(course.courseId)
  await mergeConfirmedCourses(tx, [...confirmed, ...add.courses])
  // Imported results are verified results: each course they touch gets its credentials.
  for (const courseId of resultCourses) await queueCredentialTask(tx, { kind: 'course', subjectId: courseId })
  if (add.skills.length > 0) await tx.studentSkill.createMany({ data: add.skills })
  return counts
}
