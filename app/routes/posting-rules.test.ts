// Every posting rule, in Chinese and English, through all three channels: the role form's
// action, the JSON API (422 naming the field path) and the importer. Review rules (contact
// off the platform, a stipend far outside the regional range) save the role "in review".
import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { importDocument, validateImport } from '#app/modules/import/import.server.ts'
import { drainOutbox } from '#app/modules/search/outbox.server.ts'
import { ensureRoleIndex } from '#app/modules/search/role-index.server.ts'
import { searchRoles } from '#app/modules/search/search.server.ts'
import { roleSearchSchema } from '#app/modules/search/schemas.ts'
import { action as apiCreate } from '#app/routes/api.v1.roles.ts'
import { action as formCreate } from '#app/routes/company.roles.new.tsx'
import { action as reviewAction, loader as reviewLoader } from '#app/routes/admin.reviews.tsx'
import { apiRequest, routeArgs } from '#tests/api-request.ts'
import { approveRole, rejectRole } from '#app/modules/roles/posting-review.server.ts'
import { postingProblems, reviewReasonsFor } from '#app/modules/roles/posting-rules.ts'
import { inDays, makeCompanyMember, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'

let member: Awaited<ReturnType<typeof makeCompanyMember>>
let cookie: string
let adminCookie: string
let token: string
let counter = 0

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  member = await makeCompanyMember({ key: 'rules-firm', nameZh: '规则科技' })
  cookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(member.user.id)).token}; lq_lang=en`
  const admin = await makeUser(['admin'])
  adminCookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(admin.id)).token}; lq_lang=en`
  token = (await createApiToken(member.user.id, 'rules')).token
})

const post = (url: string, fields: Record<string, string>, as = cookie) =>
  new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { Cookie: as, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })

type Text = { zh?: string; en?: string }

function formFields(description: Text, stipend = { min: 3000, max: 4500 }) {
  return {
    titleZh: '智能合约开发实习生',
    titleEn: 'Smart contract intern',
    descriptionZh: description.zh ?? '',
    descriptionEn: description.en ?? '',
    kind: 'smart-contract-dev',
    city: '南宁',
    workMode: 'onsite',
    stipendMin: String(stipend.min),
    stipendMax: String(stipend.max),
    daysPerWeek: '4',
    durationMonths: '6',
    openings: '1',
    deadline: inDays(20),
    'skills[0].skill': 'solidity',
    'skills[0].level': '3',
    'skills[0].required': 'on',
    intent: 'publish',
  }
}

function importRole(key: string, description: Text, stipend = { min: 3000, max: 4500 }) {
  return {
    key,
    company: 'rules-firm',
    title: { zh: '智能合约开发实习生', en: 'Smart contract intern' },
    description,
    kind: 'smart-contract-dev',
    city: '南宁',
    workMode: 'onsite',
    stipendMonthly: stipend,
    daysPerWeek: 4,
    durationMonths: 6,
    skills: [{ skill: 'solidity', level: 3, required: true }],
    openings: 1,
    deadline: inDays(20),
    status: 'published',
  }
}

type FormReply = { data: { result: { error: Record<string, string[]> } }; init: { status: number } }

/** A refusal through all three channels, at `description.<language>`, quoting `phrase` when given. */
async function refusedEverywhere(language: 'zh' | 'en', text: string, expected: RegExp) {
  const description = { zh: '参与合约开发。', en: 'Build contracts.', [language]: text }
  const before = await prisma.internshipRole.count()

  const form = (await formCreate(routeArgs(post('/company/roles/new', formFields(description))))) as unknown as FormReply
  expect(form.init.status).toBe(422)
  expect(form.data.result.error[language === 'zh' ? 'descriptionZh' : 'descriptionEn']?.[0]).toMatch(expected)

  const api = await apiCreate(
    routeArgs(
      apiRequest('http://localhost/api/v1/roles', { method: 'POST', token, body: { ...importRole(`api-${++counter}`, description), company: undefined } }),
    ),
  )
  expect(api.status).toBe(422)
  const problem = (await api.json()) as { errors: Array<{ path: string; message: string }> }
  expect(problem.errors).toEqual(expect.arrayContaining([{ path: `description.${language}`, message: expect.stringMatching(expected) }]))

  const doc = { version: 1, roles: [importRole(`import-${++counter}`, description)] }
  expect(await validateImport(doc, 'en')).toEqual([{ path: `roles[0].description.${language}`, message: expect.stringMatching(expected) }])
  expect((await importDocument(doc, 'en')).ok).toBe(false)
  expect(await prisma.internshipRole.count()).toBe(before)
}

describe('fees are refused on every channel', () => {
  const fees = {
    zh: ['入职前需缴纳培训费 800 元', '需交押金 500 元', '收取保证金', '收取服务费', '资料费 200 元自理'],
    en: ['A training fee of 800 CNY is due on joining', 'A refundable deposit is required'],
  }
  for (const [language, texts] of Object.entries(fees) as Array<['zh' | 'en', string[]]>) {
    for (const text of texts) {
      test(`${language}: ${text}`, async () => {
        await refusedEverywhere(language, text, /Applicants must never be charged/)
      })
    }
  }
})

describe('discriminatory requirements are refused with the phrase quoted', () => {
  const cases: Array<['zh' | 'en', string, string]> = [
    ['zh', '本岗位限男性，能出差', '限男性'],
    ['zh', '仅招男生', '仅招男生'],
    ['zh', '要求已婚已育', '已婚已育'],
    ['zh', '须有本地户口', '本地户口'],
    ['zh', '女性优先', '女性优先'],
    ['zh', '限汉族', '限汉族'],
    ['en', 'Male only, able to travel', 'Male only'],
    ['en', 'Candidates must be married', 'must be married'],
    ['en', 'Local hukou required', 'Local hukou'],
    ['en', 'Women preferred', 'Women preferred'],
  ]
  for (const [language, text, phrase] of cases) {
    test(`${language}: ${text}`, async () => {
      await refusedEverywhere(language, text, new RegExp(`“${phrase}”`))
    })
  }

  test('wording that refuses to discriminate passes', () => {
    for (const text of ['性别不限，欢迎女生投递', '男女不限', 'Open to all genders and backgrounds']) {
      expect(postingProblems(roleFields({ description: { zh: text } }), 'published')).toEqual([])
    }
  })
})

describe('contact off the platform and stipends far outside the range send the role to review', () => {
  const contact: Array<['zh' | 'en', string]> = [
    ['zh', '有意者请加微信详聊'],
    ['zh', '简历发 QQ 12345678'],
    ['zh', '联系电话 138 1234 5678'],
    ['en', 'Add me on WeChat to apply'],
    ['en', 'WeChat ID: chain_hr2027'],
    ['en', 'Call +86 138 1234 5678'],
  ]
  for (const [language, text] of contact) {
    test(`${language}: ${text}`, () => {
      expect(reviewReasonsFor(roleFields({ description: { [language]: text } }))).toEqual(['contact'])
    })
  }

  test('ordinary wording, WeChat mini programs and regional stipends need no review', () => {
    expect(reviewReasonsFor(roleFields({ description: { zh: '开发微信小程序页面，欢迎加入团队', en: 'Build WeChat mini program pages' } }))).toEqual([])
    expect(reviewReasonsFor(roleFields({ stipendMonthly: { min: 3000, max: 6000 } }))).toEqual([])
    expect(reviewReasonsFor(roleFields({ stipendMonthly: { min: 0, max: 0 } }))).toEqual([])
    expect(reviewReasonsFor(roleFields({ stipendMonthly: { min: 20000, max: 30000 } }))).toEqual(['stipend'])
    expect(reviewReasonsFor(roleFields({ stipendMonthly: { min: 300, max: 500 } }))).toEqual(['stipend'])
  })

  test('each channel saves the role as a draft "in review"; an admin approves or rejects it', async () => {
    const form = (await formCreate(routeArgs(post('/company/roles/new', formFields({ zh: '有意者请加微信 chain_hr2027 详聊' }))))) as Response
    expect(form.status).toBe(302)
    const formRoleId = form.headers.get('Location')?.split('/').pop() ?? ''

    const api = await apiCreate(
      routeArgs(
        apiRequest('http://localhost/api/v1/roles', {
          method: 'POST',
          token,
          body: { ...importRole('api-review', { en: 'Add me on WeChat to apply' }), company: undefined },
        }),
      ),
    )
    expect(api.status).toBe(201)
    expect(await api.json()).toMatchObject({ status: 'draft', review: { state: 'pending', reasons: ['contact'] } })

    const imported = await importDocument({ version: 1, roles: [importRole('import-review', { zh: '实习月薪高达三万' }, { min: 20000, max: 30000 })] }, 'en')
    expect(imported).toMatchObject({ ok: true, counts: { roles: { created: 1 } } })
    // Importing the same file again changes nothing: the role stays in review.
    expect(
      await importDocument({ version: 1, roles: [importRole('import-review', { zh: '实习月薪高达三万' }, { min: 20000, max: 30000 })] }, 'en'),
    ).toMatchObject({
      ok: true,
      counts: { roles: { created: 0, updated: 0, unchanged: 1 } },
    })

    const held = await prisma.internshipRole.findMany({
      where: { review: 'pending' },
      select: { id: true, status: true, reviewReasons: true, key: true },
      orderBy: { createdAt: 'asc' },
    })
    expect(held.map((r) => [r.status, r.reviewReasons])).toEqual([
      ['draft', ['contact']],
      ['draft', ['contact']],
      ['draft', ['stipend']],
    ])
    await drainOutbox()
    const search = await searchRoles(roleSearchSchema.parse({}))
    expect(search.total).toBe(0)

    const queue = await reviewLoader(routeArgs(new Request('http://localhost/admin/reviews', { headers: { Cookie: adminCookie } })))
    expect(queue.roles.map((r) => r.id).sort()).toEqual(held.map((r) => r.id).sort())
    expect(queue.roles.find((r) => r.id === formRoleId)?.contactPhrase).toBe('加微信')

    const approved = (await reviewAction(routeArgs(post('/admin/reviews', { intent: 'approve', roleId: formRoleId }, adminCookie)))) as Response
    expect(approved.status).toBe(302)
    const missingNote = (await reviewAction(
      routeArgs(post('/admin/reviews', { intent: 'reject', roleId: held[2]!.id, note: ' ' }, adminCookie)),
    )) as unknown as { init: { status: number } }
    expect(missingNote.init.status).toBe(400)
    const admin = await makeUser(['admin'])
    await rejectRole(admin, held[2]!.id, 'The stipend looks like a lure; state the real amount.')
    await expect(approveRole(admin, held[2]!.id)).rejects.toMatchObject({ status: 422 })

    const after = await prisma.internshipRole.findMany({
      where: { id: { in: [formRoleId, held[2]!.id] } },
      select: { id: true, status: true, review: true, reviewNote: true },
    })
    expect(after.find((r) => r.id === formRoleId)).toMatchObject({ status: 'published', review: 'approved' })
    expect(after.find((r) => r.id === held[2]!.id)).toMatchObject({
      status: 'draft',
      review: 'rejected',
      reviewNote: 'The stipend looks like a lure; state the real amount.',
    })
    const notes = await prisma.notification.findMany({ where: { userId: member.user.id }, select: { type: true } })
    expect(notes.map((n) => n.type).sort()).toEqual(['role.reviewApproved', 'role.reviewRejected'])
    const audit = await prisma.auditLog.findMany({ where: { action: { startsWith: 'role.review-' } }, select: { action: true } })
    expect(audit.map((a) => a.action).sort()).toEqual(['role.review-approve', 'role.review-reject'])

    await drainOutbox()
    expect((await searchRoles(roleSearchSchema.parse({}))).hits.map((h) => h.id)).toEqual([formRoleId])
  })
})

test('an imported role closes at 23:59:59.999 +08:00 on its deadline day, like a role from the form', async () => {
  const result = await importDocument({ version: 1, roles: [importRole('closing-time', { zh: '参与合约开发。' })] }, 'en')
  expect(result.ok).toBe(true)
  const role = await prisma.internshipRole.findUniqueOrThrow({ where: { key: 'closing-time' }, select: { closesAt: true } })
  expect(role.closesAt.toISOString()).toBe(new Date(`${inDays(20)}T23:59:59.999+08:00`).toISOString())
})
