// Helpers for specs: the `test` every spec uses (with the console-error and axe gates),
// unique identities, the operator CLI against the e2e database, and sign-up/sign-in
// through the real pages.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { test as base, expect, type Page } from '@playwright/test'
import { mailTo } from './mail.ts'
import { QualityGates } from './quality-gates.ts'

export { expect }
export type { Browser, Page } from '@playwright/test'

export const test = base.extend<{ qualityGates: QualityGates }>({
  qualityGates: [
    async ({ browser, context, javaScriptEnabled }, use, testInfo) => {
      const gates = new QualityGates(browser)
      gates.watchContext(context, javaScriptEnabled)
      const restore = gates.watchBrowser(javaScriptEnabled)
      await use(gates)
      restore()
      // The checks still running get time of their own, beyond the spec's.
      testInfo.setTimeout(testInfo.timeout + 60_000)
      const { problems, unchecked } = await gates.verdict()
      for (const url of unchecked) {
        testInfo.annotations.push({ type: 'axe not run', description: `${url}: the page and its copy stalled` })
        console.warn(`quality gates: axe could not check ${url}; the page and its copy stalled`)
      }
      if (problems.length > 0) throw new Error(`quality gates failed:\n${problems.join('\n')}`)
    },
    { auto: true },
  ],
})

const run = promisify(execFile)

let counter = 0
export function uniqueEmail(prefix: string) {
  counter += 1
  return `${prefix}.${Date.now().toString(36)}.${process.pid}.${counter}@e2e.example.cn`
}

export const PASSWORD = 'e2e password 123'

/** An operator script (`scripts/NAME.ts ARGS`) against the e2e services; returns the last line printed. */
export async function script(name: 'cli' | 'import', ...args: string[]) {
  const { stdout } = await run(path.resolve('node_modules/.bin/tsx'), [`scripts/${name}.ts`, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      MEILI_URL: process.env.E2E_MEILI_URL,
      MEILI_MASTER_KEY: process.env.E2E_MEILI_MASTER_KEY,
      SESSION_SECRET: process.env.E2E_SESSION_SECRET,
      DATA_DIR: process.env.E2E_DATA_DIR,
      APP_ORIGIN: process.env.E2E_BASE_URL,
      LOG_LEVEL: 'silent',
    },
  })
  const lines = stdout.trim().split('\n')
  return lines[lines.length - 1] ?? ''
}

/** `npm run cli -- ARGS` against the e2e services; returns the last line printed. */
export function cli(...args: string[]) {
  return script('cli', ...args)
}

/** Fills and sends the student sign-up form; the answer is "check your inbox" for any address. */
export async function submitStudentSignUp(page: Page, options: { name?: string; email?: string } = {}) {
  const email = options.email ?? uniqueEmail('student')
  await page.goto('/signup?as=student')
  await page.getByLabel('姓名').fill(options.name ?? '测试学生')
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '请查收邮件' })).toBeVisible()
  return email
}

/** Opens the newest verify link mailed to `email` and confirms it; this signs the page in. */
export async function verifyByMail(page: Page, email: string) {
  await expect.poll(async () => (await mailTo(email)).filter((mail) => mail.subject === VERIFY_SUBJECT).length, { timeout: 60_000 }).toBeGreaterThan(0)
  const newest = (await mailTo(email)).filter((mail) => mail.subject === VERIFY_SUBJECT).at(-1)!
  const link = /https?:\/\/\S+\/verify-email\/[a-z0-9]+/.exec(newest.text)?.[0]
  if (!link) throw new Error(`no verify link in the mail to ${email}`)
  // Opened on the server the page is on: a server without APP_ORIGIN mails localhost links.
  await page.goto(new URL(new URL(link).pathname, page.url()).href)
  await page.getByRole('button', { name: '确认邮箱' }).click()
  await expect(page.getByRole('status')).toContainText('电子邮箱已验证')
}

const VERIFY_SUBJECT = '请验证你的电子邮箱 · 链桥'

/** A student who signed up and verified the address by the mailed link, signed in. */
export async function signUpStudent(page: Page, options: { name?: string; email?: string } = {}) {
  const email = await submitStudentSignUp(page, options)
  await verifyByMail(page, email)
  return email
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/signin')
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
}

export async function signOut(page: Page) {
  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('status')).toContainText('你已退出登录')
}
