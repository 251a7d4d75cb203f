// Credentials as evidence, through the real pages: a company member (with and without
// JavaScript) takes a student's application to "accepted" and marks the internship completed with the
// skills it confirms; the company issues the credential in the background, the student
// finds it in "My credentials", the recommendations name it as the reason, and the student
// attaches it to the application, where the company sees it verified with its issuer.
// A contest award (JavaScript on) reaches "My credentials" and the match reasons the same way.
import { cli, expect, PASSWORD, signUpStudent, test, uniqueEmail, type Browser, type Page } from './fixtures.ts'

const letters = (n: number) => Array.from({ length: n }, () => 'abcdefghjkmnpqrstuvwxyz'[Math.floor(Math.random() * 23)]).join('')
const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' })
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)

async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible()
}

async function signUpInvited(browser: Browser, args: string[], name: string, javaScriptEnabled: boolean) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage()
  await page.goto(await cli('invite', 'create', ...args))
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(uniqueEmail('invited'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expectToast(page, '欢迎加入链桥')
  return page
}

/** Waits for the background job: the credential is in "My credentials" once issued. */
async function expectCredential(student: Page, title: string | RegExp) {
  await expect(async () => {
    await student.goto('/credentials')
    await expect(student.getByRole('heading', { level: 2, name: title })).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 60_000 })
}

// The company's forms run once without JavaScript and once with it (the student's the other way round).
for (const companyScript of [false, true]) {
  test(`an internship the company marks completed becomes a credential, named in the match reasons and attached (company JavaScript ${companyScript ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    test.setTimeout(240_000)
    const suffix = letters(6)
    const studentName = `韦实习${suffix}`
    const member = await signUpInvited(browser, ['--kind', 'company_member', '--company', 'lianrong'], `链融HR${suffix}`, companyScript)
    const student = await (await browser.newContext({ javaScriptEnabled: !companyScript })).newPage()
    await signUpStudent(student, { name: studentName })
    let roleUrl = ''

    await test.step('the student applies to the company’s role', async () => {
      await nav(member).getByRole('link', { name: '企业后台' }).click()
      const role = member.getByRole('row').getByRole('link', { name: '智能合约开发实习生', exact: true })
      roleUrl = new URL((await role.getAttribute('href')) ?? '', member.url()).pathname
      await student.goto(`${roleUrl}/apply`)
      await expect(student.getByRole('group', { name: '附上我的证书（可选）' })).toContainText('你还没有可以附上的证书。')
      await student.getByRole('button', { name: '提交申请' }).click()
      await expectToast(student, '申请已提交。')
    })

    await test.step('the company, without JavaScript, accepts and marks the internship completed', async () => {
      await member.goto('/company/applications')
      await member.getByRole('link', { name: studentName }).click()
      for (const status of ['审核中', '面试', '录用意向', '已接受']) {
        await member.getByLabel('改为').selectOption({ label: status })
        await member.getByRole('button', { name: '更改状态' }).click()
        await expectToast(member, '状态已更新。')
      }
      const form = member.getByRole('region', { name: '实习完成' })
      // The role's skills are offered; an empty form says what is wrong on its fields.
      await expect(form.getByRole('list', { name: '已选技能' })).toContainText('Solidity')
      await form.getByRole('button', { name: '标记为实习完成' }).click()
      await expect(member.getByRole('region', { name: '实习完成' }).getByRole('alert').first()).toBeVisible()
      await member.getByLabel('开始日期').fill(day(-90))
      await member.getByLabel('结束日期').fill(day(-1))
      await member.getByRole('button', { name: '标记为实习完成' }).click()
      await expectToast(member, '已标记实习完成，证书即将签发')
      await expect(member.getByRole('region', { name: '实习完成' })).toContainText(`已于 ${day(-90)} 至 ${day(-1)} 完成实习`)
    })

    await test.step('the student finds the credential in My credentials and in the reasons of the recommendations', async () => {
      await expectCredential(student, /实习：智能合约开发实习生/)
      await expect(student.getByRole('listitem').filter({ has: student.getByRole('heading', { name: /实习：智能合约开发实习生/ }) })).toContainText(
        '南宁链融科技有限公司',
      )
      await student.goto('/')
      await expect(student.getByRole('region', { name: '为你推荐' })).toContainText('证书：南宁链融科技有限公司颁发的“实习：智能合约开发实习生”')
    })

    await test.step('the student attaches the credential to an application; the company sees it verified, with the issuer', async () => {
      await student.goto('/applications')
      await student
        .getByRole('article', { name: /智能合约开发实习生/ })
        .getByRole('link', { name: '查看与消息' })
        .click()
      const attach = student.getByRole('region', { name: '再附上证书' })
      await attach.getByRole('checkbox', { name: /实习：智能合约开发实习生/ }).check()
      await attach.getByRole('button', { name: '附上所选证书' }).click()
      await expectToast(student, '已附上证书')
      await member.reload()
      const attached = member.getByRole('region', { name: '附上的证书' })
      await expect(attached).toContainText('实习：智能合约开发实习生')
      await expect(attached).toContainText('已验证')
      await expect(attached).toContainText('颁发机构：南宁链融科技有限公司')
    })

    for (const page of [member, student]) await page.context().close()
  })
}

/** A `datetime-local` value in Beijing time, `days` from now (the forms take Beijing time). */
const beijing = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16)

test('a contest award becomes a credential in the team member’s My credentials and match reasons', async ({ browser }) => {
  test.setTimeout(240_000)
  const suffix = letters(6)
  const title = `链上创新赛${suffix}`
  const team = `证书队${suffix}`
  const organizer = await signUpInvited(browser, ['--kind', 'organizer'], `组织者${suffix}`, true)

  await test.step('the organizer creates a contest for teams of one to three, keeps the suggested rubric and publishes it', async () => {
    await nav(organizer).getByRole('link', { name: '组织活动' }).click()
    await organizer.getByRole('link', { name: '创建活动' }).click()
    await organizer.getByLabel('类型', { exact: true }).selectOption({ label: '大赛' })
    await organizer.getByLabel('中文标题').fill(title)
    await organizer.getByLabel('英文标题').fill(`${title} (EN)`)
    await organizer.getByLabel('中文介绍').fill('面向广西高校学生的区块链大赛。')
    await organizer.getByLabel(/^地点/).fill('广西大学东校园报告厅')
    await organizer.getByLabel('开始时间（北京时间）').fill(beijing(10))
    await organizer.getByLabel('结束时间（北京时间）').fill(beijing(10.25))
    await organizer.getByLabel('报名开始').fill(beijing(-1))
    await organizer.getByLabel('报名截止').fill(beijing(8))
    await organizer.getByRole('spinbutton', { name: /^名额/ }).fill('10')
    await organizer.getByLabel('中文规则').fill('作品须为原创。')
    await organizer.getByLabel('每队最少人数').fill('1')
    await organizer.getByLabel('每队最多人数').fill('3')
    await organizer.getByLabel('作品提交截止').fill(beijing(9))
    await organizer.getByLabel('赛道', { exact: true }).fill('defi | 去中心化金融 | DeFi')
    // The contest's skill is what its awards align, and what matching counts.
    const skills = organizer.getByRole('combobox', { name: '搜索技能' })
    await skills.fill('solidity')
    await expect(
      organizer
        .getByRole('listbox', { name: '匹配的技能' })
        .getByRole('option', { name: /^Solidity/ })
        .first(),
    ).toBeVisible()
    await skills.press('ArrowDown')
    await skills.press('Enter')
    await organizer.getByRole('button', { name: '创建' }).click()
    await expectToast(organizer, '活动已创建（草稿）')
  })
  const dashboard = organizer.url()
  await organizer.getByRole('link', { name: '评审与结果' }).click()
  await organizer.getByRole('button', { name: '保存' }).click()
  await expectToast(organizer, '评分标准已保存')
  await organizer.goto(dashboard)
  await organizer.getByRole('button', { name: '发布' }).click()
  await expectToast(organizer, '活动已发布')
  await organizer.getByRole('button', { name: '生成邀请链接' }).click()
  const judgeLink = (await organizer.getByRole('status').filter({ hasText: '/invite/' }).locator('code').textContent())?.trim() ?? ''

  const student = await (await browser.newContext()).newPage()
  await test.step('a student creates a team of one and registers it', async () => {
    await signUpStudent(student, { name: `队长${suffix}` })
    await student.goto(`/events/${new URL(dashboard).pathname.split('/')[3]}`)
    await student.getByRole('link', { name: '队伍', exact: true }).click()
    await student.getByLabel('队名').fill(team)
    await student.getByLabel('赛道').selectOption({ label: '去中心化金融' })
    await student.getByRole('button', { name: '创建队伍' }).click()
    await expectToast(student, '队伍已创建')
    await student.getByRole('link', { name: title }).click()
    await student.getByLabel('我已阅读并同意上述规则').check()
    await student.getByRole('button', { name: '以队伍报名' }).click()
    await expectToast(student, '报名成功')
  })

  await test.step('a judge scores the team; the organizer gives it an award and publishes the results', async () => {
    const judge = await (await browser.newContext()).newPage()
    await judge.goto(judgeLink)
    await judge.getByLabel('姓名').fill(`评委${suffix}`)
    await judge.getByLabel('电子邮箱').fill(uniqueEmail('judge'))
    await judge.getByLabel('密码').fill(PASSWORD)
    await judge.getByLabel(/我同意链桥/).check()
    await judge.getByRole('button', { name: '注册' }).click()
    await expect(judge).toHaveURL(/\/judge\/events\//)
    const card = judge.locator('section').filter({ has: judge.getByRole('heading', { name: team }) })
    await card.getByLabel('创新性 (30%)').fill('9')
    await card.getByLabel('技术深度 (30%)').fill('8')
    await card.getByLabel('应用价值 (25%)').fill('9')
    await card.getByLabel('展示表达 (15%)').fill('7')
    await card.getByRole('button', { name: '保存评分' }).click()
    await expectToast(judge, '评分已保存')
    await judge.context().close()

    await organizer.goto(dashboard)
    await organizer.getByRole('link', { name: '评审与结果' }).click()
    await organizer.getByLabel('队伍', { exact: true }).selectOption({ label: `1. ${team}` })
    await organizer.getByLabel('奖项中文名').fill('一等奖')
    await organizer.getByLabel('奖项英文名').fill('First prize')
    await organizer.getByRole('button', { name: '添加奖项' }).click()
    await expectToast(organizer, '奖项已添加')
    await organizer.getByRole('button', { name: '公布结果' }).click()
    await expectToast(organizer, '结果已公布')
  })

  await test.step('the award is in the student’s My credentials, issued by the organizer, and named in the match reasons', async () => {
    await expectCredential(student, new RegExp(`${title} · 一等奖`))
    await expect(student.getByRole('listitem').filter({ has: student.getByRole('heading', { name: new RegExp(`${title} · 一等奖`) }) })).toContainText(
      '链桥活动主办方',
    )
    await student.goto('/')
    await expect(student.getByRole('region', { name: '为你推荐' })).toContainText(`Solidity：证书：链桥活动主办方颁发的“${title} · 一等奖”`)
  })

  for (const page of [organizer, student]) await page.context().close()
})
