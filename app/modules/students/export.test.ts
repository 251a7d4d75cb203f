// The right of access: the export holds every section the issue lists, each with this
// student's own data (and nothing of another student's).
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { applyToRole, withdraw } from '#app/modules/applications/applications.server.ts'
import { getCompanyApplication } from '#app/modules/applications/review.server.ts'
import { postMessage } from '#app/modules/applications/threads.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { issueStoredCredential } from '#app/modules/credentials/issue.server.ts'
import { platformIssuer } from '#app/modules/credentials/issuers.server.ts'
import { openBadgeCredential } from '#app/modules/credentials/open-badge.server.ts'
import { messageRegistrants } from '#app/modules/events/dashboard.server.ts'
import { registerForEvent } from '#app/modules/events/registrations.server.ts'
import { saveSubmission } from '#app/modules/events/submissions.server.ts'
import { createTeam } from '#app/modules/events/teams.server.ts'
import { makeCompanyMember, makeEvent, makeRole, makeUser, seedSkills } from '#tests/fixtures.server.ts'
import { addEvidence } from './evidence.server.ts'
import { addClaimedCourse } from './profile.server.ts'
import { exportStudentData } from './data-rights.server.ts'
import { evidenceSchema } from './schemas.ts'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

describe('data export', () => {
  test('every section the issue lists is present with the student’s data', async () => {
    await seedSkills()
    const university = await prisma.university.create({ data: { nameZh: '桂林电子科技大学', city: 'guilin' }, select: { id: true } })
    const course = await prisma.course.create({ data: { universityId: university.id, code: 'BC201', titleZh: '智能合约开发' }, select: { id: true } })
    const student = await makeUser(['student'], { name: '覃导出', universityId: university.id })
    const other = await makeUser(['student'], { name: '别的学生' })
    const studentId = student.studentProfileId!

    await addClaimedCourse(studentId, { courseId: course.id, grade: 88 })
    await addEvidence(studentId, evidenceSchema.parse({ kind: 'project', title: '跨境存证 DApp', skills: [{ skill: 'solidity', level: 3 }] }))

    const { user: member, companyId } = await makeCompanyMember({ nameZh: '导出测试链科' })
    const role = await makeRole(companyId)
    const application = await applyToRole(student, role.id, { note: '我想申请' })
    await applyToRole(other, role.id, {})
    await postMessage(member, application.id, '欢迎来面试')
    await getCompanyApplication(member, application.id)
    await withdraw(student, application.id, '已找到实习')

    const organizer = await makeUser(['organizer'])
    const lecture = await makeEvent(organizer)
    await registerForEvent(lecture, student, {})
    await messageRegistrants(organizer, lecture, { status: 'confirmed', subject: '讲座改到 302 教室', body: '请准时到场' })
    const contest = await makeEvent(organizer, {
      kind: 'contest',
      capacity: 5,
      teamSizeMin: 1,
      teamSizeMax: 3,
      submissionDeadline: new Date(Date.now() + 30 * 3600_000).toISOString(),
    })
    const team = await createTeam(contest, student, { name: '导出队' })
    await saveSubmission(team.id, student.id, { title: '链上学分', description: '学分互认' }, [PNG])

    const issuer = await platformIssuer()
    await issueStoredCredential({
      issuerId: issuer.id,
      studentId,
      kind: 'course',
      build: ({ issuerDid, credentialId }) =>
        openBadgeCredential(
          { issuerDid, credentialId, issuerName: { zh: '链桥平台', en: 'Lianqiao platform' } },
          { name: '覃导出', email: student.email },
          {
            key: 'course:export',
            achievementType: 'Course',
            name: { zh: '智能合约开发', en: 'Smart contract development' },
            description: { zh: '课程', en: 'A course' },
            criteria: { zh: '完成课程', en: 'Complete the course' },
            skills: [{ key: 'solidity', name: { zh: 'Solidity', en: 'Solidity' } }],
            result: { kind: 'grade', value: 88 },
            validFrom: new Date(Date.now() - 60_000),
          },
        ),
    })
    await createSession(student.id, { userAgent: 'Export test browser', ip: '203.0.113.7' })

    const { user, notesAddressedToMe } = await exportStudentData(student.id)
    const profile = user.studentProfile!
    expect(user).toMatchObject({ email: student.email, name: '覃导出', privacyNoticeVersion: expect.any(Number) })
    expect(profile.university?.nameZh).toBe('桂林电子科技大学')
    expect(profile.courses).toEqual([expect.objectContaining({ grade: 88, verified: false, course: expect.objectContaining({ code: 'BC201' }) })])
    expect(profile.evidence).toEqual([expect.objectContaining({ kind: 'project', title: '跨境存证 DApp', skills: [expect.objectContaining({ level: 3 })] })])

    expect(profile.applications).toHaveLength(1)
    const [mine] = profile.applications
    expect(mine).toMatchObject({ id: application.id, note: '我想申请', status: 'withdrawn', withdrawnReason: '已找到实习' })
    expect(mine!.profileSnapshot).toMatchObject({ name: '覃导出', email: student.email })
    expect(mine!.events.map((e) => e.toStatus)).toEqual(['submitted', 'withdrawn'])
    expect(mine!.messages).toEqual([expect.objectContaining({ body: '欢迎来面试' })])

    expect(notesAddressedToMe).toEqual([expect.objectContaining({ type: 'event.message', data: expect.objectContaining({ subject: '讲座改到 302 教室' }) })])
    expect(user.registrations.map((r) => r.event.id).sort()).toEqual([lecture].sort())
    expect(user.teamMembers).toEqual([
      expect.objectContaining({ team: expect.objectContaining({ name: '导出队', submission: expect.objectContaining({ title: '链上学分' }) }) }),
    ])
    expect(profile.credentials).toEqual([
      expect.objectContaining({ kind: 'course', revokedAt: null, issuer: expect.objectContaining({ nameZh: expect.any(String) }) }),
    ])
    expect(JSON.stringify(profile.credentials[0]!.document)).toContain('覃导出')
    expect(user.notifications.map((n) => n.type)).toEqual(expect.arrayContaining(['application.message', 'event.message']))
    expect(profile.views).toEqual([
      expect.objectContaining({ context: `application:${application.id}`, company: expect.objectContaining({ nameZh: '导出测试链科' }) }),
    ])
    expect(user.sessions).toEqual(expect.arrayContaining([expect.objectContaining({ userAgent: 'Export test browser', ip: '203.0.113.7' })]))
    expect(user.auditLogs.map((a) => a.action)).toEqual(expect.arrayContaining(['team.create', 'submission.save']))
    expect(JSON.stringify({ user, notesAddressedToMe })).not.toContain('别的学生')
  })
})
