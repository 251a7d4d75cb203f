// "Try as" (issue 13, decision 035): on the embedded default database in development mode the
// sign-in page offers the demo personas, and one click signs in as each. The global setup's
// servers run the production build, where the offer never appears; this spec starts a
// development server of its own on the same embedded services and demo data.
import { e2eServerEnv, freePort, startAppServer } from './app-server.ts'
import { test as base, expect } from './fixtures.ts'

type DevServer = { url: string }

const test = base.extend<object, { devServer: DevServer }>({
  devServer: [
    // Playwright reads a fixture's dependencies from this (empty) destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const port = await freePort()
      const server = await startAppServer(
        e2eServerEnv(port, {
          NODE_ENV: 'development',
          APP_ORIGIN: `http://localhost:${port}`,
          // What scripts/services.ts sets when it runs the embedded PostgreSQL itself.
          EMBEDDED_DATABASE_URL: process.env.E2E_DATABASE_URL,
        }),
        { readyPath: '/healthz', within: 120_000, output: 'pipe' },
      )
      const url = `http://localhost:${port}`
      await provide({ url })
      await server.stop()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ devServer }, provide) => {
    await provide(devServer.url)
  },
})

// Vite compiles each page on its first request: slow on a busy machine.
test.setTimeout(240_000)

const personas = [
  { button: '学生（课程、项目齐全）', name: '林晓', path: /\/$/ },
  { button: '园区认证企业成员', name: '黄工', path: /\/company$/ },
  { button: '高校教务人员', name: '韦老师', path: /\/university$/ },
  { button: '大赛组织者', name: '陈主任', path: /\/organize\/events\/\w+$/ },
  { button: '大赛评委', name: '李教授', path: /\/judge\/events\/\w+$/ },
  { button: '平台管理员', name: '周管理员', path: /\/admin$/ },
]

// Without JavaScript only. With it, Vite's development server re-optimises the browser's
// dependencies as each persona's start page asks for new ones and answers 504 (Outdated
// Optimize Dep) to modules already requested, which the console gate rightly fails; the
// persona buttons are plain form posts either way.
test.use({ javaScriptEnabled: false })

test('each demo persona signs in with one click', async ({ browser, baseURL }) => {
  for (const persona of personas) {
    // A fresh browser per persona: the sign-in page is for visitors who are signed out.
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const page = await context.newPage()
    await page.goto('/signin')
    const offer = page.getByRole('region', { name: '试用身份' })
    await offer.getByRole('button', { name: persona.button }).click()
    await expect(page).toHaveURL(persona.path)
    await expect(page.getByRole('banner').getByRole('link', { name: persona.name })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await context.close()
  }
})

test('the rich student shows verified results, a self-reported project and a free-text course', async ({ page }) => {
  await page.goto('/signin')
  await page.getByRole('button', { name: '学生（课程、项目齐全）' }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: '林晓' })).toBeVisible()
  await page.goto('/profile')
  await expect(page.getByText('供应链金融应收账款存证平台', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('Rust 程序设计（中国大学 MOOC）', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('区块链原理与技术').first()).toBeVisible()
})

test('the production build never offers personas, and its action answers 404', async ({ page, request }) => {
  const production = process.env.E2E_BASE_URL!
  await page.goto(`${production}/signin`)
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible()
  await expect(page.getByRole('region', { name: '试用身份' })).toHaveCount(0)
  const refused = await request.post(`${production}/signin/demo`, { form: { persona: 'admin' }, headers: { Origin: production }, maxRedirects: 0 })
  expect(refused.status()).toBe(404)
})

test('a persona form posted from another site is refused by the Origin check', async ({ request, baseURL }) => {
  const response = await request.post(`${baseURL}/signin/demo`, { form: { persona: 'admin' }, headers: { Origin: 'https://evil.example' }, maxRedirects: 0 })
  expect(response.status()).toBe(403)
})
