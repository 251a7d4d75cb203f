// Reports and moderation: reporting once within a limit, hiding (404 for all but the
// company, who sees why, and admins), suspension taking a company's roles out of search
// and restoring them, the reporter told the outcome, warnings on messages.
import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { getMyApplication } from '#app/modules/applications/review.server.ts'
import { postMessage } from '#app/modules/applications/threads.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { makeUser as makeStudent } from '#tests/fixtures.server.ts'
import { createRole, getRoleForViewer } from '#app/modules/roles/roles.server.ts'
import { makeCompanyMember, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { drainOutbox } from '#app/modules/search/outbox.server.ts'
import { ensureRoleIndex } from '#app/modules/search/role-index.server.ts'
import { roleSearchSchema } from '#app/modules/search/schemas.ts'
import { searchRoles } from '#app/modules/search/search.server.ts'
import { action as reportAction } from '#app/routes/report.tsx'
import { action as moderationAction, loader as moderationLoader } from '#app/routes/admin.moderation.tsx'
import { routeArgs } from '#tests/api-request.ts'
import { moderate } from '#app/modules/moderation/moderation.server.ts'
import { fileReport } from '#app/modules/moderation/reports.server.ts'

let firm: Awaited<ReturnType<typeof makeCompanyMember>>
let student: Awaited<ReturnType<typeof makeStudent>>
let studentCookie: string
let adminCookie: string
let roleId: string
let otherRoleId: string

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  firm = await makeCompanyMember({ nameZh: '押金科技' })
  student = await makeStudent(['student'], { name: '小李' })
  studentCookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(student.id)).token}; lq_lang=en`
  const admin = await makeUser(['admin'])
  adminCookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(admin.id)).token}; lq_lang=en`
  roleId = (await createRole(firm.user, firm.companyId, roleFields({ title: { zh: '区块链实习生' } }), 'published')).id
  otherRoleId = (await createRole(firm.user, firm.companyId, roleFields({ title: { zh: '合约测试实习生' } }), 'published')).id
  await drainOutbox()
})

const form = (url: string, cookie: string, fields: Record<string, string>) =>
  routeArgs(
    new Request(`http://localhost${url}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    }),
  )

type FormReply = { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
const searchIds = async () => (await searchRoles(roleSearchSchema.parse({}))).hits.map((h) => h.id).sort()

describe('reports', () => {
  test('a signed-in user reports a thing once; details are capped; a bot filling the honeypot is refused', async () => {
    const sent = (await reportAction(
      form('/report', studentCookie, { targetType: 'role', targetId: roleId, reason: 'money', details: 'Asks for a 500 CNY deposit on WeChat' }),
    )) as Response
    expect(sent.status).toBe(302)
    const again = (await reportAction(form('/report', studentCookie, { targetType: 'role', targetId: roleId, reason: 'spam' }))) as unknown as FormReply
    expect(again.init.status).toBe(409)
    const long = (await reportAction(
      form('/report', studentCookie, { targetType: 'role', targetId: otherRoleId, reason: 'other', details: 'x'.repeat(2001) }),
    )) as unknown as FormReply
    expect(long.init.status).toBe(400)
    expect(long.data.result.error.details?.[0]).toMatch(/2000/)
    const bot = (await reportAction(
      form('/report', studentCookie, { targetType: 'role', targetId: otherRoleId, reason: 'spam', website_url: 'http://spam.example' }),
    )) as unknown as FormReply
    expect(bot.init.status).toBe(400)
    await expect(reportAction(form('/report', studentCookie, { targetType: 'role', targetId: 'no-such-role', reason: 'spam' }))).rejects.toMatchObject({
      status: 404,
    })
    expect(await prisma.report.count()).toBe(1)
  })

  test('reports are rate-limited per reporter', async () => {
    const flooder = await makeStudent(['student'])
    const attempts = []
    for (let i = 0; i < 21; i++)
      attempts.push(
        await fileReport(flooder, { targetType: 'role', targetId: `missing-${i}`, reason: 'spam' }).catch((error: { status: number }) => error.status),
      )
    expect(attempts.slice(0, 20).every((status) => status === 404)).toBe(true)
    expect(attempts[20]).toBe(429)
  })
})

describe('moderation', () => {
  test('hiding a role: 404 for students, the company sees why, admins see it; the reporter is told; audited', async () => {
    const queue = await moderationLoader(routeArgs(new Request('http://localhost/admin/moderation', { headers: { Cookie: adminCookie } })))
    expect(queue.entries).toEqual([expect.objectContaining({ targetType: 'role', targetId: roleId, label: { zh: '区块链实习生', en: null } })])
    const noReason = (await moderationAction(
      form('/admin/moderation', adminCookie, { targetType: 'role', targetId: roleId, intent: 'hide', note: '' }),
    )) as unknown as { init: { status: number } }
    expect(noReason.init.status).toBe(400)
    const hidden = (await moderationAction(
      form('/admin/moderation', adminCookie, { targetType: 'role', targetId: roleId, intent: 'hide', note: 'Asks applicants for a deposit' }),
    )) as Response
    expect(hidden.status).toBe(302)

    await expect(getRoleForViewer(roleId, student)).rejects.toMatchObject({ status: 404 })
    await expect(getRoleForViewer(roleId, null)).rejects.toMatchObject({ status: 404 })
    expect((await getRoleForViewer(roleId, firm.user)).hidden).toEqual({ reason: 'Asks applicants for a deposit' })
    expect((await getRoleForViewer(roleId, await makeUser(['admin']))).hidden).not.toBeNull()
    await drainOutbox()
    expect(await searchIds()).toEqual([otherRoleId])

    const told = await prisma.notification.findMany({ where: { userId: student.id, type: 'report.resolved' }, select: { data: true, link: true } })
    expect(told).toEqual([{ data: { target: { zh: '区块链实习生', en: null }, outcome: { zh: '内容已被隐藏', en: 'it was hidden' } }, link: '/reports' }])
    expect(JSON.stringify(told)).not.toMatch(/deposit|押金科技/)
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'moderation.hide' }, select: { actorId: true, entityId: true, data: true } })
    expect(audit).toMatchObject({ entityId: roleId, data: { note: 'Asks applicants for a deposit' } })
    expect(audit.actorId).not.toBeNull()
    expect(await prisma.report.findMany({ select: { status: true, outcome: true } })).toEqual([{ status: 'resolved', outcome: 'hide' }])

    await moderate(await makeUser(['admin']), { targetType: 'role', targetId: roleId, intent: 'restore', note: 'Deposit wording removed' })
    await drainOutbox()
    expect(await searchIds()).toEqual([roleId, otherRoleId].sort())
  })

  test('suspending a company takes all its roles out of search; students keep their applications; lifting brings them back', async () => {
    const application = await applyToRole(student, otherRoleId, {})
    const admin = await makeUser(['admin'])
    await moderate(admin, { targetType: 'role', targetId: otherRoleId, intent: 'suspend', note: 'Fake company' })
    await drainOutbox()
    expect(await searchIds()).toEqual([])
    expect(await getMyApplication(student, application.id)).toMatchObject({ id: application.id, role: expect.anything() })
    await expect(applyToRole(await makeStudent(['student']), roleId, {})).rejects.toMatchObject({ status: 422 })
    await expect(createRole(firm.user, firm.companyId, roleFields(), 'published')).rejects.toMatchObject({ status: 422 })

    await moderate(admin, { targetType: 'company', targetId: firm.companyId, intent: 'restore', note: 'Licence checked' })
    await drainOutbox()
    expect(await searchIds()).toEqual([roleId, otherRoleId].sort())
    expect((await prisma.auditLog.findMany({ where: { action: { in: ['moderation.suspend', 'moderation.restore'] } }, select: { action: true } })).length).toBe(
      3,
    )
  })

  test('a company message asking for money or moving off the platform warns the student, who reports it in one click', async () => {
    const application = await prisma.application.findFirstOrThrow({ where: { student: { userId: student.id } }, select: { id: true } })
    await postMessage(firm.user, application.id, '请先加微信 chain_hr2027，并转账 300 元培训费')
    await postMessage(firm.user, application.id, '面试时间定在周五下午')
    await postMessage(student, application.id, '我的微信是 student_li2027')
    const thread = (await getMyApplication(student, application.id))!.messages
    expect(thread.map((m) => m.warning)).toEqual(['fee', null, null])

    const warned = thread[0]!
    const report = (await reportAction(form('/report', studentCookie, { targetType: 'message', targetId: warned.id, reason: 'money' }))) as Response
    expect(report.status).toBe(302)
    // Nobody outside the conversation can report (or learn about) the message.
    await expect(fileReport(await makeStudent(['student']), { targetType: 'message', targetId: warned.id, reason: 'spam' })).rejects.toMatchObject({
      status: 404,
    })

    await moderate(await makeUser(['admin']), { targetType: 'message', targetId: warned.id, intent: 'hide', note: 'Asks for a fee' })
    const after = (await getMyApplication(student, application.id))!.messages
    expect(after[0]).toMatchObject({ body: null, warning: null })
    const told = await prisma.notification.findFirstOrThrow({
      where: { userId: student.id, type: 'report.resolved', data: { path: ['target', 'en'], equals: 'a message' } },
      select: { data: true },
    })
    expect(JSON.stringify(told.data)).not.toMatch(/chain_hr2027|培训费/)
  })
})
