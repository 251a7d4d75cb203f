// The signed-in homes with the demo data: a new student sees each block's next step while
// it is empty, then saves a role, applies to another and registers for an event, and
// finds the deadlines (soonest first) and the event on the home, with a catalogue course
// for the biggest skill gap and the reason; the company sees the new applicant, its roles
// closing soon and suggested candidates. Saving a role works without JavaScript too.
import { cli, expect, PASSWORD, signUpStudent, test, uniqueEmail, type Browser } from './fixtures.ts'

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`

// Demo data (scripts/demo-data/demo.json): 梧州六堡茶链科技有限公司's roles close in 2027,
// the DApp one (12 May) before the contract one (16 September).
const COMPANY = 'liubao-tea'
const SAVED = { key: 'liubao-tea.contract-dev', title: '智能合约开发实习生' }
const APPLIED = { key: 'liubao-tea.dapp-frontend', title: 'DApp 前端开发实习生' }
const EVENT = { key: 'internship-fair-spring-2027', title: '2027 春季区块链实习双选会' }

async function joinCompany(browser: Browser, name: string) {
  const page = await (await browser.newContext()).newPage()
  await page.goto(await cli('invite', 'create', '--kind', 'company_member', '--company', COMPANY))
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(uniqueEmail('member'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('status')).toContainText('欢迎加入链桥')
  return page
}

test('a student’s home lists deadlines, coming events and a course for the biggest gap; the company’s home shows the applicant', async ({ browser }) => {
  test.setTimeout(240_000)
  const studentName = `首页同学${unique()}`
  const page = await (await browser.newContext()).newPage()
  await signUpStudent(page, { name: studentName })

  await test.step('empty blocks say what to do next', async () => {
    await page.goto('/onboarding')
    await page.getByLabel('高校').selectOption({ label: '广西大学' })
    await page.getByRole('button', { name: '保存并继续' }).click()
    await expect(page.getByText('第 2 步，共 4 步')).toBeVisible()
    await page.goto('/')
    const deadlines = page.getByRole('region', { name: '截止日期' })
    await expect(deadlines.getByRole('link', { name: '浏览岗位并收藏感兴趣的' })).toBeVisible()
    const events = page.getByRole('region', { name: '已报名的活动' })
    await expect(events.getByRole('link', { name: '看看近期的讲座、路演和比赛' })).toBeVisible()
    // No skills yet: the biggest gap is what open roles ask for most, and a 广西大学 course teaches it.
    const gap = page.getByRole('region', { name: '补上最大的技能缺口' })
    await expect(gap).toContainText(/《.+》教 .+，\d+ 个开放岗位需要它。/)
    await expect(gap.getByRole('link', { name: '已经修过？把它加到档案' })).toBeVisible()
  })

  await test.step('save one role, apply to another, register for an event', async () => {
    await page.goto(`/roles/key:${SAVED.key}`)
    await page.getByRole('button', { name: '收藏岗位' }).click()
    await expect(page.getByRole('status')).toContainText('已收藏')
    await expect(page.getByRole('button', { name: '取消收藏' })).toBeVisible()
    await page.goto(`/roles/key:${APPLIED.key}/apply`)
    await page.getByRole('button', { name: '提交申请' }).click()
    await expect(page.getByRole('status')).toContainText('申请已提交。')
    await page.goto(`/events/key:${EVENT.key}`)
    await page.getByRole('button', { name: '报名', exact: true }).click()
    await expect(page.getByRole('status')).toContainText('报名成功')
  })

  await test.step('the home lists them, soonest deadline first', async () => {
    await page.goto('/')
    const deadlines = page.getByRole('region', { name: '截止日期' })
    const items = deadlines.getByRole('listitem')
    await expect(items).toHaveCount(2)
    await expect(items.nth(0)).toContainText(APPLIED.title)
    await expect(items.nth(0).getByRole('link', { name: '已提交' })).toBeVisible()
    await expect(items.nth(0)).toContainText('2027年5月12日 截止')
    await expect(items.nth(1)).toContainText(SAVED.title)
    await expect(items.nth(1).getByText('已收藏')).toBeVisible()
    const events = page.getByRole('region', { name: '已报名的活动' })
    await expect(events.getByRole('link', { name: EVENT.title })).toBeVisible()
    await expect(events.getByText('已确认')).toBeVisible()
  })

  await test.step('the company’s home shows the new applicant, roles closing soon and suggested candidates', async () => {
    const company = await joinCompany(browser, `六堡茶HR${unique()}`)
    await company.goto('/')
    const applicants = company.getByRole('region', { name: '新投递（近 7 天）' })
    await expect(applicants.getByRole('link', { name: studentName })).toBeVisible()
    await expect(applicants).toContainText(`投递 ${APPLIED.title}`)
    const closing = company.getByRole('region', { name: '即将截止的岗位（14 天内）' })
    await expect(closing.getByRole('link', { name: '管理岗位' })).toBeVisible()
    const suggested = company.getByRole('region', { name: '推荐候选人' })
    await expect(suggested).toBeVisible()
    // Demo students are discoverable or not by the demo data; either a list or the next step shows.
    await expect(suggested.getByRole('link').first()).toBeVisible()
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a student saves and unsaves a role with plain forms', async ({ page }) => {
    await signUpStudent(page, { name: `无脚本收藏${unique()}` })
    await page.goto(`/roles/key:${SAVED.key}`)
    await page.getByRole('button', { name: '收藏岗位' }).click()
    await expect(page.getByRole('status')).toContainText('已收藏')
    await page.goto('/')
    await expect(page.getByRole('region', { name: '截止日期' }).getByRole('link', { name: SAVED.title })).toBeVisible()
    await page.goto(`/roles/key:${SAVED.key}`)
    await page.getByRole('button', { name: '取消收藏' }).click()
    await expect(page.getByRole('status')).toContainText('已取消收藏')
  })
})
