// Deleting an account: a captained contest team passes to the next member (team,
// registration and submission stay), the user's files go, and other people's notifications
// keep their sentence without the user's name.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { registerForEvent } from '#app/modules/events/registrations.server.ts'
import { saveSubmission } from '#app/modules/events/submissions.server.ts'
import { createTeam, decideJoinRequest, requestToJoin } from '#app/modules/events/teams.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { medianFirstResponse } from '#app/modules/applications/response-time.server.ts'
import { listApplicants } from '#app/modules/applications/review.server.ts'
import { postMessage } from '#app/modules/applications/threads.server.ts'
import { checkIn } from '#app/modules/events/checkin.server.ts'
import { eventDashboard, organizerDashboard } from '#app/modules/events/dashboard.server.ts'
import { listCompanyRoles } from '#app/modules/roles/roles.server.ts'
import { makeCompanyMember, makeEvent, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { storage } from '#app/modules/storage/storage.server.ts'
import { deleteStudentAccount } from './data-rights.server.ts'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

describe('account deletion', () => {
  test('the captain leaves: the team, its registration and its submission stay with the next member', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, {
      kind: 'contest',
      capacity: 5,
      teamSizeMin: 2,
      teamSizeMax: 3,
      submissionDeadline: new Date(Date.now() + 30 * 3600_000).toISOString(),
    })
    const [captain, mate] = [await makeUser(['student'], { name: '队长小王' }), await makeUser(['student'], { name: '队员小李' })]
    const team = await createTeam(eventId, captain, { name: '链上先锋' })
    await requestToJoin(team.inviteCode, mate)
    const request = await prisma.teamJoinRequest.findFirstOrThrow({ where: { teamId: team.id }, select: { id: true } })
    await decideJoinRequest(request.id, captain.id, true)
    await registerForEvent(eventId, captain, { teamId: team.id })
    await saveSubmission(team.id, mate.id, { title: '跨境结算', description: '基于 FISCO BCOS' }, [PNG])
    await prisma.notification.create({
      data: { userId: mate.id, type: 'application.received', data: { student: '队长小王', role: { zh: '岗位' } } },
      select: { id: true },
    })

    await deleteStudentAccount(captain.id, captain.email)

    const kept = await prisma.team.findUniqueOrThrow({
      where: { id: team.id },
      select: {
        captainId: true,
        members: { select: { userId: true } },
        registration: { select: { userId: true, status: true } },
        submission: { select: { title: true, screenshots: true } },
      },
    })
    expect(kept).toMatchObject({
      captainId: mate.id,
      members: [{ userId: mate.id }],
      registration: { userId: mate.id, status: 'confirmed' },
      submission: { title: '跨境结算' },
    })
    expect(await storage.get(kept.submission!.screenshots[0]!)).not.toBeNull()
    expect(await prisma.user.findUnique({ where: { id: captain.id }, select: { id: true } })).toBeNull()
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: mate.id, type: 'application.received' }, select: { data: true } })
    expect(JSON.stringify(note.data)).not.toContain('队长小王')
    expect(note.data).toMatchObject({ student: '已注销用户 / deleted user' })
  })

  test('a captain alone takes the team and its screenshots along', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, {
      kind: 'contest',
      capacity: 5,
      teamSizeMin: 1,
      teamSizeMax: 3,
      submissionDeadline: new Date(Date.now() + 30 * 3600_000).toISOString(),
    })
    const solo = await makeUser(['student'])
    const team = await createTeam(eventId, solo, { name: '独行侠' })
    await saveSubmission(team.id, solo.id, { title: '独作', description: '一个人' }, [PNG])
    const { screenshots } = await prisma.submission.findUniqueOrThrow({ where: { teamId: team.id }, select: { screenshots: true } })
    await deleteStudentAccount(solo.id, solo.email)
    expect(await prisma.team.findUnique({ where: { id: team.id }, select: { id: true } })).toBeNull()
    expect(await storage.get(screenshots[0]!)).toBeNull()
  })

  test('counts companies and organisers see survive the deletion, without the person', async () => {
    const university = await prisma.university.create({ data: { nameZh: '广西民族大学', city: 'nanning' }, select: { id: true } })
    const student = await makeUser(['student'], { name: '将注销', universityId: university.id })
    const { user: member, companyId } = await makeCompanyMember()
    const role = await makeRole(companyId)
    const application = await applyToRole(student, role.id, {})
    await postMessage(member, application.id, '请补充材料')
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer)
    const registration = await registerForEvent(eventId, student, {})
    const { ticketCode } = await prisma.registration.findFirstOrThrow({ where: { eventId, userId: student.id }, select: { ticketCode: true } })
    await checkIn(organizer, eventId, ticketCode)

    const counts = async () => {
      const stats = await eventDashboard(eventId)
      return {
        applicants: (await listApplicants(member, role.id, {}))?.counts,
        roleApplications: (await listCompanyRoles(companyId)).find((r) => r.id === role.id)?.applications,
        responses: (await medianFirstResponse(companyId)).responses,
        registrations: stats.counts,
        perDay: stats.perDay.reduce((sum, d) => sum + d.count, 0),
        byUniversity: stats.byUniversity.map((u) => [u.nameZh, u.count]),
      }
    }
    const before = await counts()
    expect(before).toMatchObject({ applicants: { submitted: 1 }, roleApplications: 1, responses: 1, perDay: 1, byUniversity: [['广西民族大学', 1]] })
    expect(before.registrations).toMatchObject({ [registration.status]: 1, checkedIn: 1 })

    await deleteStudentAccount(student.id, student.email)

    expect(await counts()).toEqual(before)
    // The person is gone from every list: only the numbers stay.
    expect((await listApplicants(member, role.id, {}))?.applicants).toEqual([])
    expect(JSON.stringify(await organizerDashboard(eventId))).not.toContain('将注销')
    expect(await prisma.application.count({ where: { id: application.id } })).toBe(0)
  })
})
