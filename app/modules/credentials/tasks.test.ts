// Issuing from triggers: a roster upload gives each student a course credential, once;
// a corrected grade revokes and reissues; a completed internship is issued by the company.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { loadSessionUser, type SessionUser } from '#app/modules/auth/session.server.ts'
import { applyRoster, previewRoster } from '#app/modules/universities/roster.server.ts'
import { makeUser } from '#tests/fixtures.server.ts'
import { completeInternship } from './internship.server.ts'
import { credentialTasksOf, runCredentialTasks } from './tasks.server.ts'
import { verifyCredentialReport } from './verify.server.ts'

async function upload(universityId: string, actor: SessionUser, text: string) {
  const preview = await previewRoster(universityId, text)
  if (!preview.confirm) throw new Error(JSON.stringify(preview.problems))
  await applyRoster(actor, universityId, preview.confirm.payload, preview.confirm.signature)
}

describe('course credentials from a roster upload', () => {
  test('issued once per student, verifiable, corrected when the grade changes', async () => {
    const skill = await prisma.skill.create({ data: { key: 'solidity-x', nameZh: 'Solidity', nameEn: 'Solidity', aliases: [] }, select: { id: true } })
    const university = await prisma.university.create({ data: { nameZh: '广西大学', nameEn: 'Guangxi University', city: 'nanning' }, select: { id: true } })
    await prisma.course.create({
      data: {
        universityId: university.id,
        code: 'BC101',
        titleZh: '区块链原理',
        titleEn: 'Blockchain principles',
        skills: { create: { skillId: skill.id, level: 3 } },
      },
      select: { id: true },
    })
    const created = await makeUser(['university_staff'])
    await prisma.universityStaff.create({ data: { userId: created.id, universityId: university.id }, select: { userId: true } })
    const staff = (await loadSessionUser(created.id))!
    await upload(university.id, staff, 'email,course_code,grade\nli@stu.cn,BC101,88\nwang@stu.cn,BC101,75\n')

    expect(await runCredentialTasks()).toBe(2)
    const [task] = await credentialTasksOf(staff.id)
    expect(task).toMatchObject({ kind: 'course', total: 2, done: 2, failed: 0 })
    expect(task?.finishedAt).toBeInstanceOf(Date)
    const rows = await prisma.issuedCredential.findMany({ select: { id: true, document: true, student: { select: { user: { select: { email: true } } } } } })
    expect(rows).toHaveLength(2)
    const li = rows.find((r) => r.student?.user.email === 'li@stu.cn')!
    const document = li.document as Record<string, unknown>
    expect(JSON.stringify(document)).toContain('"targetCode":"solidity-x"')
    expect(JSON.stringify(document)).toContain('"value":"88"')
    expect((await verifyCredentialReport(document)).verified).toBe(true)

    // Re-running changes nothing.
    await upload(university.id, staff, 'email,course_code,grade\nli@stu.cn,BC101,88\n')
    expect(await runCredentialTasks()).toBe(0)
    expect(await prisma.issuedCredential.count()).toBe(2)

    // A corrected grade: the old credential is revoked, a new one issued, the student told.
    await upload(university.id, staff, 'email,course_code,grade\nli@stu.cn,BC101,90\n')
    expect(await runCredentialTasks()).toBe(1)
    const old = await prisma.issuedCredential.findUniqueOrThrow({
      where: { id: li.id },
      select: { revokedAt: true, revocationReason: true, replacedById: true },
    })
    expect(old).toMatchObject({ revocationReason: 'corrected', replacedById: expect.any(String) })
    expect((await verifyCredentialReport(document)).status?.revoked).toBe(true)
    const notifications = await prisma.notification.findMany({ where: { user: { email: 'li@stu.cn' } }, select: { type: true } })
    expect(notifications.map((n) => n.type)).toEqual(expect.arrayContaining(['credential.issued', 'credential.revoked']))
  })
})

describe('internship credentials', () => {
  test('a verified company marks an accepted application completed; the company issues', async () => {
    const skill = await prisma.skill.create({ data: { key: 'fisco-x', nameZh: 'FISCO BCOS', nameEn: 'FISCO BCOS', aliases: [] }, select: { id: true } })
    const company = await prisma.company.create({
      data: { nameZh: '链科公司', nameEn: 'ChainTech', city: 'nanning', verifiedAt: new Date() },
      select: { id: true },
    })
    const member = await makeUser(['company_member'])
    await prisma.companyMember.create({ data: { userId: member.id, companyId: company.id } })
    const role = await prisma.internshipRole.create({
      data: {
        companyId: company.id,
        titleZh: '智能合约实习生',
        titleEn: 'Smart contract intern',
        kind: 'smart_contract_dev',
        city: 'nanning',
        workMode: 'onsite',
        stipendMin: 1,
        stipendMax: 2,
        daysPerWeek: 5,
        durationMonths: 3,
        languages: [],
        openings: 1,
        deadline: new Date('2026-12-31'),
        closesAt: new Date('2026-12-31T16:00:00Z'),
        status: 'published',
        skills: { create: { skillId: skill.id, level: 3, required: true } },
      },
      select: { id: true },
    })
    const student = await makeUser(['student'])
    const application = await prisma.application.create({
      data: { roleId: role.id, studentId: student.studentProfileId!, status: 'submitted', profileSnapshot: {} },
      select: { id: true },
    })
    const memberUser = { ...member, companyIds: [company.id] }
    await expect(
      completeInternship(memberUser, application.id, { startedOn: '2026-06-01', endedOn: '2026-08-31', skills: [{ skill: 'fisco-x', level: 4 }] }),
    ).rejects.toMatchObject({ key: 'credentials.notAccepted' })
    await prisma.application.update({ where: { id: application.id }, data: { status: 'accepted' } })
    await completeInternship(memberUser, application.id, { startedOn: '2026-06-01', endedOn: '2026-08-31', skills: [{ skill: 'fisco-x', level: 4 }] })
    expect(await runCredentialTasks()).toBe(1)
    const issued = await prisma.issuedCredential.findFirstOrThrow({
      where: { kind: 'internship' },
      select: { document: true, issuer: { select: { kind: true, companyId: true } } },
    })
    expect(issued.issuer).toEqual({ kind: 'company', companyId: company.id })
    expect(JSON.stringify(issued.document)).toContain('"activityEndDate":"2026-08-31"')
    expect((await verifyCredentialReport(issued.document)).verified).toBe(true)
  })
})
