// Events and contests through the real pages: an organizer runs a contest from creation
// to published results, students form a team, register and submit, a judge scores; a
// lecture's waitlist promotes after a cancellation; the promoted student finds it under
// "my events"; a ticket checks in once only.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { cli, expect, PASSWORD, signUpStudent, test, uniqueEmail, type Browser, type Page } from './fixtures.ts'

/** A `datetime-local` value in Beijing time, `days` from now (the forms take Beijing time). */
function beijing(days: number) {
  const shifted = new Date(Date.now() + days * 24 * 60 * 60 * 1000 + 8 * 60 * 60 * 1000)
  return shifted.toISOString().slice(0, 16)
}

/** The page's toast (other live regions may be on the page too). */
async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible()
}

async function newPage(browser: Browser) {
  const context = await browser.newContext()
  return context.newPage()
}

/** Signs up through an invitation link, as someone who has no account yet. */
async function signUpByInvitation(page: Page, link: string, name: string) {
  await page.goto(link)
  await expect(page.getByRole('heading', { name: '接受邀请' })).toBeVisible()
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(uniqueEmail('invited'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expectToast(page, '欢迎加入链桥')
}

async function newOrganizer(browser: Browser, name: string) {
  const page = await newPage(browser)
  await signUpByInvitation(page, await cli('invite', 'create', '--kind', 'organizer'), name)
  return page
}

type EventFields = { kind: string; title: string; capacity: string; waitlist?: boolean; contest?: { tracks: string; rules: string } }

/** Fills and submits the organizer's new-event form, then publishes the draft. */
async function createAndPublish(page: Page, fields: EventFields) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '组织活动' }).click()
  await page.getByRole('link', { name: '创建活动' }).click()
  await page.getByLabel('类型', { exact: true }).selectOption({ label: fields.kind })
  await page.getByLabel('中文标题').fill(fields.title)
  await page.getByLabel('英文标题').fill(`${fields.title} (EN)`)
  await page.getByLabel('中文介绍').fill('面向广西高校学生的区块链活动。')
  await page.getByLabel(/^地点/).fill('广西大学东校园报告厅')
  await page.getByLabel('开始时间（北京时间）').fill(beijing(10))
  await page.getByLabel('结束时间（北京时间）').fill(beijing(10.25))
  await page.getByLabel('报名开始').fill(beijing(-1))
  await page.getByLabel('报名截止').fill(beijing(8))
  await page.getByRole('spinbutton', { name: /^名额/ }).fill(fields.capacity)
  if (fields.waitlist) await page.getByLabel('名额满后开放候补').check()
  if (fields.contest) {
    await page.getByLabel('中文规则').fill(fields.contest.rules)
    await page.getByLabel('每队最少人数').fill('2')
    await page.getByLabel('每队最多人数').fill('3')
    await page.getByLabel('作品提交截止').fill(beijing(9))
    await page.getByLabel('赛道', { exact: true }).fill(fields.contest.tracks)
  }
  await page.getByRole('button', { name: '创建' }).click()
  await expectToast(page, '活动已创建（草稿）')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fields.title)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('草稿')
  return page.url()
}

async function publish(page: Page) {
  await page.getByRole('button', { name: '发布' }).click()
  await expectToast(page, '活动已发布')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已发布')
}

/** A student finds a published event in the list and opens it. */
async function openEvent(page: Page, kind: string, title: string) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '活动', exact: true }).click()
  await page.getByRole('navigation', { name: '按类型筛选' }).getByRole('link', { name: kind }).click()
  await page.getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
}

// The smallest valid PNG (1×1), for a screenshot upload.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

test('a contest runs from creation to published results', async ({ browser }) => {
  test.setTimeout(240_000)
  const title = `中国—东盟区块链应用创新大赛 E2E ${Date.now().toString(36)}`

  // The organizer creates the contest with tracks, capacity and rules, sets the rubric, publishes.
  const organizer = await newOrganizer(browser, '赛事组织者')
  const dashboard = await createAndPublish(organizer, {
    kind: '大赛',
    title,
    capacity: '20',
    contest: { tracks: 'defi | 去中心化金融 | DeFi\nsupply | 供应链溯源 | Supply chain', rules: '作品须为原创。' },
  })
  await organizer.getByRole('link', { name: '评审与结果' }).click()
  await expect(organizer.getByRole('heading', { name: '评审', level: 1 })).toBeVisible()
  // The suggested rubric (30/30/25/15) is prefilled; adjust one weight pair and save.
  await expect(organizer.getByLabel('中文名 1', { exact: true })).toHaveValue('创新性')
  await organizer.getByLabel('权重（%） 1').fill('35')
  await organizer.getByRole('button', { name: '保存' }).click()
  await expect(organizer.getByRole('alert')).toContainText('各项权重之和须为 100（现为 105）')
  await organizer.getByLabel('权重（%） 2').fill('25')
  await organizer.getByRole('button', { name: '保存' }).click()
  await expectToast(organizer, '评分标准已保存')
  await organizer.goto(dashboard)
  await publish(organizer)

  // The organizer invites a judge; the link is shown on the page.
  await expect(organizer.getByLabel('邀请成为')).toHaveValue('event_judge')
  await organizer.getByRole('button', { name: '生成邀请链接' }).click()
  const judgeLink = (await organizer.getByRole('status').filter({ hasText: '/invite/' }).locator('code').textContent())?.trim() ?? ''
  expect(judgeLink).toMatch(/\/invite\//)

  // The captain creates a team in a track.
  const captain = await newPage(browser)
  await signUpStudent(captain, { name: '队长韦同学' })
  await openEvent(captain, '大赛', title)
  await expect(captain.getByText('大赛须以队伍报名：请先创建或加入队伍')).toBeVisible()
  await captain.getByRole('link', { name: '队伍', exact: true }).click()
  await captain.getByLabel('队名').fill('邕江链队')
  await captain.getByLabel('赛道').selectOption({ label: '供应链溯源' })
  await captain.getByRole('button', { name: '创建队伍' }).click()
  await expectToast(captain, '队伍已创建')
  await expect(captain.getByRole('heading', { name: '邕江链队', level: 1 })).toBeVisible()
  const inviteLink = (await captain.locator('code.token').textContent())?.trim() ?? ''
  expect(inviteLink).toContain('/teams?code=')
  await expect(captain.getByText('队伍尚未报名：人数达到 2–3 人后，由队长在活动页为队伍报名。')).toBeVisible()

  // A second student opens the invite link (the code is filled in) and asks to join.
  const member = await newPage(browser)
  await signUpStudent(member, { name: '队员黄同学' })
  await member.goto(inviteLink)
  await expect(member.getByLabel('邀请码')).toHaveValue(new URL(inviteLink).searchParams.get('code') ?? '')
  await member.getByRole('button', { name: '申请加入' }).click()
  await expectToast(member, '已发送加入申请，等待队长确认')

  // Too small a team cannot register yet; the captain accepts the request, then registers.
  await captain.reload()
  const requests = captain.getByRole('listitem').filter({ hasText: '队员黄同学' })
  await requests.getByRole('button', { name: '接受' }).click()
  await expectToast(captain, '已接受')
  await expect(captain.getByRole('listitem').filter({ hasText: '队员黄同学' })).toBeVisible()
  await captain.getByRole('link', { name: title }).click()
  await captain.getByRole('button', { name: '以队伍报名' }).click()
  await expect(captain.getByText('报名前须同意规则')).toBeVisible()
  await captain.getByLabel('我已阅读并同意上述规则').check()
  await captain.getByRole('button', { name: '以队伍报名' }).click()
  await expectToast(captain, '报名成功')
  await expect(captain.getByText('你的报名状态：已确认')).toBeVisible()

  // The member sees the team's registration on the event page, and no form of their own.
  await openEvent(member, '大赛', title)
  await expect(member.getByText('队伍报名状态：已确认')).toBeVisible()
  await expect(member.getByRole('button', { name: '以队伍报名' })).toHaveCount(0)

  // The member submits the project with a screenshot.
  await member.goto(inviteLink)
  await expect(member.getByRole('heading', { name: '邕江链队', level: 1 })).toBeVisible()
  await member.getByLabel('项目名称').fill('链上农产品溯源')
  await member.getByLabel('项目介绍').fill('用联盟链记录广西沃柑从果园到餐桌的每一步。')
  await member.getByLabel('代码仓库网址').fill('https://git.example.cn/yongjiang/trace')
  await member.getByLabel('演示视频网址').fill('https://video.example.cn/trace-demo')
  await member.getByLabel(/^截图/).setInputFiles({ name: 'screen.png', mimeType: 'image/png', buffer: PNG })
  await member.getByRole('button', { name: '保存作品' }).click()
  await expectToast(member, '作品已保存')
  await expect(member.getByRole('heading', { name: '链上农产品溯源' })).toBeVisible()
  await expect(member.getByRole('img', { name: '链上农产品溯源 1' })).toBeVisible()

  // The judge signs up through the organizer's link and scores the team.
  const judge = await newPage(browser)
  await signUpByInvitation(judge, judgeLink, '评委李教授')
  // A judge invitation makes them staff of this contest only: they land on its judging page,
  // and the platform's organizer pages stay closed.
  await expect(judge).toHaveURL(/\/judge\/events\//)
  const judgePage = judge.url()
  for (const path of ['/organize/events/new', '/organize']) {
    await judge.goto(path)
    await expect(judge.getByRole('heading', { name: '找不到页面' })).toBeVisible()
  }
  await expect(judge.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '组织活动' })).toHaveCount(0)
  await judge.goto(judgePage)
  await expect(judge.getByRole('link', { name: title })).toBeVisible()
  const teamCard = judge.locator('section').filter({ has: judge.getByRole('heading', { name: '邕江链队' }) })
  await expect(teamCard.getByRole('heading', { name: '链上农产品溯源' })).toBeVisible()
  await teamCard.getByLabel('创新性 (35%)').fill('9')
  await teamCard.getByLabel('技术深度 (25%)').fill('8')
  await teamCard.getByLabel('应用价值 (25%)').fill('9')
  await teamCard.getByLabel('展示表达 (15%)').fill('7')
  await teamCard.getByRole('button', { name: '保存评分' }).click()
  await expectToast(judge, '评分已保存')
  await expect(judge.getByLabel('创新性 (35%)')).toHaveValue('9')

  // The organizer sees the leaderboard, gives an award and publishes the results.
  await organizer.goto(dashboard)
  await organizer.getByRole('link', { name: '评审与结果' }).click()
  const standing = organizer.getByRole('row').filter({ hasText: '邕江链队' })
  await expect(standing).toContainText('8.45')
  await organizer.getByLabel('队伍', { exact: true }).selectOption({ label: '1. 邕江链队' })
  await organizer.getByLabel('奖项中文名').fill('一等奖')
  await organizer.getByLabel('奖项英文名').fill('First prize')
  await organizer.getByRole('button', { name: '添加奖项' }).click()
  await expectToast(organizer, '奖项已添加')
  await organizer.getByRole('button', { name: '公布结果' }).click()
  await expectToast(organizer, '结果已公布')

  // The award is on the team page, for its members and for anyone once results are out.
  await captain.goto(inviteLink)
  await expect(captain.getByRole('heading', { name: '获奖' })).toBeVisible()
  await expect(captain.getByText('一等奖 (#1)')).toBeVisible()
  const teamUrl = captain.url()
  const visitor = await newPage(browser)
  await visitor.goto(teamUrl)
  await expect(visitor.getByText('一等奖 (#1)')).toBeVisible()

  // …and on the student's own profile.
  await captain.goto('/profile')
  const awards = captain.getByRole('region', { name: '大赛获奖' })
  await expect(awards.getByText('一等奖')).toBeVisible()

  for (const page of [organizer, captain, member, judge, visitor]) await page.context().close()
})

/** .eml files written for this address, polled for a while (mail goes through a job queue). */
async function mailFor(address: string, timeout = 20_000) {
  const dir = process.env.E2E_MAIL_DIR ?? ''
  const deadline = Date.now() + timeout
  for (;;) {
    const names = await readdir(dir).catch(() => [] as string[])
    for (const name of names.filter((n) => n.endsWith('.eml'))) {
      const raw = await readFile(path.join(dir, name), 'utf8')
      if (raw.includes(address)) return raw
    }
    if (Date.now() > deadline) return null
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

test('a waitlisted student is promoted after a cancellation, and checks in once only', async ({ browser }) => {
  test.setTimeout(240_000)
  const title = `区块链技术前沿讲座 E2E ${Date.now().toString(36)}`
  const organizer = await newOrganizer(browser, '讲座组织者')
  const dashboard = await createAndPublish(organizer, { kind: '讲座', title, capacity: '1', waitlist: true })
  await publish(organizer)

  // The first student takes the only seat.
  const first = await newPage(browser)
  await signUpStudent(first, { name: '先报名同学' })
  await openEvent(first, '讲座', title)
  await expect(first.getByText('名额 0/1')).toBeVisible()
  await first.getByRole('button', { name: '报名', exact: true }).click()
  await expectToast(first, '报名成功')
  await expect(first.getByText('你的报名状态：已确认')).toBeVisible()

  // The second student is waitlisted, first in line.
  const second = await newPage(browser)
  const secondEmail = uniqueEmail('waitlisted')
  await signUpStudent(second, { name: '候补同学', email: secondEmail })
  await openEvent(second, '讲座', title)
  await expect(second.getByText('名额 1/1')).toBeVisible()
  await second.getByRole('button', { name: '报名', exact: true }).click()
  await expectToast(second, '已加入候补名单')
  await expect(second.getByText('你的报名状态：候补中 · 候补第 1 位')).toBeVisible()
  await expect(second.getByRole('link', { name: '入场凭证' })).toHaveCount(0)

  // The first student cancels; the seat goes to the waitlisted student at once.
  await first.getByRole('button', { name: '取消报名' }).click()
  await expectToast(first, '已取消报名')
  await second.reload()
  await expect(second.getByText('你的报名状态：已确认')).toBeVisible()

  // The promotion is in the notification centre and in an e-mail.
  await second.goto('/notifications')
  await expect(second.getByText(`你已从候补转为正式报名：${title}`)).toBeVisible()
  const mail = await mailFor(secondEmail)
  expect(mail, 'a promotion e-mail to the waitlisted student').not.toBeNull()

  // "My events" lists the lecture as confirmed, with its ticket. The ticket's short code
  // checks in once; the second attempt is refused clearly.
  await second.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的活动' }).click()
  const mine = second.getByRole('region', { name: '即将参加' }).getByRole('listitem').filter({ hasText: title })
  await expect(mine).toContainText('已确认')
  await mine.getByRole('link', { name: '入场凭证' }).click()
  await expect(second.getByRole('img', { name: '签到二维码' })).toBeVisible()
  const code = (await second.locator('.ticket-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[A-Z2-9]{8}$/)

  await organizer.goto(dashboard)
  await organizer.getByRole('link', { name: '签到', exact: true }).click()
  await organizer.getByLabel('扫码结果或签到码').fill(code.toLowerCase())
  await organizer.getByRole('button', { name: '签到' }).click()
  await expect(organizer.getByRole('status').filter({ hasText: '签到成功：候补同学' })).toBeVisible()
  // The second attempt, from a phone without JavaScript at another door.
  const door = await (await browser.newContext({ javaScriptEnabled: false, storageState: await organizer.context().storageState() })).newPage()
  await door.goto(organizer.url())
  await door.getByLabel('扫码结果或签到码').fill(code)
  await door.getByRole('button', { name: '签到' }).click()
  await expect(door.getByRole('alert')).toContainText('候补同学 已于')
  await expect(door.getByRole('alert')).toContainText('不能重复签到')
  await expect(door.getByRole('status').filter({ hasText: '签到成功' })).toHaveCount(0)

  // The dashboard counts the check-in.
  await organizer.goto(dashboard)
  await expect(organizer.getByRole('row').filter({ hasText: '候补同学' })).toContainText('已签到')

  for (const page of [organizer, first, second, door]) await page.context().close()
})
