// Verifiable credentials end to end: a roster upload gives the student a course
// credential (issued in the background); the student downloads it and shares a link; a
// fresh browser, with and without JavaScript, opens the link and the verify page says
// valid; university staff revoke it (without JavaScript) and the verify page says revoked.
import { expect, test, type Browser } from '@playwright/test'
import { cli, PASSWORD, uniqueEmail } from './fixtures.ts'

const letters = (n: number) => Array.from({ length: n }, () => 'abcdefghjkmnpqrstuvwxyz'[Math.floor(Math.random() * 23)]).join('')
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') })

async function signUpInvited(browser: Browser, args: string[], name: string, javaScriptEnabled: boolean) {
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

test('a roster result becomes a credential that anyone can verify, until the university revokes it', async ({ browser }) => {
  test.setTimeout(180_000)
  const suffix = letters(6)
  const code = `VC-${suffix.toUpperCase()}`
  const courseTitle = `可验证凭证实训${suffix}`
  const studentEmail = uniqueEmail('vc')
  const staff = await signUpInvited(browser, ['--kind', 'university_staff', '--university', 'gxu'], `教务${suffix}`, false)
  let claimLink = ''

  await test.step('staff upload a catalogue and a roster; the roster page shows the issuing', async () => {
    await staff.goto('/university/upload')
    await staff
      .getByLabel('文件')
      .setInputFiles(
        csv(
          'catalogue.csv',
          `code,title_zh,title_en,description_zh,description_en,semester,skills\n${code},${courseTitle},Credential lab,,,2026秋,solidity:3\n`,
        ),
      )
    await staff.getByRole('button', { name: '预览' }).click()
    await staff.getByRole('button', { name: '确认写入' }).click()
    await staff.goto('/university/roster')
    await staff.getByLabel('文件').setInputFiles(csv('roster.csv', `email,course_code,grade\n${studentEmail},${code},91\n`))
    await staff.getByRole('button', { name: '预览' }).click()
    await staff.getByRole('button', { name: '确认写入' }).click()
    const done = staff.getByRole('status').filter({ hasText: '已写入 1 条认证课程记录' })
    await expect(done).toBeVisible()
    claimLink = (await done.getByRole('listitem').filter({ hasText: studentEmail }).textContent())?.match(/https?:\/\/\S+\/claim\/\S+/)?.[0] ?? ''
    expect(claimLink).not.toBe('')
    await expect(staff.getByRole('region', { name: '证书签发进度' })).toBeVisible()
  })

  const student = await (await browser.newContext()).newPage()
  let shareLink = ''

  await test.step('the student finds the credential in My credentials and downloads it', async () => {
    await student.goto(claimLink)
    await student.getByLabel('姓名').fill(`韦凭证${suffix}`)
    await student.getByLabel('密码').fill(PASSWORD)
    await student.getByLabel(/我同意链桥/).check()
    await student.getByRole('button', { name: '设置密码并登录' }).click()
    await expect(student.getByRole('status').filter({ hasText: '账号已认领' })).toBeVisible()
    await expect(async () => {
      await student.goto('/credentials')
      await expect(student.getByRole('heading', { level: 2, name: new RegExp(courseTitle) })).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 60_000 })
    const card = student.getByRole('listitem').filter({ has: student.getByRole('heading', { name: new RegExp(courseTitle) }) })
    await expect(card).toContainText('广西大学')
    const downloading = student.waitForEvent('download')
    await card.getByRole('link', { name: '下载 JSON' }).click()
    const file = await downloading
    const document = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))) as {
      type: string[]
      proof: { cryptosuite: string }
    }
    expect(document.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(document.proof.cryptosuite).toBe('eddsa-rdfc-2022')

    await card.getByRole('button', { name: '生成分享链接' }).click()
    await expect(student.getByRole('status').filter({ hasText: '已生成分享链接' })).toBeVisible()
    shareLink = (await student.getByRole('region', { name: '分享链接' }).getByRole('link').first().getAttribute('href')) ?? ''
    expect(shareLink).toMatch(/\/verify\?share=[0-9a-f]{40}$/)

    await card.getByRole('link', { name: '可打印证书' }).click()
    await expect(student.getByRole('article', { name: '证书' })).toContainText(courseTitle)
    await expect(student.getByRole('img', { name: '扫码验证' })).toBeVisible()
  })

  await test.step('a fresh browser, with and without JavaScript, opens the share link: valid', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const verifier = await (await browser.newContext({ javaScriptEnabled })).newPage()
      await verifier.goto(shareLink)
      await expect(verifier.getByRole('heading', { level: 2, name: /有效：签名正确/ })).toBeVisible()
      await expect(verifier.getByText('广西大学').first()).toBeVisible()
      // Issuing appended it to the transparency log (the tree head that proves it is signed
      // every five minutes, so the proof itself may still be pending here).
      await expect(verifier.getByRole('heading', { level: 3, name: '透明日志' })).toBeVisible()
      await expect(verifier.getByText(/签发记录：第 \d+ 号叶子/)).toBeVisible()
      await verifier.close()
    }
  })

  await test.step('staff revoke it with a reason; the verify page says revoked', async () => {
    await staff.goto('/credentials/issued')
    const item = staff.getByRole('listitem').filter({ hasText: studentEmail })
    await item.getByLabel('吊销原因').fill('成绩录入错误')
    await item.getByRole('button', { name: '吊销' }).click()
    await expect(staff.getByRole('status').filter({ hasText: '证书已吊销' })).toBeVisible()
    const verifier = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await verifier.goto(shareLink)
    await expect(verifier.getByRole('heading', { level: 2, name: '已吊销' })).toBeVisible()
    await expect(verifier.getByText(/已吊销（\d{4}-\d{2}-\d{2}）/).first()).toBeVisible()
    await expect(verifier.getByText(/吊销记录：第 \d+ 号叶子/)).toBeVisible()
    await expect(async () => {
      await student.goto('/credentials')
      await expect(student.getByText('已吊销：成绩录入错误')).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
  })
})
