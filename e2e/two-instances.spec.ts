// Two app instances (A = E2E_BASE_URL, B = E2E_BASE_URL_B: two processes serving the same
// production build) on one PostgreSQL and one Meilisearch, as replicas behind a proxy:
// nothing a user does through one may depend on which instance answers next. Students sign
// up through A (the fixtures' base URL).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { cli, PASSWORD, script, signUpStudent, uniqueEmail } from './fixtures.ts'
import { mailTo, waitForMail } from './mail.ts'

const A = process.env.E2E_BASE_URL!
const B = process.env.E2E_BASE_URL_B!
const suffix = `${Date.now().toString(36)}${process.pid}`
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000)

async function signInAt(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/signin`)
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signin')),
    page.getByRole('button', { name: '登录' }).click(),
  ])
  return response
}

/** Imports a file of the import format (as `npm run import` does). */
async function importData(document: Record<string, unknown>) {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'twin-')), 'data.json')
  await fs.writeFile(file, JSON.stringify({ version: 1, ...document }))
  await script('import', file)
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

/** A company member signed up through an invitation (in a browser of their own), and their API token. */
async function companyToken(browser: Browser) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const email = uniqueEmail('twin.company')
  await page.goto(await cli('invite', 'create', '--kind', 'company_member', '--company', 'lianrong'))
  await page.getByLabel('姓名').fill('双实例招聘')
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('status').filter({ hasText: '欢迎加入链桥' })).toBeVisible()
  await context.close()
  return cli('token', 'create', '--email', email)
}

async function postRole(
  request: APIRequestContext,
  base: string,
  token: string,
  title: string,
  skills: Array<{ skill: string; level: number; required: boolean }>,
) {
  const response = await request.post(`${base}/api/v1/roles`, {
    headers: bearer(token),
    data: {
      key: `twin-${suffix}-${Math.random().toString(36).slice(2, 8)}`,
      title: { zh: title, en: title },
      description: { zh: '两个实例之间的同步测试。' },
      kind: 'smart-contract-dev',
      city: '南宁',
      workMode: 'hybrid',
      stipendMonthly: { min: 3000, max: 4000 },
      daysPerWeek: 4,
      durationMonths: 6,
      skills,
      languages: ['zh'],
      openings: 1,
      deadline: inDays(60).toISOString().slice(0, 10),
      status: 'published',
    },
  })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { id: string }).id
}

test('a session created on A works on B', async ({ page }) => {
  await signUpStudent(page, { name: '双实例会话' })
  await page.goto(`${B}/profile`)
  await expect(page.getByRole('banner').getByRole('link', { name: '双实例会话' })).toBeVisible()
})

test('sign-in attempts are counted across both instances', async ({ page }) => {
  const email = await signUpStudent(page, { name: '双实例限流' })
  await page.context().clearCookies()
  // Ten wrong passwords, alternating instances: each alone saw only five.
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await signInAt(page, attempt % 2 === 0 ? A : B, email, `wrong ${attempt}`)
    expect(response.status()).not.toBe(429)
  }
  const refused = await signInAt(page, A, email, PASSWORD)
  expect(refused.status()).toBe(429)
  await expect(page.getByRole('alert')).toContainText('尝试次数过多')
})

test('a role published through A is searchable and recommended through B within two seconds', async ({ browser, request }) => {
  const studentEmail = uniqueEmail('twin.match')
  const skill = { skill: 'fisco-bcos', level: 3 }
  await importData({
    students: [
      {
        key: `twin.match.${suffix}`,
        email: studentEmail,
        name: '双实例推荐',
        university: 'gxu',
        graduationYear: 2028,
        courses: [],
        skills: [skill],
        preferredCities: [],
        languages: ['zh'],
        discoverable: false,
      },
    ],
  })
  const studentToken = await cli('token', 'create', '--email', studentEmail)
  const company = await companyToken(browser)
  const title = `双实例同步岗位${suffix}`
  const roleId = await postRole(request, A, company, title, [{ ...skill, required: true }])
  const published = Date.now()
  // The outbox worker of either instance applies the change; B's search answers with it.
  await expect
    .poll(
      async () => {
        const response = await request.get(`${B}/api/v1/roles?q=${encodeURIComponent(title)}`)
        return ((await response.json()) as { hits: Array<{ id: string }> }).hits.map((hit) => hit.id)
      },
      { timeout: 2_000, intervals: [100] },
    )
    .toContain(roleId)
  // B's matching index reads the change log before answering, so the role is there at once.
  const recommendations = await request.get(`${B}/api/v1/students/me/recommendations?limit=50`, { headers: bearer(studentToken) })
  expect(recommendations.status()).toBe(200)
  const items = ((await recommendations.json()) as { items: Array<{ role: { id: string } }> }).items
  expect(items.map((item) => item.role.id)).toContain(roleId)
  expect(Date.now() - published).toBeLessThan(2_000)
})

test('a résumé uploaded through A downloads through B', async ({ page, request }) => {
  await signUpStudent(page, { name: '双实例简历' })
  await page.goto(`${A}/profile`)
  const pdf = Buffer.from(`%PDF-1.4\n% two instances ${suffix}\n%%EOF\n`)
  const resumes = page.getByRole('region', { name: '简历（PDF，不超过 5 MB）' })
  await resumes.getByLabel('简历（PDF，不超过 5 MB）').setInputFiles({ name: 'twin.pdf', mimeType: 'application/pdf', buffer: pdf })
  await resumes.getByRole('button', { name: '上传简历' }).click()
  await expect(page.getByRole('status').filter({ hasText: '简历已上传' })).toBeVisible()
  const href = await page.getByRole('link', { name: 'twin.pdf' }).getAttribute('href')
  const cookies = (await page.context().cookies(B)).map((c) => `${c.name}=${c.value}`).join('; ')
  const download = await request.get(`${B}${href}`, { headers: { Cookie: cookies } })
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toBe('application/pdf')
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true)
})

test('the saved-search digest run by both instances at once is sent once', async ({ browser, page, request }) => {
  test.setTimeout(120_000)
  const email = await signUpStudent(page, { name: '双实例摘要' })
  const word = `双实例摘要${suffix}`
  await page.goto(`${A}/roles?q=${encodeURIComponent(word)}`)
  await page.getByRole('button', { name: '保存此搜索' }).click()
  await expect(page.getByRole('status')).toContainText('搜索已保存。')
  await postRole(request, A, await companyToken(browser), word, [{ skill: 'solidity', level: 2, required: true }])
  // Two processes run the daily job at the same moment (as two instances' workers would if
  // the schedule fired in both): each search's cursor moves once, so one digest goes out.
  await Promise.all([cli('jobs', 'run', 'saved-search-digest'), cli('jobs', 'run', 'saved-search-digest')])
  const mail = await waitForMail(email, `你保存的搜索“${word}”有 1 个新岗位。 · 链桥`)
  expect(mail.text).toContain(word)
  // Give a (wrong) second message time to arrive before counting.
  await page.goto(`${B}/notifications`)
  await expect(page.getByRole('banner').getByLabel('1 条未读')).toBeVisible()
  expect((await mailTo(email)).filter((m) => m.subject === mail.subject)).toHaveLength(1)
})

test('a registration race split across A and B never overbooks', async ({ request }) => {
  // Ten students' tokens come from ten CLI processes: slow on a busy 2-core machine.
  test.setTimeout(180_000)
  const capacity = 4
  const eventKey = `twin-race-${suffix}`
  const students = Array.from({ length: 10 }, (_, n) => ({
    key: `twin.race.${suffix}.${n}`,
    email: uniqueEmail(`twin.race${n}`),
    name: `抢位学生${n}`,
    university: 'gxu',
    graduationYear: 2028,
    courses: [],
    skills: [],
    preferredCities: [],
    languages: ['zh'],
    discoverable: false,
  }))
  await importData({
    students,
    events: [
      {
        key: eventKey,
        kind: 'lecture',
        title: { zh: `双实例讲座${suffix}`, en: `Two-instance lecture ${suffix}` },
        venue: 'online',
        startsAt: inDays(20).toISOString(),
        endsAt: new Date(inDays(20).getTime() + 7_200_000).toISOString(),
        registrationOpensAt: inDays(-1).toISOString(),
        registrationClosesAt: inDays(19).toISOString(),
        capacity,
        waitlist: false,
        status: 'published',
      },
    ],
  })
  const tokens = await Promise.all(students.map((s) => cli('token', 'create', '--email', s.email)))
  const responses = await Promise.all(
    tokens.map((token, n) => request.post(`${n % 2 === 0 ? A : B}/api/v1/events/key:${eventKey}/registrations`, { headers: bearer(token), data: {} })),
  )
  const statuses = responses.map((r) => r.status())
  expect(statuses.filter((s) => s === 201)).toHaveLength(capacity)
  expect(statuses.filter((s) => s === 422)).toHaveLength(students.length - capacity)
  const event = (await (await request.get(`${B}/api/v1/events/key:${eventKey}`)).json()) as { confirmedCount: number }
  expect(event.confirmedCount).toBe(capacity)
})
