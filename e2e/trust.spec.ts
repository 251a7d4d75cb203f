// Trust end to end, forms without JavaScript: a posting that says 限男性 is refused with
// the phrase quoted; a student reports a role that asked for a deposit, an admin hides it,
// and the student is told.
import { cli, expect, PASSWORD, signIn, signUpStudent, test, uniqueEmail, type Browser } from './fixtures.ts'

/** A company member of a demo company (through an invitation link), then the same session without JavaScript. */
async function companyMemberWithoutScript(browser: Browser, companyKey: string) {
  const page = await (await browser.newContext()).newPage()
  await page.goto(await cli('invite', 'create', '--kind', 'company_member', '--company', companyKey))
  await page.getByLabel('姓名').fill('招聘专员')
  await page.getByLabel('电子邮箱').fill(uniqueEmail('member'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('status').filter({ hasText: '欢迎加入链桥' })).toBeVisible()
  return (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage()
}

test('a posting that says 限男性 is refused with the phrase quoted', async ({ browser }) => {
  test.setTimeout(120_000)
  const page = await companyMemberWithoutScript(browser, 'baise-mango')
  await page.goto('/company/roles/new')
  await page.getByLabel('岗位名称（中文）').fill('区块链运维实习生')
  await page.getByLabel('岗位描述（中文，Markdown）').fill('负责节点运维。本岗位限男性，需要经常出差。')
  await page.getByLabel('岗位类型').selectOption({ label: '区块链测试' })
  await page.getByLabel('工作方式').selectOption({ label: '到岗' })
  await page.getByLabel('城市', { exact: true }).fill('南宁')
  await page.getByLabel('月补贴下限（元）').fill('2500')
  await page.getByLabel('月补贴上限（元）').fill('3500')
  await page.getByLabel('招聘人数').fill('1')
  await page.getByLabel('每周天数').fill('4')
  await page.getByLabel('实习时长（月）').fill('3')
  await page.getByLabel('申请截止日期').fill('2030-06-30')
  // Every rule reports at once: the phrase is quoted even before a skill is chosen.
  await page.getByRole('button', { name: '发布' }).click()
  await expect(page.getByText(/请删除“限男性”/)).toBeVisible()
  await page.goto('/company')
  await expect(page.getByRole('row').filter({ hasText: '区块链运维实习生' })).toHaveCount(0)
})

test('a student reports a role that asked for a deposit, an admin hides it, and the student is told', async ({ browser }) => {
  test.setTimeout(120_000)
  const signUp = await (await browser.newContext()).newPage()
  await signUpStudent(signUp, { name: '李同学' })
  const student = await (await browser.newContext({ javaScriptEnabled: false, storageState: await signUp.context().storageState() })).newPage()

  await student.goto('/roles?q=溯源')
  const first = student.getByRole('list', { name: '搜索结果' }).getByRole('link').first()
  const title = (await first.textContent())?.trim() ?? ''
  await first.click()
  const roleUrl = new URL(student.url()).pathname
  await student.getByRole('link', { name: '举报', exact: true }).click()
  await student.getByLabel('原因').selectOption({ label: '要求付费' })
  await student.getByLabel(/补充说明/).fill('面试时 HR 要求先交 500 元押金')
  await student.getByRole('button', { name: '提交举报' }).click()
  await expect(student.getByRole('status').filter({ hasText: '举报已提交' })).toBeVisible()
  await expect(student.getByRole('row').filter({ hasText: '要求付费' })).toContainText('处理中')

  const adminEmail = uniqueEmail('admin')
  const adminSignUp = await (await browser.newContext()).newPage()
  await signUpStudent(adminSignUp, { name: '管理员', email: adminEmail })
  await cli('user', 'promote', '--email', adminEmail, '--role', 'admin')
  const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  await signIn(admin, adminEmail)
  await admin.goto('/admin/moderation')
  const entry = admin.getByRole('article', { name: title })
  await expect(entry).toContainText('面试时 HR 要求先交 500 元押金')
  await entry.getByLabel(/处理说明/).fill('要求学生缴纳押金')
  await entry.getByRole('button', { name: /^隐藏/ }).click()
  await expect(admin.getByRole('status').filter({ hasText: '已处理' })).toBeVisible()

  expect((await student.goto(roleUrl))?.status()).toBe(404)
  await student.goto('/reports')
  await expect(student.getByRole('row').filter({ hasText: '要求付费' })).toContainText('内容已被隐藏')
  await student.goto('/notifications')
  await expect(student.getByText(`你举报的“${title}”已处理：内容已被隐藏。`)).toBeVisible()
})
