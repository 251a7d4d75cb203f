// Applications and notifications end to end: a student applies with and without
// JavaScript, a company member moves an application through the pipeline, both hear of
// every step in the app and by e-mail (.eml files of the e2e server), the student
// withdraws, and a saved search brings a digest when a matching role is published.
import { cli, expect, PASSWORD, signUpStudent, test, uniqueEmail, type Browser, type Page } from './fixtures.ts'
import { mailTo, waitForMail } from './mail.ts'

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

/** A company member who joined a demo company through an invitation link. */
async function joinCompany(browser: Browser, companyKey: string, name: string) {
  const page = await (await browser.newContext()).newPage()
  const email = uniqueEmail('member')
  const link = await cli('invite', 'create', '--kind', 'company_member', '--company', companyKey)
  await page.goto(link)
  await expect(page.getByRole('heading', { name: '接受邀请' })).toBeVisible()
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('status')).toContainText('欢迎加入链桥')
  return { page, email }
}

async function newStudent(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage()
  const email = await signUpStudent(page, { name })
  return { page, email }
}

const unreadBadge = (page: Page, count: number) => page.getByRole('banner').getByLabel(`${count} 条未读`)

/** The notification in the centre with this sentence (a list item of its own). */
const notification = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text })

// Demo roles (scripts/demo-data/demo.json) of 梧州六堡茶链科技有限公司: published, deadlines in 2027.
const COMPANY = { key: 'liubao-tea', name: '梧州六堡茶链科技有限公司' }
const WITH_JS = { key: 'liubao-tea.contract-dev', title: '智能合约开发实习生' }
const WITHOUT_JS = { key: 'liubao-tea.dapp-frontend', title: 'DApp 前端开发实习生' }

test('a student applies with and without JavaScript; the company moves one application to an offer, the student withdraws the other, and both sides are told', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const studentName = `申请人${unique()}`
  const company = await joinCompany(browser, COMPANY.key, `六堡茶HR${unique()}`)
  const student = await newStudent(browser, studentName)
  const received = (role: string) => `${studentName} 申请了岗位“${role}”。`
  const changed = (status: string) => `你在 ${COMPANY.name} 申请的“${WITH_JS.title}”状态变为：${status}。`

  await test.step('with JavaScript: apply, and a second visit does not offer to apply again', async () => {
    const page = student.page
    await page.goto(`/roles/key:${WITH_JS.key}/apply`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`申请：${WITH_JS.title}`)
    await page.getByLabel('附言（可选，最多 2000 字）').fill('我写过 Solidity 合约，也熟悉 Hardhat 测试。')
    await page.getByRole('button', { name: '提交申请' }).click()
    await expect(page.getByRole('status')).toContainText('申请已提交。')
    await expect(page).toHaveURL(/\/applications$/)
    await expect(page.getByRole('article', { name: `${WITH_JS.title} · ${COMPANY.name}` })).toContainText('已提交')
    await page.goto(`/roles/key:${WITH_JS.key}/apply`)
    await expect(page.getByRole('status')).toContainText('当前状态：已提交')
    await expect(page.getByRole('button', { name: '提交申请' })).toHaveCount(0)
  })

  // The same session in a browser without JavaScript: plain form posts all the way.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await student.page.context().storageState() })
  const plain = await noScript.newPage()

  await test.step('without JavaScript: apply to another role', async () => {
    await plain.goto(`/roles/key:${WITHOUT_JS.key}/apply`)
    await expect(plain.getByRole('heading', { level: 1 })).toHaveText(`申请：${WITHOUT_JS.title}`)
    await plain.getByLabel('附言（可选，最多 2000 字）').fill('前端方向，做过 DApp 钱包连接。')
    await plain.getByRole('button', { name: '提交申请' }).click()
    await expect(plain.getByRole('status')).toContainText('申请已提交。')
    await expect(plain.getByRole('article', { name: `${WITHOUT_JS.title} · ${COMPANY.name}` })).toContainText('已提交')
    await expect(plain.getByRole('article')).toHaveCount(2)
  })

  await test.step('the company sees both applications in its notifications and by e-mail', async () => {
    const page = company.page
    await page.goto('/company/applications')
    await expect(unreadBadge(page, 2)).toBeVisible()
    await expect(page.getByRole('row', { name: new RegExp(`${studentName}.*${WITH_JS.title}.*已提交`) })).toBeVisible()
    await expect(page.getByRole('row', { name: new RegExp(`${studentName}.*${WITHOUT_JS.title}.*已提交`) })).toBeVisible()
    for (const role of [WITH_JS.title, WITHOUT_JS.title]) {
      const mail = await waitForMail(company.email, `${received(role)} · 链桥`)
      expect(mail.language).toBe('zh-CN')
      expect(mail.text).toContain('在链桥中查看')
      expect(mail.listUnsubscribe).toMatch(/\/unsubscribe\//)
    }
  })

  await test.step('the company opens the application from its notification and moves it to an offer', async () => {
    const page = company.page
    await page.getByRole('banner').getByRole('link', { name: /^通知/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible()
    await notification(page, received(WITH_JS.title)).getByRole('button', { name: '查看' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${studentName} 的申请`)
    await expect(unreadBadge(page, 1)).toBeVisible()
    await expect(page.getByText('我写过 Solidity 合约，也熟悉 Hardhat 测试。')).toBeVisible()
    for (const status of ['审核中', '面试', '录用意向']) {
      await page.getByLabel('改为').selectOption({ label: status })
      await page.getByRole('button', { name: '更改状态' }).click()
      await expect(page.getByRole('status')).toContainText('状态已更新。')
      await expect(page.getByRole('region', { name: '进度记录' }).getByRole('listitem').last()).toContainText(status)
    }
    // An offer can no longer go back to an earlier step.
    await expect(page.getByLabel('改为').getByRole('option')).toHaveText(['已接受', '未通过'])
  })

  await test.step('the student sees each step in the app and got an e-mail for each', async () => {
    const page = student.page
    await page.goto('/applications')
    await expect(unreadBadge(page, 3)).toBeVisible()
    const card = page.getByRole('article', { name: `${WITH_JS.title} · ${COMPANY.name}` })
    await expect(card).toContainText('录用意向')
    await card.getByText('进度记录').click()
    await expect(card.getByRole('listitem')).toHaveText([/已提交/, /审核中/, /面试/, /录用意向/])
    await page.getByRole('banner').getByRole('link', { name: /^通知/ }).click()
    for (const status of ['审核中', '面试', '录用意向']) await expect(notification(page, changed(status))).toBeVisible()
    for (const status of ['审核中', '面试', '录用意向']) {
      const mail = await waitForMail(student.email, `${changed(status)} · 链桥`)
      expect(mail.language).toBe('zh-CN')
      expect(mail.text).toContain(`${studentName}，你好：`)
    }
    // Notifications only (they carry an unsubscribe link; the sign-up's verify mail does not).
    expect((await mailTo(student.email)).filter((mail) => mail.listUnsubscribe)).toHaveLength(3)
    await page.getByRole('button', { name: '全部标为已读' }).click()
    await expect(page.getByRole('banner').getByLabel(/条未读/)).toHaveCount(0)
  })

  await test.step('without JavaScript: the student withdraws the other application with a reason', async () => {
    await plain.goto('/applications')
    const card = plain.getByRole('article', { name: `${WITHOUT_JS.title} · ${COMPANY.name}` })
    await card.getByLabel('撤回原因（可选）').fill('已接受其他实习')
    await card.getByRole('button', { name: '撤回申请' }).click()
    await expect(plain.getByRole('status')).toContainText('申请已撤回。')
    const after = plain.getByRole('article', { name: `${WITHOUT_JS.title} · ${COMPANY.name}` })
    await expect(after).toContainText('已撤回')
    await expect(after).toContainText('原因：已接受其他实习')
    await expect(after.getByRole('button', { name: '撤回申请' })).toHaveCount(0)
  })

  await test.step('the student accepts the offer', async () => {
    const page = student.page
    await page.goto('/applications')
    const card = page.getByRole('article', { name: `${WITH_JS.title} · ${COMPANY.name}` })
    await card.getByRole('button', { name: '接受录用' }).click()
    await expect(page.getByRole('status')).toContainText('已接受录用。')
    await expect(card).toContainText('已接受')
  })

  await test.step('the company hears of the withdrawal (with its reason) and of the accepted offer', async () => {
    const page = company.page
    const withdrawn = `${studentName} 撤回了对“${WITHOUT_JS.title}”的申请。`
    const accepted = `${studentName} 接受了“${WITH_JS.title}”的录用意向。`
    await page.goto('/notifications')
    await expect(unreadBadge(page, 3)).toBeVisible()
    await expect(notification(page, accepted)).toBeVisible()
    await notification(page, withdrawn).getByRole('button', { name: '查看' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${studentName} 的申请`)
    await expect(page.getByRole('region', { name: '进度记录' })).toContainText('已撤回（' + studentName + '） · 原因：已接受其他实习')
    await expect(page.getByText('该申请已结束。')).toBeVisible()
    for (const subject of [withdrawn, accepted]) expect((await waitForMail(company.email, `${subject} · 链桥`)).language).toBe('zh-CN')
  })
  await noScript.close()
})

test('a student saves a search and gets one digest, in their language, when a matching role is published', async ({ browser }) => {
  test.setTimeout(180_000)
  const word = `zk${unique()}`
  const roleTitle = `${word} 隐私计算合约实习生`
  const searchName = `零知识 ${word}`
  const student = await newStudent(browser, `订阅者${unique()}`)
  // A demo company no other spec posts roles for, so its new role disturbs no other search.
  const company = await joinCompany(browser, 'yaolian', `药链HR${unique()}`)

  await test.step('the student saves the current /roles search', async () => {
    const page = student.page
    await page.goto(`/roles?q=${word}`)
    await page.getByLabel('名称（可选）').fill(searchName)
    await page.getByRole('button', { name: '保存此搜索' }).click()
    await expect(page.getByRole('status')).toContainText('搜索已保存。')
    await expect(page.getByRole('heading', { level: 1, name: '保存的搜索' })).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: searchName }).getByRole('link', { name: '查看结果' })).toHaveAttribute('href', `/roles?q=${word}`)
    // The digest is written in the language the student chooses.
    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })

  await test.step('nothing new yet: running the digest sends the student nothing', async () => {
    await cli('jobs', 'run', 'saved-search-digest')
    await student.page.goto('/notifications')
    await expect(student.page.getByText('No notifications.')).toBeVisible()
  })

  await test.step('the company publishes a matching role through the role form', async () => {
    const page = company.page
    await page.goto('/company')
    await page.getByRole('link', { name: '发布新岗位' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '发布新岗位' })).toBeVisible()
    await page.getByLabel('岗位名称（中文）').fill(roleTitle)
    await page.getByLabel('岗位描述（中文，Markdown）').fill('参与零知识证明电路与合约的开发和测试。')
    await page.getByLabel('城市', { exact: true }).fill('玉林')
    await page.getByLabel('月补贴下限（元）').fill('3000')
    await page.getByLabel('月补贴上限（元）').fill('4000')
    const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('申请截止日期').fill(deadline)
    const skills = page.getByRole('combobox', { name: '搜索技能' })
    await skills.fill('solidity')
    await expect(
      page
        .getByRole('listbox', { name: '匹配的技能' })
        .getByRole('option', { name: /^Solidity/ })
        .first(),
    ).toBeVisible()
    await skills.press('ArrowDown')
    await skills.press('Enter')
    await page.getByRole('button', { name: '保存并发布' }).click()
    await expect(page.getByRole('status')).toContainText('岗位已发布')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(roleTitle)
  })

  await test.step('the digest job, run now by the operator, tells the student once', async () => {
    expect(await cli('jobs', 'run', 'saved-search-digest')).toMatch(/^saved-search-digest: [1-9]\d* digests? sent\.$/)
    const mail = await waitForMail(student.email, `1 new roles match your saved search “${searchName}”. · Lianqiao`)
    expect(mail.language).toBe('en')
    expect(mail.text).toContain(roleTitle)
    expect(mail.html).toContain(roleTitle)
    expect(mail.listUnsubscribe).toMatch(/^<https?:\/\/.+\/unsubscribe\/[\w.-]+>$/)

    // Nothing new since: a second run adds no digest for this search.
    await cli('jobs', 'run', 'saved-search-digest')
    const page = student.page
    await page.goto('/notifications')
    await expect(page.getByRole('banner').getByLabel('1 unread')).toBeVisible()
    await expect(notification(page, `1 new roles match your saved search “${searchName}”.`)).toHaveCount(1)
  })

  await test.step('in Chinese the same notification reads in Chinese and links to the role', async () => {
    const page = student.page
    await page.getByRole('button', { name: '中文' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    const digest = notification(page, `你保存的搜索“${searchName}”有 1 个新岗位。`)
    await expect(digest).toHaveCount(1)
    await digest.getByRole('link', { name: roleTitle }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(roleTitle)
    await expect(page.getByRole('link', { name: '申请该岗位' })).toBeVisible()
  })

  await test.step('the e-mail’s unsubscribe link works without signing in', async () => {
    const [mail] = (await mailTo(student.email)).filter((m) => m.subject.includes(searchName))
    const url = /^<(.+)>$/.exec(mail!.listUnsubscribe)![1]!
    const anonymous = await (await browser.newContext()).newPage()
    await anonymous.goto(url)
    await expect(anonymous.getByRole('status')).toContainText('已退订：你将不再收到“保存的搜索有新岗位”类邮件。')
    await student.page.goto('/notifications/preferences')
    await expect(student.page.getByLabel('保存的搜索有新岗位 · 邮件')).not.toBeChecked()
    await expect(student.page.getByLabel('保存的搜索有新岗位 · 站内')).toBeChecked()
  })
})
