// Reporting the targets beyond roles and companies: an event, a contest submission (only
// by someone who may see it) and a message from the other side; hiding a submission takes
// it off the public team page and its screenshots.
import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { getMyApplication } from '#app/modules/applications/review.server.ts'
import { postMessage } from '#app/modules/applications/threads.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { publishResults } from '#app/modules/events/judging.server.ts'
import { saveSubmission, screenshotFile } from '#app/modules/events/submissions.server.ts'
import { createTeam, getTeam } from '#app/modules/events/teams.server.ts'
import { moderate } from '#app/modules/moderation/moderation.server.ts'
import { fileReport } from '#app/modules/moderation/reports.server.ts'
import { createRole } from '#app/modules/roles/roles.server.ts'
import { action as reportAction } from '#app/routes/report.tsx'
import { routeArgs } from '#tests/api-request.ts'
import { makeCompanyMember, makeEvent, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

let organizer: SessionUser
let student: SessionUser
let studentCookie: string

beforeAll(async () => {
  await seedSkills()
  organizer = await makeUser(['organizer'])
  student = await makeUser(['student'], { name: '举报人小韦' })
  studentCookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(student.id)).token}; lq_lang=en`
})

const report = (fields: Record<string, string>) =>
  reportAction(
    routeArgs(
      new Request('http://localhost/report', {
        method: 'POST',
        headers: { Cookie: studentCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    ),
  )

describe('reporting an event', () => {
  test('a signed-in user reports a published event; a draft is not found', async () => {
    const eventId = await makeEvent(organizer)
    const sent = (await report({ targetType: 'event', targetId: eventId, reason: 'fake_company', details: 'No such venue' })) as Response
    expect(sent.status).toBe(302)
    expect(sent.headers.get('Location')).toBe('/reports')
    expect(await prisma.report.findFirst({ where: { reporterId: student.id, targetType: 'event', targetId: eventId }, select: { reason: true } })).toEqual({
      reason: 'fake_company',
    })
    const draft = await prisma.event.update({ where: { id: eventId }, data: { status: 'draft' }, select: { id: true } })
    await expect(fileReport(await makeUser(['student']), { targetType: 'event', targetId: draft.id, reason: 'spam' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('reporting a contest submission', () => {
  test('only those who may see it report it; once hidden it leaves the public team page and its screenshots', async () => {
    const eventId = await makeEvent(organizer, { kind: 'contest', teamSizeMin: 1, teamSizeMax: 3 })
    const captain = await makeUser(['student'], { name: '队长小陆' })
    const team = await createTeam(eventId, captain, { name: '八桂链队' })
    await saveSubmission(team.id, captain.id, { title: '抄袭的作品', description: '与去年冠军作品相同' }, [PNG])
    const submissionId = (await prisma.submission.findUniqueOrThrow({ where: { teamId: team.id }, select: { id: true } })).id

    // Before the results are out, a stranger cannot see it, so cannot report it either.
    await expect(report({ targetType: 'submission', targetId: submissionId, reason: 'other' })).rejects.toMatchObject({ status: 404 })
    await publishResults(organizer, eventId)
    const sent = (await report({ targetType: 'submission', targetId: submissionId, reason: 'other', details: '与去年冠军作品相同' })) as Response
    expect(sent.status).toBe(302)

    await moderate(await makeUser(['admin']), { targetType: 'submission', targetId: submissionId, intent: 'hide', note: '抄袭' })
    expect((await getTeam(team.id, student)).submission).toBeNull()
    await expect(screenshotFile(team.id, 0, student)).rejects.toMatchObject({ status: 404 })
    // The team (and the staff) still see it.
    expect((await getTeam(team.id, captain)).submission?.title).toBe('抄袭的作品')
    expect((await getTeam(team.id, organizer)).submission?.title).toBe('抄袭的作品')
    expect((await screenshotFile(team.id, 0, captain)).contentType).toBe('image/png')
    const told = await prisma.notification.findFirstOrThrow({ where: { userId: student.id, type: 'report.resolved' }, select: { data: true } })
    expect(JSON.stringify(told.data)).toContain('抄袭的作品')
  })
})

describe('reporting a message', () => {
  test('each side may report the other side’s messages, not its own nor a hidden one', async () => {
    const firm = await makeCompanyMember({ nameZh: '桂链科技' })
    const roleId = (await createRole(firm.user, firm.companyId, roleFields({ title: { zh: '链上数据实习生' } }), 'published')).id
    const applicant = await makeUser(['student'], { name: '申请人小黄' })
    const application = await applyToRole(applicant, roleId, {})
    const rude = await postMessage(firm.user, application.id, '你的简历太差了，别浪费我时间')
    await postMessage(applicant, application.id, '好的，谢谢')
    const thread = (await getMyApplication(applicant, application.id))!.messages
    expect(thread.map((m) => [m.author.name, m.reportable])).toEqual([
      [firm.user.name, true],
      ['申请人小黄', false],
    ])
    await moderate(await makeUser(['admin']), { targetType: 'message', targetId: rude.id, intent: 'hide', note: '骚扰' })
    expect((await getMyApplication(applicant, application.id))!.messages[0]).toMatchObject({ body: null, reportable: false })
  })
})
