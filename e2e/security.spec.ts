// Hostile input seen from a browser: a crafted redirect after sign-in stays on the site,
// and a form too large for the server gets a page in the reader's language.
import { expect, test } from '@playwright/test'
import { signOut, signUpStudent, PASSWORD } from './fixtures.ts'

test('sign-in with a backslash redirectTo stays on the site', async ({ page, baseURL }) => {
  const email = await signUpStudent(page)
  await signOut(page)
  await page.goto('/signin?redirectTo=%2F%5Cevil.example')
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('banner').getByRole('button', { name: '退出登录' })).toBeVisible()
  const here = new URL(page.url())
  expect(here.origin).toBe(new URL(baseURL!).origin)
  expect(here.pathname).toBe('/')
})

test('a form over the limit is answered 413 with a page in the reader’s language', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } })
  const response = await anonymous.post('/signin', { form: { email: 'x'.repeat(70 * 1024), password: 'p' } })
  expect(response.status()).toBe(413)
  expect(await response.text()).toContain('larger than the 64 KB limit')
  await anonymous.dispose()
})
