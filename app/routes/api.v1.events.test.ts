import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { makeEvent, makeUser } from '#tests/fixtures.server.ts'
import { loader as listLoader } from './api.v1.events.ts'
import { loader as detailLoader } from './api.v1.events.$id.ts'
import { action as registerAction, loader as registrationsLoader } from './api.v1.events.$id_.registrations.ts'
import { action as cancelAction } from './api.v1.events.$id_.registrations_.me.ts'
import { apiRequest, routeArgs } from '#tests/api-request.ts'

const base = 'http://localhost/api/v1/events'

async function tokenFor(userId: string) {
  return (await createApiToken(userId, 'test')).token
}

const req = (path: string, init: Parameters<typeof apiRequest>[1] = {}) => apiRequest(`${base}${path}`, init)

describe('events API', () => {
  test('list and detail carry the contract fields; key:KEY works; drafts are 404', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { key: 'cn-asean-lecture-1', capacity: 2, waitlist: true })
    const student = await makeUser()
    const token = await tokenFor(student.id)

    const list = await listLoader(routeArgs(req('?kind=lecture&perPage=5')))
    expect(list.status).toBe(200)
    const body = (await list.json()) as { items: Array<Record<string, unknown>>; total: number }
    expect(body.total).toBe(1)
    expect(body.items[0]).toMatchObject({
      id: eventId,
      key: 'cn-asean-lecture-1',
      kind: 'lecture',
      title: { zh: '区块链讲座', en: 'Blockchain lecture' },
      capacity: 2,
      confirmedCount: 0,
      waitlistCount: 0,
      registrationOpen: true,
    })
    expect(String(body.items[0]?.startsAt)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
    expect((await listLoader(routeArgs(req('?kind=nope')))).status).toBe(400)
    expect(((await (await listLoader(routeArgs(req('?kind=contest')))).json()) as { total: number }).total).toBe(0)

    const byKey = await detailLoader(routeArgs(req('/key:cn-asean-lecture-1'), { id: 'key:cn-asean-lecture-1' }))
    expect(byKey.status).toBe(200)
    expect(await byKey.json()).toMatchObject({ id: eventId, registrationOpen: true })
    const missing = await detailLoader(routeArgs(req('/nope'), { id: 'key:nope' }))
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Content-Type')).toContain('application/problem+json')

    const draft = await prisma.event.create({
      data: {
        kind: 'salon',
        titleZh: '草稿',
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 1000),
        registrationOpensAt: new Date(),
        registrationClosesAt: new Date(Date.now() + 1000),
      },
      select: { id: true },
    })
    expect((await detailLoader(routeArgs(req(`/${draft.id}`, { token }), { id: draft.id }))).status).toBe(404)
    expect((await registerAction(routeArgs(req(`/${draft.id}/registrations`, { method: 'POST', token, body: {} }), { id: draft.id }))).status).toBe(404)
  })

  test('register: 401 without token, 201, 409 with the existing one, 422 for bad input; cancel promotes', async () => {
    const organizer = await makeUser(['organizer'])
    const eventId = await makeEvent(organizer, { capacity: 1, waitlist: true })
    const [a, b] = [await makeUser(), await makeUser()]
    const [ta, tb] = [await tokenFor(a.id), await tokenFor(b.id)]
    const post = (token: string | undefined, body: unknown = {}) =>
      registerAction(routeArgs(req(`/${eventId}/registrations`, { method: 'POST', token, body }), { id: eventId }))

    expect((await post(undefined)).status).toBe(401)
    const first = await post(ta)
    expect(first.status).toBe(201)
    const created = (await first.json()) as { id: string; status: string }
    expect(created.status).toBe('confirmed')
    const again = await post(ta)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ status: 409, registration: { id: created.id, status: 'confirmed' } })
    expect((await registerAction(routeArgs(req(`/${eventId}/registrations`, { method: 'POST', token: tb, body: '{oops' }), { id: eventId }))).status).toBe(400)
    const badShape = await post(tb, { answers: 'no' })
    expect(badShape.status).toBe(422)
    expect(((await badShape.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('answers')
    expect(await (await post(tb)).json()).toMatchObject({ status: 'waitlisted' })

    const cancel = await cancelAction(routeArgs(req(`/${eventId}/registrations/me`, { method: 'DELETE', token: ta }), { id: eventId }))
    expect(cancel.status).toBe(200)
    expect(await cancel.json()).toEqual({ status: 'cancelled' })
    expect((await prisma.registration.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId: b.id } }, select: { status: true } })).status).toBe(
      'confirmed',
    )
    expect(await prisma.notification.count({ where: { userId: b.id, type: 'event.promoted' } })).toBe(1)
    expect((await cancelAction(routeArgs(req(`/${eventId}/registrations/me`, { method: 'DELETE', token: ta }), { id: eventId }))).status).toBe(404)
  })

  test('422 when closed or full without a waitlist', async () => {
    const organizer = await makeUser(['organizer'])
    const full = await makeEvent(organizer, { capacity: 1, waitlist: false })
    const closed = await makeEvent(organizer, { registrationOpensAt: new Date(Date.now() + 3600_000).toISOString() })
    const [a, b] = [await makeUser(), await makeUser()]
    const post = async (eventId: string, userId: string) =>
      registerAction(routeArgs(req(`/${eventId}/registrations`, { method: 'POST', token: await tokenFor(userId), body: {} }), { id: eventId }))
    expect((await post(full, a.id)).status).toBe(201)
    const refused = await post(full, b.id)
    expect(refused.status).toBe(422)
    expect(await refused.json()).toMatchObject({ title: 'This event is full.' })
    expect((await post(closed, a.id)).status).toBe(422)
  })

  test('the registration list is for the event’s organizers and admins', async () => {
    const organizer = await makeUser(['organizer'])
    const otherOrganizer = await makeUser(['organizer'])
    const admin = await makeUser(['admin'])
    const eventId = await makeEvent(organizer, { key: 'list-me' })
    const student = await makeUser(['student'], { name: '王小明' })
    await registerAction(routeArgs(req(`/${eventId}/registrations`, { method: 'POST', token: await tokenFor(student.id), body: {} }), { id: eventId }))
    const get = async (userId?: string) =>
      registrationsLoader(routeArgs(req(`/key:list-me/registrations`, { token: userId ? await tokenFor(userId) : undefined }), { id: 'key:list-me' }))
    expect((await get()).status).toBe(401)
    expect((await get(student.id)).status).toBe(403)
    expect((await get(otherOrganizer.id)).status).toBe(403)
    for (const allowed of [organizer.id, admin.id]) {
      const response = await get(allowed)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { items: Array<{ id: string; status: string; student: { name: string }; createdAt: string }> }
      expect(body.items).toHaveLength(1)
      expect(body.items[0]).toMatchObject({ status: 'confirmed', student: { name: '王小明' } })
      expect(Date.parse(body.items[0]!.createdAt)).not.toBeNaN()
    }
  })
})
