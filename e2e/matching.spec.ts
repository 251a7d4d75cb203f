// Courses, profiles and matching end to end: university staff (without JavaScript) upload
// a catalogue (a bad file first: every row problem, nothing written) and a roster for a
// new student, who is e-mailed the claim link; the student claims the account, sees the
// verified course, gets recommendations with reasons (also as the /roles sort) and becomes
// discoverable; a company member of a verified
// company sees the student as a suggested candidate only from then on.
import { cli, expect, PASSWORD, test, uniqueEmail, type Browser, type Page } from './fixtures.ts'
import { waitForMail } from './mail.ts'

const letters = (n: number, alphabet: string) => Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('')

/** Someone who signed up through an invitation link, in a browser of their own. */
async function signUpInvited(browser: Browser, args: string[], name: string, javaScriptEnabled = true) {
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage()
  await page.goto(await cli('invite', 'create', ...args))
  await page.getByLabel('姓名').fill(name)
  await page.getByLabel('电子邮箱').fill(uniqueEmail('invited'))
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByLabel(/我同意链桥/).check()
  await page.getByRole('button', { name: '注册' }).click()
  await expect(page.getByRole('status').filter({ hasText: '欢迎加入链桥' })).toBeVisible()
  return page
}

const csv = (name: string, text: string, bom = false) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]),
})

const nav = (page: Page) => page.getByRole('navigation', { name: '主导航' })

test('a roster student claims the account, gets reasoned matches and becomes a candidate once discoverable', async ({ browser }) => {
  test.setTimeout(180_000)
  const suffix = letters(6, 'abcdefghjkmnpqrstuvwxyz')
  const code = `E2E-${suffix.toUpperCase()}`
  const courseTitle = `链上合约工程实训${suffix}`
  // A reason names the verified course with its grade, or, once the roster's course credential
  // has been issued (a background job), that credential: the stronger evidence.
  const fromCourse = (skill: string) => new RegExp(`${skill}：(${courseTitle}，4 级，成绩 92|证书：广西大学颁发的“${courseTitle}”)`)
  const studentEmail = uniqueEmail('roster')
  const studentName = `覃链桥${suffix}`
  // The course teaches every skill the demo role 智能合约开发实习生 (lianrong) asks for.
  const skills = 'solidity:4;fisco-bcos:4;smart-contract-testing:3;hardhat:3;supply-chain-finance:3'
  const header = 'code,title_zh,title_en,description_zh,description_en,semester,skills'

  // Staff work without JavaScript: uploads, previews and confirmations are plain forms.
  const staff = await signUpInvited(browser, ['--kind', 'university_staff', '--university', 'gxu'], `教务${suffix}`, false)
  let claimLink = ''

  await test.step('staff see a bad catalogue row reported in the preview, and nothing written', async () => {
    await nav(staff).getByRole('link', { name: '课程目录' }).click()
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('广西大学 · 课程目录')
    await staff.getByRole('link', { name: '上传课程目录' }).click()
    await staff
      .getByLabel('文件')
      .setInputFiles(
        csv('bad.csv', `${header}\n${code},${courseTitle},Contract Lab,,,2026秋,${skills}\nE2E-BAD-${suffix},坏行课程,,,,,no-such-skill:3;solidity:9\n`),
      )
    await staff.getByRole('button', { name: '预览' }).click()
    const problems = staff.getByRole('alert')
    await expect(problems).toContainText('发现 2 个问题')
    await expect(problems.getByRole('row').filter({ hasText: '未知技能：no-such-skill' })).toContainText('3')
    await expect(problems.getByRole('row').filter({ hasText: '“solidity:9”：等级须为 1–5 的整数' })).toContainText('3')
    const preview = staff.getByRole('region', { name: '预览：尚未写入任何数据' })
    await expect(preview.getByRole('row').filter({ hasText: `E2E-BAD-${suffix}` })).toContainText('有问题')
    await expect(preview.getByRole('row').filter({ hasText: code })).toContainText('新建')
    await expect(staff.getByRole('button', { name: '确认写入' })).toHaveCount(0)
    await staff.getByRole('link', { name: '返回' }).click()
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('广西大学 · 课程目录')
    await expect(staff.getByRole('link', { name: code })).toHaveCount(0)
  })

  await test.step('staff upload a good catalogue (UTF-8 with BOM), preview it and confirm', async () => {
    await staff.getByRole('link', { name: '上传课程目录' }).click()
    await staff
      .getByLabel('文件')
      .setInputFiles(csv('catalogue.csv', `${header}\r\n${code},${courseTitle},Contract Lab,"合约开发, 测试与部署",,2026秋,${skills}\r\n`, true))
    await staff.getByRole('button', { name: '预览' }).click()
    const preview = staff.getByRole('region', { name: '预览：尚未写入任何数据' })
    await expect(preview.getByRole('row').filter({ hasText: code })).toContainText('新建')
    await expect(preview.getByRole('row').filter({ hasText: code })).toContainText(courseTitle)
    await staff.getByRole('button', { name: '确认写入' }).click()
    await expect(staff.getByRole('status').filter({ hasText: '已写入' })).toContainText('新建 1，更新 0，不变 0')
    await staff.getByRole('link', { name: '返回' }).click()
    const row = staff.getByRole('row').filter({ has: staff.getByRole('link', { name: code }) })
    await expect(row).toContainText(courseTitle)
    await expect(row).toContainText('Solidity 4')
  })

  await test.step('staff upload a roster for a new student and get a claim link', async () => {
    await staff.getByRole('link', { name: '上传成绩名单' }).click()
    // A row for a course the university does not have stops the whole upload.
    await staff.getByLabel('文件').setInputFiles(csv('roster.csv', `email,course_code,grade\n${studentEmail},${code},92\n${studentEmail},NOPE-${suffix},80\n`))
    await staff.getByRole('button', { name: '预览' }).click()
    await expect(
      staff
        .getByRole('alert')
        .getByRole('row')
        .filter({ hasText: `本校没有课程代码 NOPE-${suffix}` }),
    ).toContainText('3')
    await expect(staff.getByRole('button', { name: '确认写入' })).toHaveCount(0)
    await staff.getByLabel('文件').setInputFiles(csv('roster.csv', `email,course_code,grade\n${studentEmail},${code},92\n`))
    await staff.getByRole('button', { name: '预览' }).click()
    const row = staff.getByRole('region', { name: '预览：尚未写入任何数据' }).getByRole('row').filter({ hasText: studentEmail })
    await expect(row).toContainText('新账号')
    await expect(row).toContainText('新建')
    await staff.getByRole('button', { name: '确认写入' }).click()
    const done = staff.getByRole('status').filter({ hasText: '已写入 1 条认证课程记录，新建 1 个账号。' })
    await expect(done).toBeVisible()
    claimLink = (await done.getByRole('listitem').filter({ hasText: studentEmail }).textContent())?.match(/https?:\/\/\S+\/claim\/\S+/)?.[0] ?? ''
    expect(claimLink).not.toBe('')
    // The student is e-mailed the same link.
    const invitation = await waitForMail(
      studentEmail,
      '广西大学已为你在链桥创建账号并登记了认证课程成绩。打开链接设置密码，认领你的账号（30 天内有效）。 · 链桥',
    )
    expect(invitation.text).toContain(new URL(claimLink).pathname)
    // The course now counts one verified student.
    await staff.getByRole('link', { name: '返回' }).click()
    await expect(
      staff
        .getByRole('row')
        .filter({ has: staff.getByRole('link', { name: code }) })
        .getByRole('cell')
        .last(),
    ).toHaveText('1')
  })

  const student = await (await browser.newContext()).newPage()

  await test.step('the student claims the account and sees the verified course', async () => {
    await student.goto(claimLink)
    await expect(student.getByRole('heading', { name: '认领你的账号' })).toBeVisible()
    await expect(student.getByText(studentEmail)).toBeVisible()
    await student.getByLabel('姓名').fill(studentName)
    await student.getByLabel('密码').fill(PASSWORD)
    await student.getByLabel(/我同意链桥/).check()
    await student.getByRole('button', { name: '设置密码并登录' }).click()
    await expect(student.getByRole('status').filter({ hasText: '账号已认领' })).toBeVisible()
    await expect(student).toHaveURL(/\/profile$/)
    const course = student.getByRole('region', { name: '修读课程' }).getByRole('listitem').filter({ hasText: courseTitle })
    await expect(course).toContainText('学校认证')
    await expect(course).toContainText('成绩 92')
    // Private until the student says otherwise.
    await expect(student.getByRole('radio', { name: '仅自己（默认）' })).toBeChecked()
    // The link is single use.
    const again = await (await browser.newContext()).request.get(claimLink)
    expect(again.status()).toBe(404)
  })

  await test.step('the student gets recommendations with reasons from the verified course', async () => {
    await student.goto('/')
    const recommended = student.getByRole('region', { name: '为你推荐' })
    await expect(recommended.getByRole('listitem').first()).toBeVisible()
    await expect(recommended).toContainText(fromCourse('Solidity'))
    await expect(recommended.getByText(/匹配度 \d+/).first()).toBeVisible()
    // /roles sorted "recommended for you" starts with the same role.
    const best = (await recommended.getByRole('listitem').first().getByRole('heading').getByRole('link').textContent()) ?? ''
    await student.goto('/roles')
    await student.getByLabel('排序').selectOption({ label: '为你推荐（按匹配度）' })
    await student.getByRole('button', { name: '搜索', exact: true }).click()
    await expect(student).toHaveURL(/sort=recommended/)
    await expect(student.getByRole('list', { name: '搜索结果' }).getByRole('listitem').first().getByRole('heading')).toHaveText(best)
  })

  const member = await signUpInvited(browser, ['--kind', 'company_member', '--company', 'lianrong'], `链融HR${suffix}`)
  let candidatesUrl = ''
  let roleUrl = ''

  // The demo firm is verified (an operator's import vouches for it); an unverified firm's
  // refusal is covered by the authorisation matrix.
  await test.step('the company member opens the role’s candidates', async () => {
    await nav(member).getByRole('link', { name: '企业后台' }).click()
    const roleRow = member.getByRole('row').filter({ has: member.getByRole('link', { name: '智能合约开发实习生', exact: true }) })
    roleUrl = new URL((await roleRow.getByRole('link', { name: '智能合约开发实习生', exact: true }).getAttribute('href')) ?? '', member.url()).pathname
    await roleRow.getByRole('link', { name: '推荐候选人' }).click()
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('推荐候选人 · 智能合约开发实习生')
    candidatesUrl = new URL(member.url()).pathname
  })

  await test.step('the role page shows the student a match badge and reasons', async () => {
    await student.goto(roleUrl)
    await expect(student.getByRole('heading', { level: 1 })).toHaveText('智能合约开发实习生')
    await expect(student.getByLabel(/^匹配度 \d+\/100$/)).toBeVisible()
    await expect(student.getByRole('listitem').filter({ hasText: fromCourse('FISCO BCOS') })).toBeVisible()
  })

  await test.step('the verified company sees candidates, but not the private student', async () => {
    await member.goto(candidatesUrl)
    await expect(member.getByText('只显示选择“可被认证企业发现”的学生')).toBeVisible()
    await expect(
      member
        .getByRole('listitem')
        .filter({ hasText: /匹配度 \d+/ })
        .first(),
    ).toBeVisible()
    await expect(member.getByRole('heading', { name: new RegExp(studentName) })).toHaveCount(0)
  })

  await test.step('the student becomes discoverable', async () => {
    await student.goto('/profile')
    await student.getByRole('radio', { name: '经认证的企业可以发现我并邀请我投递' }).check()
    await student.getByRole('button', { name: '更新可见范围' }).click()
    await expect(student.getByRole('status').filter({ hasText: '可见范围已更新' })).toBeVisible()
    await expect(student.getByRole('radio', { name: '经认证的企业可以发现我并邀请我投递' })).toBeChecked()
  })

  await test.step('now the company sees the student as a candidate, with reasons', async () => {
    await member.reload()
    const card = member.getByRole('listitem').filter({ has: member.getByRole('heading', { name: new RegExp(studentName) }) })
    await expect(card).toBeVisible()
    await expect(card).toContainText('广西大学')
    await expect(card).toContainText(fromCourse('Solidity'))
    await card.getByRole('button', { name: '邀请投递' }).click()
    await expect(member.getByRole('status').filter({ hasText: '已发送投递邀请' })).toBeVisible()
    // Once per role and student.
    await card.getByRole('button', { name: '邀请投递' }).click()
    await expect(member.getByRole('alert')).toHaveText('已邀请过该学生投递这个岗位')
  })

  await test.step('the student is told about the invitation', async () => {
    await student.goto('/notifications')
    await expect(student.getByText('南宁链融科技有限公司 邀请你申请岗位“智能合约开发实习生”。')).toBeVisible()
  })

  await test.step('the skill-gap report counts the new course and its student', async () => {
    await staff.goto('/university')
    await staff.getByRole('link', { name: '技能缺口' }).click()
    await expect(staff.getByRole('heading', { level: 1 })).toHaveText('技能缺口 · 广西大学')
    await expect(staff.getByRole('img', { name: '缺口最大的技能：需求与供给' })).toBeVisible()
    const row = staff.getByRole('row').filter({ has: staff.getByRole('rowheader', { name: /smart-contract-testing/ }) })
    await expect(row).toContainText(courseTitle)
    const [supply, gap] = await Promise.all([row.getByRole('cell').nth(1).textContent(), row.getByRole('cell').nth(2).textContent()])
    expect(Number(supply)).toBeGreaterThanOrEqual(1)
    expect(Number(gap)).toBeGreaterThan(0)
    const download = await staff.request.get((await staff.getByRole('link', { name: '导出 CSV' }).getAttribute('href')) ?? '')
    expect(download.status()).toBe(200)
    expect(await download.text()).toContain('smart-contract-testing')
  })
})
