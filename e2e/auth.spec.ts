import { cli, expect, PASSWORD, signIn, signOut, signUpStudent, test, uniqueEmail, verifyByMail } from './fixtures.ts'

test('a student signs up, signs out and signs in again', async ({ page }) => {
  const email = await signUpStudent(page, { name: '韦小宝' })
  // A new student starts with the first steps of onboarding.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('完善资料，获得推荐')
  await signOut(page)
  await signIn(page, email)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎回来，韦小宝')
})

test('a company member signs up with a new company', async ({ page }) => {
  await page.goto('/signup')
  await page.getByRole('link', { name: '企业成员' }).click()
  // The company form replaces the student form once the navigation completes.
  await expect(page.getByLabel('企业中文名称')).toBeVisible()
  const email = uniqueEmail('company')
  await page.getByLabel('姓名').fill('黄经理')
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel('企业中文名称').fill('南宁测试链科技有限公司')
  await page.getByLabel('所在城市').fill('南宁')
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '请查收邮件' })).toBeVisible()
  await verifyByMail(page, email)
  await page.getByRole('link', { name: '黄经理' }).click()
  await expect(page.getByText('企业成员')).toBeVisible()
})

for (const [kind, roleLabel, extra] of [
  ['university_staff', '高校教职工', ['--university', 'gxu']],
  ['organizer', '活动组织者', []],
] as const) {
  test(`${kind} signs up through an invitation link`, async ({ page }) => {
    const link = await cli('invite', 'create', '--kind', kind, ...extra)
    expect(link).toMatch(/\/invite\//)
    await page.goto(link)
    await expect(page.getByRole('heading', { name: '接受邀请' })).toBeVisible()
    await page.getByLabel('姓名').fill('受邀用户')
    await page.getByLabel('电子邮箱').fill(uniqueEmail(kind))
    await page.getByLabel('密码').fill(PASSWORD)
    await page.getByLabel(/我同意链桥/).check()
    await page.getByRole('button', { name: '注册' }).click()
    await expect(page.getByRole('status')).toContainText('欢迎加入链桥')
    await page.getByRole('link', { name: '受邀用户' }).click()
    await expect(page.getByText(roleLabel)).toBeVisible()
    // Single use: the same link no longer works.
    await signOut(page)
    const response = await page.goto(link)
    expect(response?.status()).toBe(404)
  })
}

test('an admin is made with the CLI and creates invitations in the admin page', async ({ page }) => {
  const email = await signUpStudent(page, { name: '管理员' })
  await cli('user', 'promote', '--email', email, '--role', 'admin')
  await page.reload()
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理', exact: true }).click()
  await page.getByLabel('邀请类型').selectOption('organizer')
  await page.getByRole('button', { name: '创建邀请链接' }).click()
  await expect(page.getByRole('status')).toContainText('/invite/')
})

test('a wrong password gets one clear message', async ({ page }) => {
  const email = await signUpStudent(page)
  await signOut(page)
  await signIn(page, email, 'not the password')
  await expect(page.getByRole('alert')).toHaveText('电子邮箱或密码不正确。')
  await signIn(page, uniqueEmail('nobody'), 'not the password')
  await expect(page.getByRole('alert')).toHaveText('电子邮箱或密码不正确。')
})

test('too many sign-in attempts are refused with a retry time', async ({ page }) => {
  const email = await signUpStudent(page)
  await signOut(page)
  for (let attempt = 0; attempt < 10; attempt++) {
    await signIn(page, email, `wrong ${attempt}`)
    await expect(page.getByRole('alert')).toBeVisible()
  }
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signin')), signIn(page, email)])
  expect(response.status()).toBe(429)
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0)
  await expect(page.getByRole('alert')).toContainText('尝试次数过多')
})

test('signing out everywhere ends the other browser’s session', async ({ browser }) => {
  const first = await browser.newContext()
  const second = await browser.newContext()
  const pageA = await first.newPage()
  const pageB = await second.newPage()
  const email = await signUpStudent(pageA, { name: '多设备' })
  await signIn(pageB, email)
  await expect(pageB.getByRole('link', { name: '多设备' })).toBeVisible()
  await pageA.goto('/account')
  await pageA.getByRole('button', { name: '在所有设备上退出' }).click()
  await expect(pageA.getByRole('status')).toContainText('你已在所有设备上退出登录')
  await pageB.reload()
  await expect(pageB.getByRole('link', { name: '登录' })).toBeVisible()
  // The browsers stay open until the worker ends: closing one while the quality gates' axe
  // check still ran in it left that check waiting for good on a loaded machine.
})

test('the language switch changes the page and remembers the choice', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('classroom to internship')
  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the sign-up form shows field errors and then works', async ({ page }) => {
    await page.goto('/signup?as=student')
    await page.getByLabel('姓名').fill('无脚本')
    await page.getByLabel('电子邮箱').fill('not-an-email')
    await page.getByLabel('密码').fill('short')
    await page.getByRole('button', { name: '注册' }).click()
    await expect(page.getByText('请输入有效的电子邮箱地址')).toBeVisible()
    await expect(page.getByText('至少 8 个字符', { exact: true })).toBeVisible()
    await expect(page.getByText('请阅读并接受隐私声明')).toBeVisible()
    await page.getByLabel('电子邮箱').fill(uniqueEmail('nojs'))
    await page.getByLabel('密码').fill(PASSWORD)
    await page.getByLabel(/我同意链桥/).check()
    await page.getByRole('button', { name: '注册' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '请查收邮件' })).toBeVisible()
  })
})

test('an unknown page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: '找不到页面' })).toBeVisible()
  await page.getByRole('link', { name: '返回首页' }).click()
  await expect(page).toHaveURL(/\/$/)
})
