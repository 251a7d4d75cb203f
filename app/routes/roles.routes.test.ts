import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { createRole } from '#app/modules/roles/roles.server.ts'
import { inDays, makeCompanyMember, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { drainOutbox } from '#app/modules/search/outbox.server.ts'
import { ensureRoleIndex } from '#app/modules/search/role-index.server.ts'
import { action as newRoleAction } from './company.roles.new.tsx'
import { action as dashboardAction } from './company._index.tsx'
import { loader as roleLoader } from './roles.$id.tsx'
import { loader as searchLoader } from './roles._index.tsx'
import { routeArgs } from '#tests/api-request.ts'

async function cookieFor(userId: string) {
  const { token } = await createSession(userId)
  return `${cookieName(SESSION_COOKIE)}=${token}; lq_lang=en`
}

function post(url: string, cookie: string, fields: Record<string, string>) {
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
}

const formFields = (overrides: Record<string, string> = {}) => ({
  titleZh: '长安链应用开发实习生',
  titleEn: 'ChainMaker application intern',
  descriptionZh: '基于 **长安链** 开发政务存证应用。',
  kind: 'app-dev',
  city: '柳州',
  workMode: 'hybrid',
  stipendMin: '2500',
  stipendMax: '3500',
  daysPerWeek: '3',
  durationMonths: '4',
  languages: 'zh',
  openings: '1',
  deadline: inDays(10),
  'skills[0].skill': 'solidity',
  'skills[0].level': '2',
  'skills[0].required': 'on',
  'skills[1].skill': '',
  'skills[1].level': '3',
  intent: 'publish',
  ...overrides,
})

let member: Awaited<ReturnType<typeof makeCompanyMember>>
let cookie: string

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  member = await makeCompanyMember({ nameZh: '柳州链工坊' })
  cookie = await cookieFor(member.user.id)
})

describe('company role pages', () => {
  test('the form publishes a role (no JavaScript needed) and refuses fees with a field message', async () => {
    const refused = await newRoleAction(routeArgs(post('/company/roles/new', cookie, formFields({ descriptionZh: '录用前须缴纳保证金 2000 元' }))))
    const body = refused as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(body.init.status).toBe(422)
    expect(body.data.result.error.descriptionZh?.[0]).toMatch(/Applicants must never be charged/)
    const reversed = (await newRoleAction(
      routeArgs(post('/company/roles/new', cookie, formFields({ stipendMin: '5000', stipendMax: '100' }))),
    )) as unknown as typeof body
    expect(reversed.data.result.error.stipendMax?.[0]).toMatch(/maximum stipend/)
    expect(await prisma.internshipRole.count()).toBe(0)

    const created = (await newRoleAction(routeArgs(post('/company/roles/new', cookie, formFields())))) as Response
    expect(created.status).toBe(302)
    const roleId = created.headers.get('Location')?.split('/').pop() ?? ''
    const stored = await prisma.internshipRole.findUniqueOrThrow({
      where: { id: roleId },
      select: { status: true, city: true, closesAt: true, skills: { select: { required: true } } },
    })
    expect(stored).toMatchObject({ status: 'published', city: 'liuzhou', skills: [{ required: true }] })
    expect(stored.closesAt.toISOString()).toBe(new Date(`${inDays(10)}T23:59:59.999+08:00`).toISOString())

    // Close from the dashboard: the page stays, marked closed, without the apply link.
    const closed = (await dashboardAction(routeArgs(post('/company', cookie, { intent: 'close', roleId })))) as Response
    expect(closed.status).toBe(302)
    const page = await roleLoader(routeArgs(new Request(`http://localhost/roles/${roleId}`), { id: roleId }))
    expect(page).toMatchObject({ status: 'closed', open: false })
  })

  test('an empty form reports every field at once; skills may be typed by name or alias', async () => {
    const empty = (await newRoleAction(routeArgs(post('/company/roles/new', cookie, { intent: 'draft', kind: 'app-dev', workMode: 'onsite' })))) as unknown as {
      data: { result: { error: Record<string, string[]> } }
    }
    // The "one language at least" check comes with the fields' own errors, not in a second round.
    expect(Object.keys(empty.data.result.error)).toEqual(expect.arrayContaining(['titleZh', 'descriptionZh', 'city', 'stipendMin', 'deadline']))

    // A rule's problem with a skill row comes back under that row's field name.
    const repeated = (await newRoleAction(
      routeArgs(post('/company/roles/new', cookie, formFields({ 'skills[1].skill': 'Smart contract', 'skills[2].skill': '合约开发', 'skills[2].level': '3' }))),
    )) as unknown as {
      data: { result: { error: Record<string, string[]> } }
      init: { status: number }
    }
    expect(repeated.init.status).toBe(422)
    expect(repeated.data.result.error['skills[2].skill']?.[0]).toMatch(/list each skill once/)
    const unknown = (await newRoleAction(
      routeArgs(post('/company/roles/new', cookie, formFields({ 'skills[1].skill': 'alchemy' }))),
    )) as unknown as typeof repeated
    expect(unknown.data.result.error['skills[1].skill']?.[0]).toMatch(/“alchemy” is not in the skill taxonomy/)

    const fields = formFields({ 'skills[0].skill': '智能合约', 'skills[1].skill': ' FISCO bcos ', 'skills[2].skill': 'qa', 'skills[2].level': '1' })
    const created = await newRoleAction(routeArgs(post('/company/roles/new', cookie, fields)))
    if (!(created instanceof Response)) expect.fail(JSON.stringify(created))
    const roleId = created.headers.get('Location')?.split('/').pop() ?? ''
    const skills = await prisma.roleSkill.findMany({ where: { roleId }, select: { skill: { select: { key: true } } } })
    expect(skills.map((s) => s.skill.key).sort()).toEqual(['fisco-bcos', 'smart-contracts', 'testing'])
  })

  test('another company’s member gets a 404 for the dashboard actions on this role', async () => {
    const role = await createRole(member.user, member.companyId, roleFields(), 'draft')
    const outsider = await makeCompanyMember()
    await expect(dashboardAction(routeArgs(post('/company', await cookieFor(outsider.user.id), { intent: 'publish', roleId: role.id })))).rejects.toMatchObject(
      { status: 404 },
    )
    const student = await makeUser()
    await expect(
      roleLoader(routeArgs(new Request(`http://localhost/roles/${role.id}`, { headers: { Cookie: await cookieFor(student.id) } }), { id: role.id })),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('/roles', () => {
  test('the URL holds the search; bad values fall back instead of failing', async () => {
    const role = await createRole(
      member.user,
      member.companyId,
      roleFields({ title: { zh: '北海海洋数据上链实习生', en: 'Beihai ocean data intern' }, city: 'Beihai' }),
      'published',
    )
    await drainOutbox()
    const found = await searchLoader(routeArgs(new Request('http://localhost/roles?q=ocean&city=北海&sort=newest')))
    expect(found.result.hits.map((h) => h.id)).toEqual([role.id])
    expect(found.query).toMatchObject({ q: 'ocean', city: ['北海'], sort: 'newest' })
    // The page's data carries only the reader's language (zh-CN without Accept-Language).
    expect(found.labels.skill.solidity).toEqual({ zh: 'Solidity' })
    expect(found.result.hits[0]!.title).toEqual({ zh: '北海海洋数据上链实习生' })
    const english = await searchLoader(routeArgs(new Request('http://localhost/roles?q=ocean', { headers: { 'Accept-Language': 'en' } })))
    expect(english.result.hits[0]!.title).toEqual({ en: 'Beihai ocean data intern' })
    expect(english.result.hits[0]!.highlight!.title.en).toContain('ocean')
    expect(english.result.hits[0]!.highlight!.title.zh).toBeUndefined()
    const bad = await searchLoader(routeArgs(new Request('http://localhost/roles?page=abc')))
    expect(bad.query.page).toBe(1)
    const none = await searchLoader(routeArgs(new Request('http://localhost/roles?q=nothing-like-this-zzzz')))
    expect(none.result.total).toBe(0)
  })
})
