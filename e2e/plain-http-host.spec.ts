// Lianqiao reached over plain HTTP at a name other than localhost, as from another
// device on the network (issue 16): a second production server on the e2e services,
// without APP_ORIGIN, and Chromium resolving lianqiao.test to loopback.
import { test as base, expect } from '@playwright/test'
import { e2eServerEnv, freePort, startAppServer } from './app-server.ts'
import { cli, PASSWORD, signIn, signUpStudent } from './fixtures.ts'

type PlainServer = { url: string; logs: () => string }

const test = base.extend<object, { plainServer: PlainServer }>({
  plainServer: [
    // Playwright reads a fixture's dependencies from this (empty) destructuring pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, provide) => {
      const port = await freePort()
      // No APP_ORIGIN: the origin is whatever host the browser used.
      const server = await startAppServer(e2eServerEnv(port, { NODE_ENV: 'production', APP_ORIGIN: undefined }), {
        readyPath: '/healthz',
        within: 60_000,
        output: 'pipe',
      })
      await provide({ url: `http://lianqiao.test:${port}`, logs: server.logs })
      await server.stop()
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions }, provide) => {
      await provide({ ...launchOptions, args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP lianqiao.test 127.0.0.1'] })
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ plainServer }, provide) => {
    await provide(plainServer.url)
  },
})

test('at http://lianqiao.test sign-up, sign-in, the language switch and a form all work', async ({ page, context, plainServer }) => {
  const signedIn = () => expect(page.getByRole('banner').getByRole('button', { name: /退出登录|Sign out/ })).toBeVisible()

  const email = await signUpStudent(page, { name: '局域网学生' })
  expect(new URL(page.url()).host).toBe(new URL(plainServer.url).host)
  await signedIn()

  const cookies = await context.cookies()
  const session = cookies.find((cookie) => cookie.name === 'lq_session')
  expect(session).toMatchObject({ httpOnly: true, secure: false, sameSite: 'Lax', domain: 'lianqiao.test' })
  expect(cookies.some((cookie) => cookie.name.startsWith('__Host-'))).toBe(false)

  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('status')).toContainText('你已退出登录')
  await signIn(page, email, PASSWORD)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎回来，局域网学生')

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome back, 局域网学生')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await signedIn()

  // A form with a toast after its redirect (the toast cookie) and the Origin check.
  await page.goto('/roles?q=FISCO')
  await page.getByLabel('Name (optional)').fill('FISCO over LAN')
  await page.getByRole('button', { name: 'Save this search' }).click()
  await expect(page.getByRole('status')).toContainText('Search saved.')
  await expect(page.getByRole('listitem').filter({ hasText: 'FISCO over LAN' })).toBeVisible()

  // Production over plain HTTP at a name other than loopback: the log says so, once at
  // start-up and once for the first request, and admins see the banner.
  const warnings = plainServer
    .logs()
    .split('\n')
    .filter((line) => line.includes('sessions and passwords travel in clear text'))
  expect(warnings).toHaveLength(2)
  expect(warnings[1]).toContain('lianqiao.test')
  await expect(page.getByText('This site is served without HTTPS')).toHaveCount(0)
  await cli('user', 'promote', '--email', email, '--role', 'admin')
  await page.reload()
  await expect(page.getByText('This site is served without HTTPS: sessions and passwords travel in clear text.')).toBeVisible()
  await page.getByRole('link', { name: 'How to put a TLS proxy in front' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reaching Lianqiao from another device' })).toBeVisible()
  await expect(page.getByText('TRUST_PROXY', { exact: false }).first()).toBeVisible()
})
