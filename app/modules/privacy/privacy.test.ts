// The versioned privacy notice: every sign-up accepts it (refused without, naming the field),
// the version and time are stored, and a user whose accepted version is older than the
// current one is sent to accept it before any page, then back where they were going.
import { describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { makeUser } from '#tests/fixtures.server.ts'
import { routeArgs } from '#tests/api-request.ts'
import { action as signUpAction } from '#app/routes/signup.tsx'
import { action as acceptAction, loader as acceptLoader } from '#app/routes/privacy.accept.tsx'
import { loader as noticeLoader } from '#app/routes/privacy._index.tsx'
import { loader as profileLoader } from '#app/routes/profile.tsx'
import { PRIVACY_NOTICE_VERSION, privacyNoticeOutdated } from './notice.ts'

function form(url: string, fields: Record<string, string>, cookie = 'lq_lang=en') {
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
}

async function cookieFor(userId: string) {
  const { token } = await createSession(userId)
  return `${cookieName(SESSION_COOKIE)}=${token}; lq_lang=en`
}

const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } })

/** What a thrown or returned redirect points at. */
async function locationOf(run: () => Promise<unknown>) {
  const result = await run().catch((thrown: unknown) => thrown)
  return result instanceof Response && result.status >= 300 && result.status < 400 ? result.headers.get('Location') : null
}

/** The answer of an action that replied with a Conform submission (status and field errors). */
function reply(result: unknown) {
  const { data, init } = result as { data: { result?: { error?: Record<string, string[]> } }; init: { status?: number } | null }
  return { status: init?.status, errors: data.result?.error ?? {} }
}

describe('privacy notice', () => {
  test('a sign-up without accepting the notice is refused, naming the field; with it, the version and time are stored', async () => {
    for (const kind of ['student', 'company'] as const) {
      const email = `${kind}-no-consent@example.cn`
      const fields = { name: '新用户', email, password: 'a good long password', companyNameZh: '南宁某链科技', city: '南宁' }
      const refused = reply(await signUpAction(routeArgs(form(`/signup?as=${kind}`, fields))))
      expect(refused.status).toBe(400)
      expect(refused.errors.consent).toEqual(['Please read and accept the privacy notice'])
      expect(await prisma.user.count({ where: { email } })).toBe(0)
    }
    const email = 'consenting@example.cn'
    const before = new Date()
    const done = await signUpAction(routeArgs(form('/signup?as=student', { name: '李华', email, password: 'a good long password', consent: 'on' })))
    expect((done as Response).headers.get('Location')).toBe('/verify-email')
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, privacyNoticeVersion: true, privacyNoticeAcceptedAt: true } })
    expect(user.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION)
    expect(user.privacyNoticeAcceptedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000)
    expect(await prisma.auditLog.count({ where: { action: 'privacy.accept', entityId: user.id } })).toBe(1)
  })

  test('a newer version than the one accepted asks again before any page, then returns to it', async () => {
    expect(privacyNoticeOutdated(PRIVACY_NOTICE_VERSION)).toBe(false)
    expect(privacyNoticeOutdated(PRIVACY_NOTICE_VERSION, PRIVACY_NOTICE_VERSION + 1)).toBe(true)
    expect(privacyNoticeOutdated(null)).toBe(true)

    const student = await makeUser(['student'])
    const cookie = await cookieFor(student.id)
    expect(await locationOf(() => profileLoader(routeArgs(get('/profile', cookie))))).toBeNull()

    // The notice moved on since this user accepted: the same as bumping the version.
    await prisma.user.update({ where: { id: student.id }, data: { privacyNoticeVersion: PRIVACY_NOTICE_VERSION - 1 }, select: { id: true } })
    const stale = await cookieFor(student.id)
    expect(await locationOf(() => profileLoader(routeArgs(get('/profile?tab=2', stale))))).toBe(`/privacy/accept?redirectTo=${encodeURIComponent('/profile?tab=2')}`)
    // The notice itself and the accept page stay open.
    expect(await locationOf(() => noticeLoader(routeArgs(get('/privacy', stale))))).toBeNull()
    const page = await acceptLoader(routeArgs(get('/privacy/accept?redirectTo=%2Fprofile', stale)))
    expect(page).toMatchObject({ version: PRIVACY_NOTICE_VERSION, accepted: { version: PRIVACY_NOTICE_VERSION - 1 } })

    // Submitting without the box ticked names the field; a target off the site is not followed.
    const unticked = reply(await acceptAction(routeArgs(form('/privacy/accept', { redirectTo: '/profile' }, stale))))
    expect(unticked.errors.consent).toEqual(['Please read and accept the privacy notice'])
    const accepted = await acceptAction(routeArgs(form('/privacy/accept', { redirectTo: '//evil.example/x', consent: 'on' }, stale)))
    expect((accepted as Response).headers.get('Location')).toBe('/')
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: student.id }, select: { privacyNoticeVersion: true } })
    expect(stored.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION)
    const fresh = await cookieFor(student.id)
    expect(await locationOf(() => profileLoader(routeArgs(get('/profile', fresh))))).toBeNull()
    // Once accepted, the accept page sends the user on to where they were going.
    expect(await locationOf(() => acceptLoader(routeArgs(get('/privacy/accept?redirectTo=%2Fprofile', fresh))))).toBe('/profile')
  })

  test('an account an operator made (no notice accepted yet) is asked at its first page', async () => {
    const staff = await makeUser(['university_staff'])
    await prisma.user.update({ where: { id: staff.id }, data: { privacyNoticeVersion: null, privacyNoticeAcceptedAt: null }, select: { id: true } })
    const cookie = await cookieFor(staff.id)
    expect(await locationOf(() => profileLoader(routeArgs(get('/profile', cookie))))).toBe(`/privacy/accept?redirectTo=${encodeURIComponent('/profile')}`)
  })
})
