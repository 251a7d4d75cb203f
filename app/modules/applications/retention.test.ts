// Retention: once a role has been closed for RETENTION_DAYS, its applications are anonymised
// for the company (no name, contact, résumé, grades, snapshot, answers or thread in any of
// its views, private notes gone, the name out of its notifications) while the student keeps
// everything. A second run changes nothing.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { uploadResume } from '#app/modules/students/profile.server.ts'
import { exportStudentData } from '#app/modules/students/data-rights.server.ts'
import { makeCompanyMember, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { applyToRole } from './applications.server.ts'
import { anonymiseExpiredApplications } from './retention.server.ts'
import { apiListApplications, companyResume, getCompanyApplication, getMyApplication, listApplicants, listCompanyApplications } from './review.server.ts'
import { addPrivateNote, postMessage } from './threads.server.ts'

const DAY = 86_400_000
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF')

async function closeRole(roleId: string, daysAgo: number, by: 'deadline' | 'company' = 'deadline') {
  const at = new Date(Date.now() - daysAgo * DAY)
  await prisma.internshipRole.update({
    where: { id: roleId },
    data: by === 'deadline' ? { closesAt: at } : { status: 'closed', closedAt: at },
    select: { id: true },
  })
}

describe('application retention', () => {
  test('applications to roles closed long enough are anonymised for the company only, once', async () => {
    expect(env.RETENTION_DAYS).toBe(180)
    const { user: member, companyId } = await makeCompanyMember()
    const student = await makeUser(['student'], { name: '韦小宝' })
    await uploadResume(student.studentProfileId!, { bytes: pdf, filename: '简历.pdf' })
    const resume = await prisma.resume.findFirstOrThrow({ where: { studentId: student.studentProfileId! }, select: { id: true } })
    const [old, closedByCompany, recent] = [await makeRole(companyId), await makeRole(companyId), await makeRole(companyId)]
    const application = await applyToRole(student, old.id, { note: '我的求职信', resumeId: resume.id })
    const second = await applyToRole(student, closedByCompany.id, {})
    const kept = await applyToRole(student, recent.id, {})
    await postMessage(member, application.id, '请来面试')
    await postMessage(student, application.id, '好的，我的电话是 13800000000')
    await addPrivateNote(member, application.id, '韦小宝表现很好')
    await closeRole(old.id, 181)
    await closeRole(closedByCompany.id, 200, 'company')
    await closeRole(recent.id, 170)

    expect(await anonymiseExpiredApplications()).toBe(2)
    expect(await anonymiseExpiredApplications()).toBe(0)
    const marks = await prisma.application.findMany({ where: { studentId: student.studentProfileId! }, select: { id: true, anonymisedAt: true } })
    expect(marks.filter((a) => a.anonymisedAt).map((a) => a.id)).toEqual(expect.arrayContaining([application.id, second.id]))
    expect(marks.find((a) => a.id === kept.id)?.anonymisedAt).toBeNull()

    // The company: no name, résumé, snapshot, answers, note, thread or private notes, no profile view.
    const list = await listCompanyApplications(member)
    expect(list.find((a) => a.id === application.id)?.name).toBeNull()
    expect(list.find((a) => a.id === kept.id)?.name).toBe('韦小宝')
    const applicants = await listApplicants(member, old.id, {})
    expect(applicants?.applicants[0]).toMatchObject({ name: null, resume: null, score: null, answers: [] })
    const views = await prisma.profileView.count({ where: { studentId: student.studentProfileId! } })
    const detail = await getCompanyApplication(member, application.id)
    expect(detail).toMatchObject({ anonymised: true, snapshot: null, note: null, resume: null, notes: [], messages: [], answers: [] })
    expect(JSON.stringify(detail)).not.toContain('韦小宝')
    expect(JSON.stringify(detail)).not.toContain(student.email)
    expect(await prisma.profileView.count({ where: { studentId: student.studentProfileId! } })).toBe(views)
    expect(await companyResume(member, application.id)).toBeNull()
    const api = await apiListApplications(member, null)
    expect(api?.find((a) => a.id === application.id)).toMatchObject({ student: null, note: null })
    expect(await prisma.applicationNote.count({ where: { applicationId: application.id } })).toBe(0)
    await expect(addPrivateNote(member, application.id, '再看看')).rejects.toMatchObject({ status: 409, key: 'privacy.anonymisedNoContact' })
    await expect(postMessage(member, application.id, '还在吗')).rejects.toMatchObject({ status: 409 })
    const about = (id: string) => prisma.notification.findMany({ where: { userId: member.id, link: `/company/applications/${id}` }, select: { data: true } })
    const anonymisedNotes = [...(await about(application.id)), ...(await about(second.id))]
    expect(anonymisedNotes.length).toBe(3)
    expect(JSON.stringify(anonymisedNotes)).not.toContain('韦小宝')
    expect(JSON.stringify(await about(kept.id))).toContain('韦小宝')

    // The student keeps their own copy: the thread, the note, the snapshot in the export.
    const mine = await getMyApplication(student, application.id)
    expect(mine?.note).toBe('我的求职信')
    expect(mine?.messages.map((m) => m.body)).toEqual(['请来面试', '好的，我的电话是 13800000000'])
    expect((await apiListApplications(student, null))?.find((a) => a.id === application.id)?.student).toMatchObject({ name: '韦小宝' })
    const exported = await exportStudentData(student.id)
    const copy = exported.user.studentProfile?.applications.find((a) => a.id === application.id)
    expect(copy?.profileSnapshot).toMatchObject({ name: '韦小宝', email: student.email })
  })

  test('the retention period is configurable', async () => {
    const { companyId } = await makeCompanyMember()
    const student = await makeUser(['student'])
    const role = await makeRole(companyId)
    const application = await applyToRole(student, role.id, {})
    await closeRole(role.id, 40)
    const anonymised = async () => (await prisma.application.findUniqueOrThrow({ where: { id: application.id }, select: { anonymisedAt: true } })).anonymisedAt
    await anonymiseExpiredApplications(new Date(), 180)
    expect(await anonymised()).toBeNull()
    await anonymiseExpiredApplications(new Date(), 30)
    expect(await anonymised()).toBeInstanceOf(Date)
  })
})
