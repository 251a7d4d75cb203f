import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { createSession, listSessions, revokeSession, validateSessionToken } from './session.server.ts'

async function user(email: string) {
  return prisma.user.create({ data: { email, name: email }, select: { id: true } })
}

describe('the sessions page', () => {
  test('lists the user’s devices, most recently seen first, and revokes one without touching the others', async () => {
    const { id } = await user('devices@example.cn')
    const phone = await createSession(id, { userAgent: 'Mozilla/5.0 (iPhone) Version/17.5 Mobile/15E148 Safari/604.1', ip: '203.0.113.7' })
    const laptop = await createSession(id, { userAgent: 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0.0.0 Safari/537.36', ip: '10.0.0.2' })
    const phoneId = (await validateSessionToken(phone.token))!.sessionId
    await prisma.session.update({ where: { id: phoneId }, data: { lastSeenAt: new Date(Date.now() - 3600_000) }, select: { id: true } })
    const listed = await listSessions(id)
    expect(listed.map((s) => s.ip)).toEqual(['10.0.0.2', '203.0.113.7'])
    await revokeSession(id, phoneId)
    expect(await validateSessionToken(phone.token)).toBeNull()
    expect(await validateSessionToken(laptop.token)).not.toBeNull()
  })

  test('another user’s session cannot be revoked (404)', async () => {
    const owner = await user('owner@example.cn')
    const other = await user('other@example.cn')
    const session = await createSession(owner.id)
    const sessionId = (await validateSessionToken(session.token))!.sessionId
    const error = await revokeSession(other.id, sessionId).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as UserFacingError).status).toBe(404)
    expect(await validateSessionToken(session.token)).not.toBeNull()
  })

  test('last seen is written only when it is more than a few minutes old', async () => {
    const { id } = await user('seen@example.cn')
    const session = await createSession(id)
    const sessionId = (await validateSessionToken(session.token))!.sessionId
    const recent = new Date(Date.now() - 60_000)
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: recent }, select: { id: true } })
    await validateSessionToken(session.token)
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeenAt: true } })).lastSeenAt).toEqual(recent)
    const old = new Date(Date.now() - 10 * 60_000)
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: old }, select: { id: true } })
    await validateSessionToken(session.token)
    const after = (await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { lastSeenAt: true } })).lastSeenAt
    expect(after.getTime()).toBeGreaterThan(old.getTime() + 5 * 60_000)
  })
})
