import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { signUpCompany } from '#app/modules/auth/accounts.server.ts'
import { loadSessionUser, type SessionUser } from '#app/modules/auth/session.server.ts'
import { MAIL_QUEUE } from '#app/modules/mail/queue.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { savePreferences, unsubscribe } from '#app/modules/notifications/preferences.server.ts'
import { acceptOffer, applyToRole, changeStatus, changeStatusMany, withdraw } from './applications.server.ts'
import { recordProfileView } from './profile-views.server.ts'
import { medianFirstResponse } from './response-time.server.ts'
import { getCompanyApplication, listMyApplications } from './review.server.ts'
import { addEvidence } from '#app/modules/students/evidence.server.ts'
import { evidenceSchema } from '#app/modules/students/schemas.ts'
import { postMessage } from './threads.server.ts'
import { drainMail } from '#tests/drain-mail.ts'
import { makeRole, makeUser } from '#tests/fixtures.server.ts'

const password = 'correct horse battery'
let counter = 0

async function company(name = '南宁链融科技') {
  const n = ++counter
  const user = await signUpCompany({ name: `经理${n}`, email: `boss${n}@firm.cn`, password, companyNameZh: name, city: '南宁', consent: 'on' }, 'zh-CN')
  // Only a verified company's roles reach students.
  await prisma.company.updateMany({ where: { members: { some: { userId: user.id } } }, data: { verifiedAt: new Date() } })
  await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
  await drainMail() // the sign-up's verify link
  return (await loadSessionUser(user.id)) as SessionUser
}

async function expectUserError(promise: Promise<unknown>, status: number, key?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UserFacingError)
  expect((error as UserFacingError).status).toBe(status)
  if (key) expect((error as UserFacingError).key).toBe(key)
  return error as UserFacingError
}

async function queuedMail() {
  const rows = await prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${MAIL_QUEUE} AND state = 'created'`
  return rows[0]?.n ?? 0
}

describe('applying', () => {
  test('an application keeps a profile snapshot and its history, and tells the company in-app and by e-mail', async () => {
    const boss = await company()
    const alice = await makeUser(['student'], { locale: 'en' })
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    await prisma.screenerQuestion.create({
      data: { roleId, position: 1, kind: 'yes_no', promptZh: '能每周到岗 4 天吗？', promptEn: 'Can you work 4 days a week?', requiredAnswer: 'yes' },
      select: { id: true },
    })
    const question = await prisma.screenerQuestion.findFirstOrThrow({ where: { roleId }, select: { id: true } })

    const missing = await expectUserError(applyToRole(alice, roleId, { note: 'hi' }), 422)
    expect(missing.fields.map((f) => f.path)).toEqual([`answers.${question.id}`])

    const created = await applyToRole(alice, roleId, { note: 'I love Solidity', answers: { [question.id]: 'no' } })
    expect(created.status).toBe('submitted')
    const stored = await prisma.application.findUniqueOrThrow({
      where: { id: created.id },
      select: { profileSnapshot: true, answers: true, events: { select: { toStatus: true, actorId: true } } },
    })
    expect(stored.profileSnapshot).toMatchObject({ name: alice.name, email: alice.email })
    expect(stored.answers).toEqual([expect.objectContaining({ questionId: question.id, answer: 'no', passed: false })])
    expect(stored.events).toEqual([{ toStatus: 'submitted', actorId: alice.id }])

    const notes = await prisma.notification.findMany({ where: { userId: boss.id }, select: { type: true, link: true } })
    expect(notes).toEqual([{ type: 'application.received', link: `/company/applications/${created.id}` }])
    const mail = await drainMail()
    expect(mail).toHaveLength(1)
    expect(mail[0]!.to).toContain(boss.email)
    // The company user chose Chinese: the e-mail is in Chinese.
    expect(mail[0]!.subject).toContain(`${alice.name} 申请了岗位“智能合约开发实习生”`)
    expect(mail[0]!.language).toBe('zh-CN')
  })

  test('the company sees each course, project and skill the student applied with, and where it comes from', async () => {
    const boss = await company()
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const tag = ++counter
    const skill = async (key: string, name: string) =>
      (await prisma.skill.create({ data: { key: `${key}-${tag}`, nameZh: name, nameEn: name, aliases: [] }, select: { id: true } })).id
    const [sol, go] = [await skill('sol', 'Solidity'), await skill('go', 'Go')]
    const university = await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
    const course = async (titleZh: string) =>
      (await prisma.course.create({ data: { universityId: university.id, titleZh, skills: { create: { skillId: sol, level: 3 } } }, select: { id: true } })).id
    const student = await makeUser(['student'], { universityId: university.id, locale: 'en' })
    const studentId = student.studentProfileId!
    await prisma.studentCourse.createMany({
      data: [
        { studentId, courseId: await course('区块链原理'), grade: 91, verified: true },
        { studentId, courseId: await course('智能合约开发'), verified: false },
      ],
    })
    await prisma.studentSkill.create({ data: { studentId, skillId: go, level: 2 }, select: { studentId: true } })
    await addEvidence(studentId, evidenceSchema.parse({ kind: 'project', title: '存证平台', skills: [{ skill: `sol-${tag}`, level: 2 }] }))
    const { id } = await applyToRole(student, roleId, {})

    const seen = await getCompanyApplication(boss, id)
    if (!seen || seen.anonymised) throw new Error('expected the full application')
    expect(seen.evidence.map((e) => `${e.what}:${e.origin}:${e.title?.zh ?? '-'}:${e.skills.map((k) => k.name.en).join('+')}`)).toEqual([
      'course:verified:区块链原理:Solidity',
      'course:selfReported:智能合约开发:Solidity',
      'project:selfReported:存证平台:Solidity',
      'skills:selfReported:-:Go',
    ])
    // An application sent before evidence was kept in the snapshot: its courses and skills, with their source.
    const { evidence: _evidence, ...older } = (await prisma.application.findUniqueOrThrow({ where: { id }, select: { profileSnapshot: true } }))
      .profileSnapshot as Record<string, string | number | null>
    await prisma.application.update({ where: { id }, data: { profileSnapshot: older }, select: { id: true } })
    const legacy = await getCompanyApplication(boss, id)
    if (!legacy || legacy.anonymised) throw new Error('expected the full application')
    expect(legacy.evidence.map((e) => `${e.what}:${e.origin}:${e.title?.zh ?? '-'}`).sort()).toEqual(
      ['course:verified:区块链原理', 'course:selfReported:智能合约开发', 'skills:selfReported:-'].sort(),
    )
  })

  test('applying twice, or twice at once, leaves exactly one application and answers 409 with it', async () => {
    const boss = await company()
    const bob = await makeUser(['student'], { locale: 'en' })
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const results = await Promise.allSettled([applyToRole(bob, roleId, {}), applyToRole(bob, roleId, {}), applyToRole(bob, roleId, {})])
    const fulfilled = results.filter((r) => r.status === 'fulfilled')
    expect(fulfilled).toHaveLength(1)
    for (const r of results.filter((r) => r.status === 'rejected')) {
      const error = (r as PromiseRejectedResult).reason as UserFacingError
      expect(error.status).toBe(409)
      expect(error.body?.application).toEqual({ id: (fulfilled[0] as PromiseFulfilledResult<{ id: string }>).value.id, status: 'submitted' })
    }
    expect(await prisma.application.count({ where: { roleId } })).toBe(1)
    expect(await prisma.applicationEvent.count({ where: { application: { roleId } } })).toBe(1)
    expect(await prisma.notification.count({ where: { userId: boss.id } })).toBe(1)
  })

  test('closed and past-deadline roles refuse applications; a draft or an unverified company’s role is a 404; nothing is written', async () => {
    const boss = await company()
    const carol = await makeUser(['student'], { locale: 'en' })
    const companyId = boss.companyIds[0]!
    await drainMail()
    for (const r of [await makeRole(companyId, { status: 'closed' }), await makeRole(companyId, { closesAt: new Date(Date.now() - 1000) })]) {
      await expectUserError(applyToRole(carol, r.id, {}), 422, 'applications.roleNotOpen')
    }
    await expectUserError(applyToRole(carol, (await makeRole(companyId, { status: 'draft' })).id, {}), 404)
    const published = await makeRole(companyId)
    await prisma.company.update({ where: { id: companyId }, data: { verifiedAt: null }, select: { id: true } })
    await expectUserError(applyToRole(carol, published.id, {}), 404)
    await expectUserError(applyToRole(carol, 'no-such-role', {}), 404)
    expect(await prisma.application.count({ where: { studentId: carol.studentProfileId! } })).toBe(0)
    expect(await queuedMail()).toBe(0)
  })

  test('a student whose address is unverified may not apply until it is verified', async () => {
    const boss = await company()
    const frank = await makeUser(['student'], { locale: 'en', verified: false })
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    await expectUserError(applyToRole(frank, roleId, {}), 403, 'verify.required')
    await expectUserError(applyToRole(frank, 'no-such-role', {}), 404)
    expect(await prisma.application.count({ where: { roleId } })).toBe(0)
    await prisma.user.update({ where: { id: frank.id }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
    await expect(applyToRole(frank, roleId, {})).resolves.toHaveProperty('id')
  })

  test('a résumé of another student is refused', async () => {
    const boss = await company()
    const [dan, eve] = [await makeUser(['student'], { locale: 'en' }), await makeUser(['student'], { locale: 'en' })]
    const resume = await prisma.resume.create({
      data: { studentId: eve.studentProfileId!, storageKey: `resumes/${eve.id}.pdf`, filename: 'eve.pdf', size: 10 },
      select: { id: true },
    })
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const error = await expectUserError(applyToRole(dan, roleId, { resumeId: resume.id }), 422)
    expect(error.fields).toEqual([{ path: 'resumeId', key: 'applications.resumeUnknown' }])
    expect(await prisma.application.count({ where: { roleId } })).toBe(0)
  })
})

describe('the pipeline', () => {
  test('the company moves an application step by step; every change is recorded with who and when, and the student hears of it', async () => {
    const boss = await company()
    const frank = await makeUser(['student'], { locale: 'en' })
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const { id } = await applyToRole(frank, roleId, {})
    await drainMail()

    await changeStatus(boss, id, 'reviewing')
    await expectUserError(changeStatus(boss, id, 'offer'), 422, 'applications.illegalTransition')
    await changeStatus(boss, id, 'interview')
    await changeStatus(boss, id, 'offer')
    await expectUserError(withdraw(boss, id), 404)
    await acceptOffer(frank, id)
    await expectUserError(changeStatus(boss, id, 'rejected'), 422, 'applications.illegalTransition')

    const events = await prisma.applicationEvent.findMany({
      where: { applicationId: id },
      orderBy: { createdAt: 'asc' },
      select: { fromStatus: true, toStatus: true, actorId: true, createdAt: true },
    })
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      [null, 'submitted', frank.id],
      ['submitted', 'reviewing', boss.id],
      ['reviewing', 'interview', boss.id],
      ['interview', 'offer', boss.id],
      ['offer', 'accepted', frank.id],
    ])
    const app = await prisma.application.findUniqueOrThrow({ where: { id }, select: { status: true, firstResponseAt: true, companyActedAt: true } })
    expect(app.status).toBe('accepted')
    expect(app.firstResponseAt).toBeInstanceOf(Date)

    const studentNotes = await prisma.notification.findMany({ where: { userId: frank.id }, select: { type: true } })
    expect(studentNotes.map((n) => n.type)).toEqual(['application.statusChanged', 'application.statusChanged', 'application.statusChanged'])
    const bossNotes = await prisma.notification.findMany({
      where: { userId: boss.id, type: { not: 'application.received' } },
      select: { type: true, data: true },
    })
    expect(bossNotes).toEqual([{ type: 'application.offerAccepted', data: expect.objectContaining({ student: frank.name }) }])
    const mail = await drainMail()
    const toFrank = mail.filter((m) => m.to.includes(frank.email))
    expect(toFrank).toHaveLength(3)
    expect(toFrank.map((m) => m.subject)).toContain('Your application to “Smart-contract intern” at 南宁链融科技 is now: Offer. · Lianqiao')
    expect(toFrank.every((m) => m.language === 'en')).toBe(true)
  })

  test("another company's application is a 404, and a bulk change with one illegal step changes nothing", async () => {
    const [boss, rival] = [await company(), await company('别家公司')]
    const [g, h] = [await makeUser(['student'], { locale: 'en' }), await makeUser(['student'], { locale: 'en' })]
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const first = await applyToRole(g, roleId, {})
    const second = await applyToRole(h, roleId, {})
    await expectUserError(changeStatus(rival, first.id, 'reviewing'), 404)
    await changeStatus(boss, second.id, 'reviewing')
    // second is already reviewing: reviewing → reviewing is illegal, so first stays submitted too.
    await expectUserError(changeStatusMany(boss, [first.id, second.id], 'reviewing'), 422)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: first.id }, select: { status: true } })).status).toBe('submitted')
    await changeStatusMany(boss, [first.id, second.id], 'rejected')
    const statuses = await prisma.application.findMany({ where: { roleId }, select: { status: true } })
    expect(statuses.map((s) => s.status)).toEqual(['rejected', 'rejected'])
    await expectUserError(changeStatusMany(rival, [first.id], 'rejected'), 404)
  })

  test('withdrawing keeps the reason; the student sees "no response for 14 days" only while the company owes an answer', async () => {
    const boss = await company()
    const ivy = await makeUser(['student'], { locale: 'en' })
    const [r1, r2] = [await makeRole(boss.companyIds[0]!), await makeRole(boss.companyIds[0]!)]
    const a1 = await applyToRole(ivy, r1.id, {})
    const a2 = await applyToRole(ivy, r2.id, {})
    await prisma.application.updateMany({ where: { id: { in: [a1.id, a2.id] } }, data: { createdAt: new Date(Date.now() - 15 * 86_400_000) } })
    await withdraw(ivy, a2.id, 'Found another internship')
    const mine = await listMyApplications(ivy)
    expect(mine.find((a) => a.id === a1.id)?.noResponse).toBe(true)
    expect(mine.find((a) => a.id === a2.id)).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Found another internship', noResponse: false })
    await postMessage(boss, a1.id, '我们正在审核，请稍候。')
    expect((await listMyApplications(ivy)).find((a) => a.id === a1.id)?.noResponse).toBe(false)
  })

  test('the median time to first response counts the last 90 days', async () => {
    const boss = await company()
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    expect(await medianFirstResponse(boss.companyIds[0]!)).toEqual({ medianHours: null, responses: 0 })
    const now = Date.now()
    for (const hours of [2, 10, 30]) {
      const s = await makeUser(['student'], { locale: 'en' })
      const { id } = await applyToRole(s, roleId, {})
      await prisma.application.update({
        where: { id },
        data: { createdAt: new Date(now - hours * 3_600_000), firstResponseAt: new Date(now) },
        select: { id: true },
      })
    }
    const old = await applyToRole(await makeUser(['student'], { locale: 'en' }), roleId, {})
    await prisma.application.update({
      where: { id: old.id },
      data: { createdAt: new Date(now - 200 * 86_400_000), firstResponseAt: new Date(now - 100 * 86_400_000) },
      select: { id: true },
    })
    expect(await medianFirstResponse(boss.companyIds[0]!)).toEqual({ medianHours: 10, responses: 3 })
  })
})

describe('profile access log', () => {
  test('opening an application logs the view; a private student who did not apply cannot be viewed', async () => {
    const boss = await company()
    const [jack, kim] = [await makeUser(['student'], { locale: 'en' }), await makeUser(['student'], { locale: 'en' })]
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const { id } = await applyToRole(jack, roleId, {})
    const detail = await getCompanyApplication(boss, id)
    expect(detail?.snapshot).toMatchObject({ name: jack.name })
    const views = await prisma.profileView.findMany({
      where: { studentId: jack.studentProfileId! },
      select: { viewerId: true, companyId: true, context: true },
    })
    expect(views).toEqual([{ viewerId: boss.id, companyId: boss.companyIds[0], context: `application:${id}` }])

    const rival = await company('别家公司')
    expect(await getCompanyApplication(rival, id)).toBeNull()
    await expectUserError(recordProfileView(prisma, { studentId: kim.studentProfileId!, viewerId: boss.id, companyId: boss.companyIds[0]! }), 404)
    // Discoverable students are visible to verified companies only.
    await prisma.studentProfile.update({ where: { id: kim.studentProfileId! }, data: { visibility: 'discoverable' }, select: { id: true } })
    await prisma.company.update({ where: { id: boss.companyIds[0]! }, data: { verifiedAt: null }, select: { id: true } })
    await expectUserError(recordProfileView(prisma, { studentId: kim.studentProfileId!, viewerId: boss.id, companyId: boss.companyIds[0]! }), 404)
    await prisma.company.update({ where: { id: boss.companyIds[0]! }, data: { verifiedAt: new Date() }, select: { id: true } })
    await recordProfileView(prisma, { studentId: kim.studentProfileId!, viewerId: boss.id, companyId: boss.companyIds[0]!, context: 'candidates' })
    expect(await prisma.profileView.count({ where: { studentId: kim.studentProfileId! } })).toBe(1)
    expect(await prisma.profileView.count({ where: { viewerId: rival.id } })).toBe(0)
  })
})

describe('notifications and e-mail', () => {
  test('preferences turn in-app and e-mail off per type', async () => {
    const boss = await company()
    const lin = await makeUser(['student'], { locale: 'zh-CN' })
    const { id: roleId } = await makeRole(boss.companyIds[0]!)
    const { id } = await applyToRole(lin, roleId, {})
    await drainMail()
    await savePreferences(lin.id, { 'application.statusChanged': { inApp: true, email: false }, 'application.message': { inApp: false, email: true } })
    await changeStatus(boss, id, 'reviewing')
    await postMessage(boss, id, '请于周五来面试。')
    expect((await prisma.notification.findMany({ where: { userId: lin.id }, select: { type: true } })).map((n) => n.type)).toEqual([
      'application.statusChanged',
    ])
    const mail = await drainMail()
    expect(mail.map((m) => m.subject)).toEqual([`${boss.name} 就“智能合约开发实习生”的申请发来新消息。 · 链桥`])
  })

  test('nothing is queued or stored for a change that rolls back', async () => {
    const lee = await makeUser(['student'], { locale: 'en' })
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, { userId: lee.id, type: 'application.invited', data: { role: { zh: '岗位', en: 'Role' }, company: 'X' } })
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await prisma.notification.count({ where: { userId: lee.id } })).toBe(0)
    expect(await queuedMail()).toBe(0)
  })

  test('each e-mail has a signed one-click unsubscribe link that turns that type off without signing in', async () => {
    const mia = await makeUser(['student'], { locale: 'en' })
    await prisma.$transaction((tx) =>
      notify(tx, {
        userId: mia.id,
        type: 'application.invited',
        data: { role: { zh: '测试工程师', en: 'Test engineer' }, company: { zh: '链融', en: 'Chainfin' } },
        link: '/roles/x',
      }),
    )
    const [mail] = await drainMail()
    expect(mail!.subject).toBe('Chainfin invites you to apply for “Test engineer”. · Lianqiao')
    const url = /^<(.+)>$/.exec(mail!.listUnsubscribe)?.[1]
    expect(url).toMatch(/\/unsubscribe\/[\w-]+\.[\w-]+$/)
    expect(mail!.raw).toContain(url!.slice(0, 40))
    const token = url!.split('/unsubscribe/')[1]!
    expect(await unsubscribe(`${token}x`)).toBeNull()
    expect(await unsubscribe(token)).toEqual({ type: 'application.invited' })
    const pref = await prisma.notificationPreference.findUniqueOrThrow({
      where: { userId_type: { userId: mia.id, type: 'application.invited' } },
      select: { email: true, inApp: true },
    })
    expect(pref).toEqual({ email: false, inApp: true })
    await prisma.$transaction((tx) => notify(tx, { userId: mia.id, type: 'application.invited', data: { role: 'R', company: 'C' } }))
    expect(await drainMail()).toHaveLength(0)
    expect(env.SMTP_URL).toBeUndefined()
  })
})
