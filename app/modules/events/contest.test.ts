import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { checkIn, getTicket } from './checkin.server.ts'
import { addAward, awardsForUser, declareConflict, judgeView, leaderboard, publishResults, saveScores, setRubric } from './judging.server.ts'
import { registerForEvent } from './registrations.server.ts'
import { sendDueReminders } from './reminders.server.ts'
import { saveSubmission } from './submissions.server.ts'
import { createTeam, decideJoinRequest, requestToJoin } from './teams.server.ts'
import { makeEvent, makeUser } from '#tests/fixtures.server.ts'

const keyOf = (e: unknown) => (e instanceof UserFacingError ? `${e.status}:${e.key}` : String(e))
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

describe('contests end to end', () => {
  test('teams, team registration, submission, judging with a conflict, results and awards', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, {
      kind: 'contest',
      capacity: 2,
      waitlist: true,
      teamSizeMin: 2,
      teamSizeMax: 2,
      tracks: 'defi | 金融 | DeFi\ngov | 政务 | Government',
      submissionDeadline: new Date(Date.now() + 30 * 3600_000).toISOString(),
    })
    const [cap, mate, third, cap2, mate2] = [await makeUser(), await makeUser(), await makeUser(), await makeUser(), await makeUser()]
    const team = await createTeam(eventId, cap, { name: '链上先锋' })
    expect(await createTeam(eventId, cap, { name: '另一队' }).catch(keyOf)).toBe('409:teams.alreadyInTeam')
    expect(await createTeam(eventId, cap2, { name: '链上先锋' }).catch(keyOf)).toBe('409:teams.nameTaken')

    // Too small to register; then a join request accepted; the team is full at 2.
    expect(await registerForEvent(eventId, cap, { teamId: team.id }).catch(keyOf)).toBe('422:events.teamTooSmall')
    await requestToJoin(team.inviteCode, mate)
    await requestToJoin(team.inviteCode, third)
    const requests = await prisma.teamJoinRequest.findMany({ where: { teamId: team.id }, orderBy: { createdAt: 'asc' }, select: { id: true } })
    expect(await decideJoinRequest(requests[0]!.id, mate.id, true).catch(keyOf)).toBe('404:error.notFound')
    await decideJoinRequest(requests[0]!.id, cap.id, true)
    expect(await decideJoinRequest(requests[1]!.id, cap.id, true).catch(keyOf)).toBe('422:teams.full')
    expect(await registerForEvent(eventId, mate, { teamId: team.id }).catch(keyOf)).toBe('422:events.notCaptain')
    expect(await registerForEvent(eventId, cap, {}).catch(keyOf)).toBe('422:events.teamRequired')
    expect((await registerForEvent(eventId, cap, { teamId: team.id })).status).toBe('confirmed')
    expect((await prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { confirmedCount: true } })).confirmedCount).toBe(1)

    const team2 = await createTeam(eventId, cap2, { name: '南宁之星' })
    await requestToJoin(team2.inviteCode, mate2)
    const r2 = await prisma.teamJoinRequest.findFirstOrThrow({ where: { teamId: team2.id }, select: { id: true } })
    await decideJoinRequest(r2.id, cap2.id, true)
    await registerForEvent(eventId, cap2, { teamId: team2.id })

    // Submissions: images checked by content.
    expect(await saveSubmission(team.id, mate.id, { title: 'x', description: 'y' }, [new TextEncoder().encode('GIF89a')]).catch(keyOf)).toBe(
      '422:submission.notImage',
    )
    expect(await saveSubmission(team.id, mate.id, { title: 'x', description: 'y' }, [new Uint8Array(2 * 1024 * 1024 + 1)]).catch(keyOf)).toBe(
      '413:submission.tooLarge',
    )
    expect(await saveSubmission(team.id, third.id, { title: 'x', description: 'y' }, []).catch(keyOf)).toBe('403:submission.notMember')
    await saveSubmission(team.id, mate.id, { title: '跨境结算', description: '基于 FISCO BCOS', repoUrl: 'https://example.com/r' }, [PNG])
    expect(await saveSubmission(team.id, mate.id, { title: 'late', description: 'late' }, [], new Date(Date.now() + 31 * 3600_000)).catch(keyOf)).toBe(
      '422:submission.locked',
    )

    // Judging: two judges, one conflicted with team 1.
    await setRubric(organizer, eventId, {
      criteria: [
        { key: 'innovation', nameZh: '创新', weight: 60 },
        { key: 'value', nameZh: '价值', weight: 40 },
      ],
    })
    const [j1, j2] = [await makeUser(['organizer']), await makeUser(['organizer'])]
    await prisma.eventStaff.createMany({
      data: [
        { eventId, userId: j1.id, role: 'judge' },
        { eventId, userId: j2.id, role: 'judge' },
      ],
    })
    await declareConflict(eventId, j2.id, team.id)
    const view = await judgeView(eventId, j2.id)
    expect(view.teams.map((t) => t.id)).toEqual([team2.id])
    const rubric = view.rubric
    const scores = (a: number, b: number) => ({ [rubric[0]!.id]: a, [rubric[1]!.id]: b })
    expect(await saveScores(eventId, j2.id, { teamId: team.id, scores: scores(9, 9) }).catch(keyOf)).toBe('404:error.notFound')
    await saveScores(eventId, j1.id, { teamId: team.id, scores: scores(8, 7) })
    await saveScores(eventId, j1.id, { teamId: team2.id, scores: scores(5, 6) })
    await saveScores(eventId, j2.id, { teamId: team2.id, scores: scores(10, 10) })
    const board = await leaderboard(eventId)
    expect(board.map((s) => s.teamId)).toEqual([team.id, team2.id])

    await addAward(organizer, eventId, { teamId: team.id, titleZh: '一等奖', titleEn: 'First prize', rank: 1 })
    expect(await awardsForUser(mate.id)).toEqual([])
    await publishResults(organizer, eventId)
    const awards = await awardsForUser(mate.id)
    expect(awards).toHaveLength(1)
    expect(awards[0]).toMatchObject({ title: { zh: '一等奖', en: 'First prize' }, team: { id: team.id } })
    expect(await prisma.notification.count({ where: { type: 'event.resultsPublished' } })).toBe(4)
  })
})

describe('check-in and reminders', () => {
  test('by code once and only once; the token works; another event’s ticket is refused', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, {
      capacity: 5,
      startsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 5 * 3600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    })
    const other = await makeEvent(organizer, { capacity: 5 })
    const [a, b, c] = [await makeUser(['student'], { name: '张三' }), await makeUser(), await makeUser()]
    await registerForEvent(eventId, a, {})
    await registerForEvent(eventId, b, {})
    await registerForEvent(other, c, {})
    const ticketA = await getTicket(eventId, a.id)
    expect(ticketA.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)

    const results = await Promise.allSettled([checkIn(organizer, eventId, ticketA.ticketCode.toLowerCase()), checkIn(organizer, eventId, ticketA.ticketCode)])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(keyOf(refused.reason)).toBe('409:checkin.already')
    expect((results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ name: string }>).value.name).toBe('张三')

    const ticketB = await getTicket(eventId, b.id)
    expect((await checkIn(organizer, eventId, ticketB.token)).registrationId).toBeTruthy()
    const ticketC = await getTicket(other, c.id)
    expect(await checkIn(organizer, eventId, ticketC.token).catch(keyOf)).toBe('422:checkin.otherEvent')
    expect(await checkIn(organizer, eventId, ticketC.ticketCode).catch(keyOf)).toBe('422:checkin.otherEvent')
    expect(await checkIn(organizer, eventId, `${ticketB.token}x`).catch(keyOf)).toBe('422:checkin.invalid')

    // Reminders: the event starts within 24 h; the other one does not. Sent once.
    expect(await sendDueReminders()).toBe(2)
    expect(await sendDueReminders()).toBe(0)
    expect(await prisma.notification.count({ where: { type: 'event.reminder', userId: c.id } })).toBe(0)
  })
})
