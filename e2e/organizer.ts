// An organizer through the real pages: signing up by an invitation link, creating an event
// and publishing it. Shared by the specs that need a contest or a lecture of their own.
import { cli, expect, PASSWORD, uniqueEmail, type Browser, type Page } from './fixtures.ts'

/** A `datetime-local` value in Beijing time, `days` from now (the forms take Beijing time). */
export function beijing(days: number) {
  const shifted = new Date(Date.now() + days * 24 * 60 * 60 * 1000 + 8 * 60 * 60 * 1000)
  return shifted.toISOString().slice(0, 16)
}

/** The page's toast (other live regions may be on the page too). */
export async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible()
}

/** A page in a context of its own, with or without JavaScript. */
export async function newPage(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled })
  return context.newPage()
}

/** Signs up through an invitation link, as someone who has no account yet. */
export async function signUpByInvitation(page: Page, link: string, name: string) {
  await page.goto(link)
  await expect(page.getByRole('heading', { name: '接受邀请' })).toBeVisible()
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(uniqueEmail('invited'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expectToast(page, '欢迎加入链桥')
}

export async function newOrganizer(browser: Browser, name: string, javaScriptEnabled = true) {
  const page = await newPage(browser, javaScriptEnabled)
  await signUpByInvitation(page, await cli('invite', 'create', '--kind', 'organizer'), name)
  return page
}

type EventFields = { kind: string; title: string; capacity: string; waitlist?: boolean; contest?: { tracks: string; rules: string } }

/** Fills and submits the organizer's new-event form; the answer is the draft's dashboard URL. */
export async function createAndPublish(page: Page, fields: EventFields) {
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

export async function publish(page: Page) {
  await page.getByRole('button', { name: '发布' }).click()
  await expectToast(page, '活动已发布')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('已发布')
}
