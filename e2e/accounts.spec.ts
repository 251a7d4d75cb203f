// Accounts end to end: a forgotten password is reset by mail and every old session ends;
// a new student verifies the address by the mailed link before applying; signing up with
// an address that has an account looks the same and mails its owner.
import { cli, expect, PASSWORD, signIn, signUpStudent, submitStudentSignUp, test, uniqueEmail, verifyByMail } from './fixtures.ts'
import { mailTo, waitForMail } from './mail.ts'

// A firm no other spec counts the notifications of (specs run in parallel on the same data).
const ROLE = { key: 'jinxiu-identity.solidity-dev' }

// Each test waits for mail from the background worker, more than once.
test.describe.configure({ timeout: 180_000 })

test('forgot password → mail → reset → the old sessions are gone', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage()
  const second = await (await browser.newContext()).newPage()
  const email = await signUpStudent(first, { name: '重设密码同学' })
  await signIn(second, email)
  await expect(second.getByRole('link', { name: '重设密码同学' })).toBeVisible()

  const anonymous = await (await browser.newContext()).newPage()
  await anonymous.goto('/signin')
  await anonymous.getByRole('link', { name: '忘记密码？' }).click()
  await expect(anonymous.getByRole('heading', { level: 1, name: '找回密码' })).toBeVisible()
  await anonymous.getByLabel('电子邮箱').fill(email)
  await anonymous.getByRole('button', { name: '发送链接' }).click()
  await expect(anonymous.getByRole('status').filter({ hasText: '如果该邮箱有链桥账户' })).toBeVisible()

  const mail = await waitForMail(email, '重设你的链桥密码 · 链桥')
  expect(mail.listUnsubscribe).toBe('')
  const link = /https?:\/\/\S+\/password\/reset\/[a-z0-9]+/.exec(mail.text)![0]
  await anonymous.goto(link)
  await expect(anonymous.getByRole('heading', { level: 1, name: '设置新密码' })).toBeVisible()
  await anonymous.getByLabel('新密码', { exact: true }).fill('a brand new password')
  await anonymous.getByLabel('确认新密码').fill('a brand new password')
  await anonymous.getByRole('button', { name: '保存新密码' }).click()
  await expect(anonymous.getByRole('status')).toContainText('新密码已保存')

  for (const page of [first, second]) {
    await page.reload()
    await expect(page.getByRole('banner').getByRole('link', { name: '登录' })).toBeVisible()
  }
  // The link works once.
  expect((await anonymous.goto(link))?.status()).toBe(404)
  await signIn(anonymous, email, PASSWORD)
  await expect(anonymous.getByRole('alert')).toHaveText('电子邮箱或密码不正确。')
  await signIn(anonymous, email, 'a brand new password')
  await expect(anonymous.getByRole('link', { name: '重设密码同学' })).toBeVisible()
})

test('sign-up → verify link → apply; until then the apply page says why and resends the link', async ({ page }) => {
  const email = await submitStudentSignUp(page, { name: '待验证同学' })
  // Signing in works before the address is verified: browsing and the profile are open.
  await signIn(page, email)
  await expect(page.getByRole('banner').getByRole('link', { name: '待验证同学' })).toBeVisible()
  await page.goto(`/roles/key:${ROLE.key}/apply`)
  await expect(page.getByRole('note')).toContainText('你的电子邮箱尚未验证')
  await page.getByRole('button', { name: '提交申请' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '请先验证你的电子邮箱' })).toBeVisible()
  await page.getByRole('button', { name: '重新发送验证链接' }).click()
  await expect(page.getByRole('status')).toContainText('验证链接已发送')
  await expect.poll(async () => (await mailTo(email)).length).toBe(2)

  await verifyByMail(page, email)
  await page.goto(`/roles/key:${ROLE.key}/apply`)
  await expect(page.getByRole('note')).toHaveCount(0)
  await page.getByRole('button', { name: '提交申请' }).click()
  await expect(page.getByRole('status')).toContainText('申请已提交。')
})

test('signing up with a taken address looks like any sign-up and mails the owner', async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage()
  const email = await signUpStudent(owner, { name: '原主人' })
  const other = await (await browser.newContext()).newPage()
  await submitStudentSignUp(other, { name: '冒名者', email })
  await expect(other.getByRole('banner').getByRole('link', { name: '登录' })).toBeVisible()
  const mail = await waitForMail(email, '你已经有链桥账户了 · 链桥')
  expect(mail.text).toMatch(/\/password\/reset\/[a-z0-9]+/)
})

test('the sessions page lists this device and another, and signs the other out', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage()
  const second = await (
    await browser.newContext({
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
    })
  ).newPage()
  const email = await signUpStudent(first, { name: '多设备同学' })
  await signIn(second, email)
  await expect(second.getByRole('banner').getByRole('link', { name: '多设备同学' })).toBeVisible()
  await first.goto('/account')
  await first.getByRole('link', { name: '查看已登录的设备' }).click()
  const devices = first.getByRole('list', { name: '已登录的设备' }).getByRole('listitem')
  await expect(devices).toHaveCount(2)
  await expect(devices.filter({ hasText: '当前设备' })).toHaveCount(1)
  const edge = devices.filter({ hasText: 'Edge 126 · Windows' })
  await expect(edge).toContainText('服务器本机')
  await edge.getByRole('button', { name: /退出该设备/ }).click()
  await expect(first.getByRole('status')).toContainText('该设备已退出登录')
  await expect(devices).toHaveCount(1)
  await second.reload()
  await expect(second.getByRole('banner').getByRole('link', { name: '登录' })).toBeVisible()
})

test('an operator creates an account with the CLI; its link sets the password once; the privacy notice is accepted at first sign-in', async ({ page }) => {
  const email = uniqueEmail('operator-made')
  const link = await cli('user', 'create', '--email', email, '--name', '园区企业联系人', '--role', 'company_member', '--company', 'liubao-tea')
  expect(link).toMatch(/\/password\/reset\/[a-z0-9]+$/)
  expect(await cli('user', 'create', '--email', email, '--name', '别人', '--role', 'admin')).toBe(`${email} already has an account; nothing was changed.`)
  await page.goto(link)
  await page.getByLabel('新密码', { exact: true }).fill('operator given password')
  await page.getByLabel('确认新密码').fill('operator given password')
  await page.getByRole('button', { name: '保存新密码' }).click()
  await expect(page.getByRole('status')).toContainText('新密码已保存')
  await signIn(page, email, 'operator given password')
  // Nobody accepted the privacy notice for this account yet: the first page asks for it.
  await expect(page.getByRole('heading', { level: 1, name: '隐私声明已更新' })).toBeVisible()
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '接受并继续' }).click()
  await expect(page.getByRole('status')).toContainText('已接受隐私声明')
  await expect(page.getByRole('banner').getByRole('link', { name: '园区企业联系人' })).toBeVisible()
  expect((await page.goto(link))?.status()).toBe(404)
})
