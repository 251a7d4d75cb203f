import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { makeEvent, makeUser } from '#tests/fixtures.server.ts'
import { signUpInvited } from './accounts.server.ts'
import { acceptInvitation, consumeInvitation, createInvitation, describeInvitation } from './invitations.server.ts'
import { loadSessionUser } from './session.server.ts'

const token = (path: string) => decodeURIComponent(path.replace('/invite/', ''))

describe('event invitations', () => {
  test('a judge invitation creates only the event staff row, never the platform organizer role', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer)
    const invitation = await createInvitation({ kind: 'event_judge', eventId }, organizer.id)
    const view = await describeInvitation(token(invitation.path))
    expect(view).toMatchObject({ role: null, landing: `/judge/events/${eventId}` })
    const judge = await signUpInvited(
      { name: '评委', email: 'judge@example.cn', password: 'correct horse battery staple', consent: 'on' },
      'zh-CN',
      (tx, userId) => consumeInvitation(tx, token(invitation.path), userId, 'judge@example.cn'),
      view.role,
    )
    const loaded = await loadSessionUser(judge.id)
    expect(loaded?.roles).toEqual([])
    expect(await prisma.eventStaff.findMany({ where: { userId: judge.id }, select: { eventId: true, role: true } })).toEqual([{ eventId, role: 'judge' }])
  })

  test('a student accepting a co-organizer invitation stays a student and becomes co-organizer of that event only', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer)
    const student = await makeUser(['student'])
    const invitation = await createInvitation({ kind: 'event_coorganizer', eventId }, organizer.id)
    await acceptInvitation(token(invitation.path), student)
    expect((await loadSessionUser(student.id))?.roles).toEqual(['student'])
    expect(await prisma.eventStaff.findMany({ where: { userId: student.id }, select: { eventId: true, role: true } })).toEqual([
      { eventId, role: 'coorganizer' },
    ])
  })
})
