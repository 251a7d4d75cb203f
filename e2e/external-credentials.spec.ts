// An external credential end to end: a student uploads one from an issuer outside Lianqiao
// (a test-only did:key) without JavaScript, and My credentials shows it as from an
// unrecognised issuer; an admin puts the issuer on the trusted list (without JavaScript too);
// the student now sees it verified, with the issuer's name.
import { makeExternalIssuer } from '../tests/external-issuer.ts'
import { cli, expect, signIn, signUpStudent, test, uniqueEmail } from './fixtures.ts'

test('an imported credential is unrecognised until an admin trusts its issuer', async ({ browser }) => {
  test.setTimeout(120_000)
  const issuer = await makeExternalIssuer({ zh: '广西测试证照中心', en: 'Guangxi test certificate centre' })
  const suffix = Date.now().toString(36)
  const title = `桂链区块链开发证书${suffix}`
  const credential = await issuer.issue({ name: { zh: title, en: `Guilian developer ${suffix}` }, skills: ['solidity'] })

  const signUp = await (await browser.newContext()).newPage()
  await signUpStudent(signUp, { name: '韦导入' })
  const student = await (await browser.newContext({ javaScriptEnabled: false, storageState: await signUp.context().storageState() })).newPage()

  await test.step('the student uploads the file without JavaScript and sees "unrecognised issuer"', async () => {
    await student.goto('/credentials')
    await student
      .getByLabel(/或上传 JSON 文件/)
      .setInputFiles({ name: 'certificate.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(credential), 'utf8') })
    await student.getByRole('button', { name: '导入证书' }).click()
    await expect(student.getByRole('status').filter({ hasText: '证书已导入' })).toBeVisible()
    const imported = student.getByRole('listitem').filter({ has: student.getByRole('heading', { name: title }) })
    await expect(imported).toContainText('未识别的颁发方')
    await expect(imported).toContainText(issuer.did)
  })

  await test.step('a tampered copy is refused with the failing check named', async () => {
    await student.getByLabel('粘贴证书 JSON').fill(JSON.stringify(credential).replace(title, `${title}（改）`))
    await student.getByRole('button', { name: '导入证书' }).click()
    const refusal = student.getByRole('alert').filter({ hasText: '证书未通过验证，没有导入' })
    await expect(refusal).toContainText('签名')
  })

  await test.step('an admin trusts the issuer', async () => {
    const adminEmail = uniqueEmail('admin')
    const adminSignUp = await (await browser.newContext()).newPage()
    await signUpStudent(adminSignUp, { name: '管理员', email: adminEmail })
    await cli('user', 'promote', '--email', adminEmail, '--role', 'admin')
    const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await signIn(admin, adminEmail)
    await admin.goto('/admin')
    await admin.getByRole('link', { name: '受信任的外部签发方' }).click()
    await admin.getByLabel('DID').fill(issuer.did)
    await admin.getByLabel('中文名称').fill('广西测试证照中心')
    await admin.getByLabel('英文名称').fill('Guangxi test certificate centre')
    await admin.getByLabel('类别').selectOption({ label: '政府 / 证照平台' })
    await admin.getByRole('button', { name: '加入名单' }).click()
    await expect(admin.getByRole('status').filter({ hasText: '已加入受信任的签发方' })).toBeVisible()
    await expect(admin.getByRole('row').filter({ hasText: issuer.did })).toContainText('广西测试证照中心')
  })

  await test.step('the student now sees it verified, with the issuer named', async () => {
    const page = await (await browser.newContext({ storageState: await signUp.context().storageState() })).newPage()
    await page.goto('/credentials')
    const imported = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) })
    await expect(imported).toContainText('已验证')
    await expect(imported).toContainText('签发方：广西测试证照中心')
    await expect(imported).not.toContainText('未识别的颁发方')
  })
})
