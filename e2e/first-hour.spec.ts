// A student's first hour: the anonymous home from the demo data, then sign-up, onboarding
// (university, two catalogue courses, three skills through the picker by keyboard), a
// project, and recommendations whose reasons name them; with and without JavaScript.
import { expect, signUpStudent, test, type Page } from './fixtures.ts'

test('the anonymous home shows a search, the contest with its deadline and the next events from the demo data', async ({ page }) => {
  await page.goto('/')
  // The contest whose registration closes next: on the demo data alone the China–ASEAN
  // contest, but specs running alongside publish contests that close sooner.
  const contest = page.getByRole('region').filter({ hasText: /报名截止：/ })
  await expect(contest.getByRole('heading', { level: 2 }).getByRole('link')).toHaveAttribute('href', /^\/events\//)
  await expect(page.getByRole('heading', { name: '近期活动' })).toBeVisible()
  await expect(page.getByRole('region', { name: '平台数据' }).getByText('在招岗位')).toBeVisible()
  await page.getByRole('searchbox', { name: '搜索实习岗位' }).fill('Solidity')
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(page).toHaveURL(/\/roles\?q=Solidity/)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  test('the home, roles and events pages fit a phone', async ({ page }) => {
    for (const path of ['/', '/roles', '/events', '/signup']) {
      await page.goto(path)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
  })
})

async function pickSkill(page: Page, query: string, name: RegExp, chip: string) {
  const box = page.getByRole('combobox', { name: '搜索技能' })
  await box.fill(query)
  await expect(page.getByRole('listbox', { name: '匹配的技能' }).getByRole('option', { name })).toBeVisible()
  // Home/End and the arrows move through the options; Enter chooses.
  await box.press('End')
  await box.press('Home')
  while (!(await page.getByRole('option', { name, selected: true }).isVisible())) await box.press('ArrowDown')
  await box.press('Enter')
  await expect(page.getByRole('list', { name: '已选技能' }).getByText(chip, { exact: true }).first()).toBeVisible()
}

test('a new student goes through onboarding with the keyboard, adds a project and gets reasoned recommendations', async ({ page }) => {
  test.setTimeout(180_000)
  await signUpStudent(page, { name: '新同学' })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('完善资料，获得推荐')
  await expect(page.getByText('第 1 步，共 4 步')).toBeVisible()
  await page.getByLabel('高校').selectOption({ label: '北部湾大学' })
  await page.getByLabel('专业').fill('区块链工程')
  await page.getByLabel('毕业年份').fill('2027')
  await page.getByRole('button', { name: '保存并继续' }).click()

  await expect(page.getByText('第 2 步，共 4 步')).toBeVisible()
  const catalogue = page.getByRole('group', { name: '学校课程目录' })
  const courses = [await catalogue.getByRole('checkbox').nth(0), await catalogue.getByRole('checkbox').nth(1)]
  const titles: string[] = []
  for (const course of courses) {
    await course.check()
    const label = (await page.locator(`label[for="${await course.getAttribute('id')}"]`).innerText()).trim()
    titles.push(label.replace(/^\S+\s+/, ''))
  }
  await page.getByRole('button', { name: '保存并继续' }).click()

  await expect(page.getByText('第 3 步，共 4 步')).toBeVisible()
  await pickSkill(page, '合约', /^智能合约 Smart contracts/, '智能合约')
  await pickSkill(page, 'solidity', /^Solidity/, 'Solidity')
  await pickSkill(page, 'FISCO', /^FISCO BCOS/, 'FISCO BCOS')
  await page.getByRole('button', { name: '保存并继续' }).click()

  await expect(page.getByText('第 4 步，共 4 步')).toBeVisible()
  await page.getByLabel('每周可实习天数').fill('4')
  await page.getByLabel('语言 1', { exact: true }).selectOption({ label: '中文' })
  await page.getByLabel('语言 1 的水平').selectOption({ label: '母语' })
  await page.getByRole('button', { name: '完成，查看推荐' }).click()
  await expect(page.getByRole('status')).toContainText('这是为你推荐的岗位')

  await page.goto('/profile')
  const evidence = page.getByRole('region', { name: '课程、项目、实习与比赛' })
  await evidence.getByLabel('类型').selectOption('project')
  await evidence.getByLabel(/^名称/).fill('跨境贸易存证合约')
  await evidence.getByLabel(/^链接/).fill('https://gitee.com/new-student/trade-proof')
  const box = evidence.getByRole('combobox', { name: '搜索技能' })
  for (const query of ['Solidity', '供应链金融']) {
    await box.fill(query)
    await expect(evidence.getByRole('listbox', { name: '匹配的技能' }).getByRole('option').first()).toBeVisible()
    await box.press('ArrowDown')
    await box.press('Enter')
  }
  await evidence.getByRole('button', { name: '添加', exact: true }).click()
  await expect(page.getByRole('status')).toContainText('已添加')
  await expect(evidence.getByRole('listitem').filter({ hasText: '跨境贸易存证合约' }).getByText('本人填写', { exact: true })).toBeVisible()

  await page.goto('/')
  const recommended = page.getByRole('region', { name: '为你推荐' })
  await expect(
    recommended
      .getByRole('listitem')
      .filter({ has: page.getByRole('link') })
      .first(),
  ).toBeVisible()
  expect(await recommended.locator('ol.recommended-list > li').count()).toBeGreaterThanOrEqual(5)
  await expect(recommended.getByText(/跨境贸易存证合约/).first()).toBeVisible()
  // The claimed courses are on the profile, marked self-reported until a roster confirms them.
  await page.goto('/profile')
  for (const title of titles) await expect(page.getByRole('region', { name: '修读课程' }).getByText(title).first()).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('onboarding works with the search-then-choose skill picker', async ({ page }) => {
    test.setTimeout(180_000)
    await signUpStudent(page, { name: '无脚本同学' })
    await page.getByLabel('高校').selectOption({ label: '北部湾大学' })
    await page.getByRole('button', { name: '保存并继续' }).click()
    await page.getByRole('group', { name: '学校课程目录' }).getByRole('checkbox').nth(0).check()
    await page.getByRole('button', { name: '保存并继续' }).click()
    await expect(page.getByText('第 3 步，共 4 步')).toBeVisible()
    await page.getByRole('searchbox', { name: '搜索技能' }).fill('合约')
    await page.getByRole('button', { name: '搜索', exact: true }).click()
    await page.getByLabel('智能合约 · Smart contracts', { exact: true }).selectOption({ label: '4 熟练' })
    await page.getByRole('button', { name: '保存并继续' }).click()
    await expect(page.getByText('第 4 步，共 4 步')).toBeVisible()
    await page.goto('/onboarding?step=skills')
    await expect(page.getByRole('list', { name: '已选技能' }).getByText('智能合约', { exact: true }).first()).toBeVisible()
    await page.getByRole('link', { name: '跳过这一步' }).click()
    await page.getByRole('link', { name: '跳过这一步' }).click()
    await expect(page.getByRole('region', { name: '为你推荐' })).toBeVisible()
  })
})
