// Roles and search end to end: a company member posts a role through the form (draft,
// publish, edit, close) and a student finds it on /roles by a Chinese query, an English
// query, a typo and a facet, with and without JavaScript; the URL holds the search.
import { cli, expect, PASSWORD, signUpStudent, test, uniqueEmail, type Browser, type Page } from './fixtures.ts'

const letters = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')

/** A company member who joined a demo company through an invitation link. */
async function joinCompany(browser: Browser, companyKey: string, name: string) {
  const page = await (await browser.newContext()).newPage()
  const link = await cli('invite', 'create', '--kind', 'company_member', '--company', companyKey)
  await page.goto(link)
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(uniqueEmail('member'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('status').filter({ hasText: '欢迎加入链桥' })).toBeVisible()
  return page
}

const results = (page: Page) => page.getByRole('list', { name: '搜索结果' })
const resultLink = (page: Page, title: string) => results(page).getByRole('link', { name: title })

/** Types a query into the search box (live search with JavaScript) and waits for its URL. */
async function liveSearch(page: Page, q: string) {
  const box = page.getByRole('searchbox', { name: '搜索岗位' })
  await box.fill(q)
  await expect(page).toHaveURL((url) => (url.searchParams.get('q') ?? '') === q)
}

/**
 * Publishing is asynchronous (outbox → Meilisearch), so a freshly changed role is looked
 * for until it appears (or disappears): each try is a real search through the page.
 */
async function expectFound(page: Page, url: string, title: string, found = true) {
  await expect(async () => {
    await page.goto(url)
    await expect(resultLink(page, title)).toHaveCount(found ? 1 : 0, { timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
}

test('a company member posts, publishes, edits and closes a role; a student finds it every way', async ({ browser }) => {
  test.setTimeout(180_000)
  // A made-up word (letters only, so Meilisearch treats it as one word) and a made-up
  // Chinese name make the role findable among the demo roles.
  const word = `qorvane${letters(5, 'bcdfghjklmnpqrstvwxz')}`
  const zhWord = `鲲${letters(3, '麒麟琥珀翡翠玳瑁砗磲')}`
  const titleZh = `${zhWord}链上溯源实习生`
  const titleEn = `Traceability Intern ${word}`
  const member = await joinCompany(browser, 'baise-mango', `芒链HR${letters(4, 'abcdefgh')}`)
  let roleUrl = ''

  await test.step('the member fills the role form and saves a draft', async () => {
    const page = member
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业后台' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('百色芒链农业科技有限公司')
    await page.getByRole('link', { name: '发布新岗位' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '发布新岗位' })).toBeVisible()
    // Every problem of an empty form shows at once, next to its field.
    await page.getByRole('button', { name: '保存草稿' }).click()
    await expect(page.getByText('至少填写一种语言（中文或英文）')).toHaveCount(2)
    await expect(page.getByText('必填', { exact: true }).first()).toBeVisible()
    await page.getByLabel('岗位名称（中文）').fill(titleZh)
    await page.getByLabel('岗位描述（中文，Markdown）').fill(`在百色芒果产业链上开发**溯源**智能合约。\n\n- 使用 Solidity 编写合约\n- 参与${zhWord}项目`)
    await page.getByLabel('岗位类型').selectOption({ label: '智能合约开发' })
    await page.getByLabel('工作方式').selectOption({ label: '混合办公' })
    await page.getByLabel('城市', { exact: true }).fill('贺州')
    await page.getByLabel('月补贴下限（元）').fill('3000')
    await page.getByLabel('月补贴上限（元）').fill('4500')
    await page.getByLabel('招聘人数').fill('2')
    await page.getByLabel('每周天数').fill('4')
    await page.getByLabel('实习时长（月）').fill('3')
    await page.getByLabel('申请截止日期').fill('2030-06-30')
    // Skills are chosen with the skill picker, by name in either language, with the keyboard.
    const skillBox = page.getByRole('combobox', { name: '搜索技能' })
    for (const [query, name] of [
      ['Solidity', /^Solidity/],
      ['智能合约', /^智能合约/],
    ] as const) {
      await skillBox.fill(query)
      await expect(page.getByRole('listbox', { name: '匹配的技能' }).getByRole('option', { name }).first()).toBeVisible()
      await skillBox.press('ArrowDown')
      await skillBox.press('Enter')
    }
    // A skill outside the taxonomy is not offered.
    await skillBox.fill('区块链炼金术')
    await expect(page.getByText('没有找到匹配的技能')).toBeAttached()
    await skillBox.fill('')
    await page.getByRole('button', { name: '保存草稿' }).click()
    await expect(page.getByRole('status').filter({ hasText: '岗位已保存' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleZh)
    await expect(page.getByText('草稿：只有贵公司成员可以看到。')).toBeVisible()
    roleUrl = new URL(page.url()).pathname
    expect(roleUrl).toMatch(/^\/roles\/[^/]+$/)
  })

  const student = await (await browser.newContext()).newPage()
  await signUpStudent(student, { name: `找实习${letters(3, 'abcdef')}` })

  await test.step('a draft is neither visible to a student nor searchable', async () => {
    expect((await student.goto(roleUrl))?.status()).toBe(404)
    await student.goto(`/roles?q=${word}`)
    await expect(resultLink(student, titleZh)).toHaveCount(0)
  })

  await test.step('the member publishes it from the dashboard', async () => {
    const page = member
    await page.goto('/company')
    const row = page.getByRole('row').filter({ hasText: titleZh })
    await expect(row).toContainText('草稿')
    await row.getByRole('button', { name: '发布' }).click()
    await expect(page.getByRole('status').filter({ hasText: '岗位已发布' })).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: titleZh })).toContainText('已发布')
  })

  await test.step('a student finds it by a Chinese query (with JavaScript, as they type)', async () => {
    await expectFound(student, `/roles?q=${encodeURIComponent(zhWord)}`, titleZh)
    // Now as a student types it: from the empty search, results follow the box.
    await student.goto('/roles')
    await liveSearch(student, zhWord)
    await expect(resultLink(student, titleZh)).toBeVisible()
    // Matches are highlighted.
    await expect(resultLink(student, titleZh).locator('mark').first()).toBeVisible()
  })

  await test.step('the member edits the role: an English title and description', async () => {
    const page = member
    await page.goto(roleUrl)
    await page.getByRole('link', { name: '编辑岗位' }).click()
    await expect(page.getByRole('heading', { level: 1, name: '编辑岗位' })).toBeVisible()
    await expect(page.getByLabel('岗位名称（中文）')).toHaveValue(titleZh)
    await page.getByLabel('岗位名称（英文）').fill(titleEn)
    await page.getByLabel('岗位描述（英文，Markdown）').fill(`Write **traceability** smart contracts in Solidity for the ${word} mango chain.`)
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: '岗位已保存' })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`${roleUrl}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleZh)
  })

  await test.step('the English word of the edit, a typo of it, and a typo with a city facet find it', async () => {
    await expectFound(student, `/roles?q=${word}`, titleZh)
    // One letter left out, as a hurried student types it.
    await student.goto(`/roles?q=${word.slice(0, 8)}${word.slice(9)}`)
    await expect(resultLink(student, titleZh)).toBeVisible()
    // `solidty` matches many demo roles; the city facet narrows them to ours.
    await student.goto('/roles')
    await liveSearch(student, 'solidty')
    await expect(results(student).getByRole('article').first()).toBeVisible()
    await student.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /贺州/ }).check()
    await expect(student).toHaveURL((url) => url.searchParams.getAll('city').includes('hezhou') && url.searchParams.get('q') === 'solidty')
    await expect(student.getByRole('status').filter({ hasText: /^共 \d+ 个岗位$/ })).toBeVisible()
    await expect(resultLink(student, titleZh)).toBeVisible()
    await expect(results(student).getByRole('article')).toHaveCount(1)
  })

  await test.step('the URL reproduces the search in a fresh page; back returns to the results', async () => {
    const url = student.url()
    const fresh = await (await browser.newContext()).newPage()
    await fresh.goto(url)
    await expect(fresh.getByRole('searchbox', { name: '搜索岗位' })).toHaveValue('solidty')
    await expect(fresh.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /贺州/ })).toBeChecked()
    await expect(resultLink(fresh, titleZh)).toBeVisible()
    expect(await results(fresh).getByRole('article').allInnerTexts()).toEqual(await results(student).getByRole('article').allInnerTexts())
    await fresh.context().close()

    await resultLink(student, titleZh).click()
    await expect(student).toHaveURL(new RegExp(`${roleUrl}$`))
    await expect(student.getByRole('heading', { level: 1 })).toHaveText(titleZh)
    await expect(student.getByRole('link', { name: '百色芒链农业科技有限公司' }).first()).toBeVisible()
    await expect(student.getByText('3000–4500 元/月')).toBeVisible()
    await expect(student.getByText('Solidity · 3 用过')).toBeVisible()
    await expect(student.getByText('智能合约 · 3 用过')).toBeVisible()
    await expect(student.getByRole('link', { name: '申请该岗位' })).toBeVisible()
    await student.goBack()
    await expect(student).toHaveURL(url)
    await expect(student.getByRole('searchbox', { name: '搜索岗位' })).toHaveValue('solidty')
    await expect(student.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /贺州/ })).toBeChecked()
    await expect(resultLink(student, titleZh)).toBeVisible()
  })

  await test.step('without JavaScript the same search is a plain GET form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto('/roles')
    await page.getByRole('searchbox', { name: '搜索岗位' }).fill('solidty')
    await page.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /贺州/ }).check()
    await page.getByRole('button', { name: '搜索', exact: true }).click()
    await expect(page).toHaveURL(
      (url) => url.pathname === '/roles' && url.searchParams.get('q') === 'solidty' && url.searchParams.getAll('city').includes('hezhou'),
    )
    await expect(resultLink(page, titleZh)).toBeVisible()
    await page.getByRole('searchbox', { name: '搜索岗位' }).fill(zhWord)
    await page.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /贺州/ }).uncheck()
    await page.getByRole('searchbox', { name: '搜索岗位' }).press('Enter')
    await expect(page).toHaveURL((url) => url.searchParams.get('q') === zhWord && !url.searchParams.has('city'))
    await expect(resultLink(page, titleZh)).toBeVisible()
    await resultLink(page, titleZh).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titleZh)
    await context.close()
  })

  await test.step('the member closes the role: it stays at its URL marked closed and drops out of search', async () => {
    await member.goto('/company')
    await member.getByRole('row').filter({ hasText: titleZh }).getByRole('button', { name: '关闭' }).click()
    await expect(member.getByRole('status').filter({ hasText: '岗位已关闭' })).toBeVisible()
    await expect(member.getByRole('row').filter({ hasText: titleZh })).toContainText('已关闭')

    await student.goto(roleUrl)
    await expect(student.getByRole('heading', { level: 1 })).toHaveText(titleZh)
    await expect(student.getByText('该岗位已关闭，不再接受申请。')).toBeVisible()
    await expect(student.getByRole('link', { name: '申请该岗位' })).toHaveCount(0)
    await expectFound(student, `/roles?q=${word}`, titleZh, false)
    await student.goto(`/roles?q=${encodeURIComponent(zhWord)}`)
    await expect(resultLink(student, titleZh)).toHaveCount(0)
  })
})

test('live search: debounced, the earlier request cancelled, canonical URLs, focus kept, and Back undoes a filter', async ({ page }) => {
  const sent: string[] = []
  const aborted: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/roles.data') sent.push(new URL(r.url()).search)
  })
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname === '/roles.data') aborted.push(new URL(r.url()).search)
  })
  await page.goto('/roles')
  const box = page.getByRole('searchbox', { name: '搜索岗位' })
  const total = page.getByRole('status').filter({ hasText: /^共 \d+ 个岗位$/ })
  await expect(total).toBeVisible()

  // Typing quickly sends a search when the typing pauses, not one per key. (A loaded CI
  // machine can stall the page past the pause between two keys, so a few may go out; eight
  // would mean no debounce at all.)
  await page.waitForLoadState('networkidle')
  await box.pressSequentially('solidity', { delay: 40 })
  await expect(page).toHaveURL(/\/roles\?q=solidity$/)
  await expect(total).toBeVisible()
  expect(sent.at(-1)).toBe('?q=solidity')
  expect(sent.length).toBeLessThanOrEqual(3)

  // A slow answer is abandoned when the student types on; the page keeps its place.
  await page.route('**/roles.data?*', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 5_000))
    await route.continue().catch(() => undefined)
  })
  const boxTop = (await box.boundingBox())!.y
  const listTop = (await page.getByRole('list', { name: '搜索结果' }).boundingBox())!.y
  await box.fill('合约')
  await expect(page.getByRole('status').filter({ hasText: '正在更新结果…' })).toBeVisible()
  expect((await box.boundingBox())!.y).toBe(boxTop)
  expect((await page.getByRole('list', { name: '搜索结果' }).boundingBox())!.y).toBe(listTop)
  await box.pressSequentially(' 南宁', { delay: 40 })
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === '合约 南宁')
  await expect(total).toBeVisible()
  expect(aborted).toContain(`?q=${encodeURIComponent('合约').replace(/%20/g, '+')}`)
  await page.unroute('**/roles.data?*')

  // A filter chosen from the keyboard keeps focus, and adds a history entry.
  const city = page.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /桂林/ })
  await city.focus()
  await page.keyboard.press('Space')
  await expect(page).toHaveURL((url) => url.searchParams.getAll('city').join() === 'guilin')
  await expect(total).toBeVisible()
  await expect(city).toBeFocused()
  await expect(city).toBeChecked()
  await page.goBack()
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === '合约 南宁' && !url.searchParams.has('city'))
  await expect(city).not.toBeChecked()
  await expect(box).toHaveValue('合约 南宁')
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('results come first and the filters open from one toggle', async ({ page }) => {
    await page.goto('/roles?q=solidity&city=nanning')
    const toggle = page.getByText('筛选 (1)', { exact: true })
    await expect(toggle).toBeVisible()
    await expect(page.getByRole('group', { name: '城市' })).toBeHidden()
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('article').first()).toBeInViewport()
    await toggle.click()
    const city = page.getByRole('group', { name: '城市' }).getByRole('checkbox', { name: /南宁/ })
    await expect(city).toBeChecked()
    await city.uncheck()
    await expect(page).toHaveURL(/\/roles\?q=solidity$/)
    // The panel stays open while the student picks more filters.
    await expect(page.getByRole('group', { name: '城市' })).toBeVisible()
  })
})
