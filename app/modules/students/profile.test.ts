import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { type UserFacingError } from '#app/lib/errors.server.ts'
import { storage } from '#app/modules/storage/storage.server.ts'
import { addClaimedCourse, getOwnProfile, setVisibility, updateProfile, uploadResume } from './profile.server.ts'
import { deleteStudentAccount, exportStudentData } from './data-rights.server.ts'
import { profileSchema } from './schemas.ts'
import { makeUser } from '#tests/fixtures.server.ts'

/** A student at a new university offering one course. */
async function studentAtUniversity(email: string) {
  await prisma.skill.upsert({ where: { key: 'solidity' }, create: { key: 'solidity', nameZh: 'Solidity', aliases: [] }, update: {}, select: { id: true } })
  const uni = await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
  const course = await prisma.course.create({ data: { universityId: uni.id, code: `BC-${email}`, titleZh: '区块链' }, select: { id: true } })
  const user = await makeUser(['student'], { email, universityId: uni.id })
  return { userId: user.id, studentId: user.studentProfileId!, universityId: uni.id, courseId: course.id }
}

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF')

describe('student profile', () => {
  test('edit with languages, cities and skills; private by default; visibility changes are audited', async () => {
    const s = await studentAtUniversity('p1@stu.cn')
    const value = profileSchema.parse({
      universityId: s.universityId,
      preferredCities: '南宁, Liuzhou',
      workModes: ['remote'],
      // Empty picker rows (no language, or a search result without a level) are ignored.
      languages: [
        { language: 'vi', level: 'native' },
        { language: 'zh', level: 'HSK 5' },
        { language: '', level: '' },
      ],
      skills: [
        { skill: 'solidity', level: 3 },
        { skill: 'go', level: '' },
      ],
      daysPerWeek: 4,
    })
    await updateProfile(s.studentId, value)
    const profile = await getOwnProfile(s.userId)
    expect(profile.visibility).toBe('private')
    expect(profile.preferredCities).toEqual(['nanning', 'liuzhou'])
    expect(profile.languages).toEqual([
      { language: 'vi', level: 'native' },
      { language: 'zh', level: 'HSK 5' },
    ])
    expect(profile.skills.map((x) => [x.skill.key, x.level])).toEqual([['solidity', 3]])
    const unknown = await updateProfile(s.studentId, profileSchema.parse({ skills: [{ skill: 'rust', level: 2 }] })).catch((e: unknown) => e)
    expect((unknown as UserFacingError).fields[0]).toMatchObject({ path: 'skills', key: 'universities.unknownSkill' })
    // A level must fit its language (HSK is Chinese's), and a language is given once.
    const badLevel = profileSchema.safeParse({ languages: [{ language: 'en', level: 'HSK 5' }] })
    expect(badLevel.error?.issues[0]?.path).toEqual(['languages', 0, 'level'])
    expect(
      profileSchema.safeParse({
        languages: [
          { language: 'en', level: 'CET-6' },
          { language: 'en', level: 'IELTS 7' },
        ],
      }).success,
    ).toBe(false)
    await setVisibility(s.userId, s.studentId, { visibility: 'discoverable' })
    expect((await getOwnProfile(s.userId)).visibility).toBe('discoverable')
    expect(await prisma.auditLog.count({ where: { action: 'student.visibility', entityId: s.studentId } })).toBe(1)
  })

  test('self-claimed courses are marked; a verified record is not overwritten', async () => {
    const s = await studentAtUniversity('p2@stu.cn')
    await addClaimedCourse(s.studentId, { courseId: s.courseId, grade: 80 })
    expect((await getOwnProfile(s.userId)).courses[0]).toMatchObject({ verified: false, grade: 80 })
    await prisma.studentCourse.update({
      where: { studentId_courseId: { studentId: s.studentId, courseId: s.courseId } },
      data: { verified: true },
      select: { grade: true },
    })
    await expect(addClaimedCourse(s.studentId, { courseId: s.courseId, grade: 100 })).rejects.toMatchObject({ status: 409 })
  })

  test('résumés are checked by content; export holds everything; deletion removes the account and files', async () => {
    const s = await studentAtUniversity('p3@stu.cn')
    await expect(uploadResume(s.studentId, { bytes: new TextEncoder().encode('<html>not a pdf</html>'), filename: 'cv.pdf' })).rejects.toMatchObject({
      key: 'profile.resumeNotPdf',
    })
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(pdf)
    await expect(uploadResume(s.studentId, { bytes: big, filename: 'cv.pdf' })).rejects.toMatchObject({ key: 'profile.resumeTooLarge' })
    await uploadResume(s.studentId, { bytes: pdf, filename: '简历.pdf' })
    const resume = await prisma.resume.findFirstOrThrow({ where: { studentId: s.studentId }, select: { storageKey: true, filename: true } })
    expect(resume.filename).toBe('简历.pdf')
    expect(await storage.get(resume.storageKey)).toEqual(pdf)
    const exported = await exportStudentData(s.userId)
    expect(exported.user.email).toBe('p3@stu.cn')
    expect(exported.user.studentProfile?.resumes).toHaveLength(1)
    await expect(deleteStudentAccount(s.userId, 'wrong@stu.cn')).rejects.toMatchObject({ key: 'profile.deleteEmailMismatch' })
    await deleteStudentAccount(s.userId, 'p3@stu.cn')
    expect(await prisma.user.findUnique({ where: { id: s.userId }, select: { id: true } })).toBeNull()
    expect(await prisma.studentProfile.count({ where: { id: s.studentId } })).toBe(0)
    expect(await storage.get(resume.storageKey)).toBeNull()
  })
})
