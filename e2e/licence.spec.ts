// Licence verification end to end, forms without JavaScript: a company signs up, applies
// with a business licence, an admin rejects with a reason, the company sees it, fixes the
// application and applies again, an admin approves; the company publishes a role, and a
// student finds it in search with the "licence verified" badge.
import { deflateSync } from 'node:zlib'
import { creditCodeCheckCharacter } from '../app/modules/verification/credit-code.ts'
import { waitForMail } from './mail.ts'
import { cli, expect, PASSWORD, signIn, signUpStudent, test, uniqueEmail, verifyByMail, type Browser, type Page } from './fixtures.ts'

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** A fresh unified social credit code with a valid GB 32100-2015 check character (an enterprise in Nanning). */
function creditCode() {
  const body = `91450100${Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[Math.floor(Math.random() * 31)]).join('')}`
  return `${body}${creditCodeCheckCharacter(body)}`
}

/** The same code with its check character moved one place along the alphabet: off by one. */
function offByOne(code: string) {
  const check = CREDIT_CODE_ALPHABET.indexOf(code.slice(-1))
  return `${code.slice(0, 17)}${CREDIT_CODE_ALPHABET[(check + 1) % 31]}`
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real 32×20 greyscale PNG (a scanned licence stand-in): signature, IHDR, IDAT, IEND. */
function licencePng() {
  const width = 32
  const height = 20
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, no interlace
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => ((x + y) % 4 === 0 ? 40 : 230))])),
  )
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

/** A real one-page PDF with a correct cross-reference table. */
function licencePdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 297] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 52 >>\nstream\nBT /F1 18 Tf 40 240 Td (Business licence) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((object, index) => {
    const offset = pdf.length
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`
    return offset
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

/** A page without JavaScript that shares `page`'s session. */
async function withoutScript(browser: Browser, page: Page) {
  return (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage()
}

async function expectToast(page: Page, text: string | RegExp) {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible()
}

test('a company applies with its licence, is rejected, fixes it, is approved and publishes a role students see as licence verified', async ({ browser }) => {
  // Three people sign up through the pages and the admin decides twice: slow on a loaded machine.
  test.setTimeout(480_000)
  const suffix = Date.now().toString(36)
  const companyName = `邕州链测科技 ${suffix}`
  const legalName = `南宁邕州链测科技有限公司${suffix}`
  const code = creditCode()
  const word = `licencia${suffix.replace(/\d/g, '')}`
  const roleTitle = `认证企业合约开发实习生 ${word}`

  // The company signs up and verifies its e-mail address by the mailed link.
  const company = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  const companyEmail = uniqueEmail('company')
  await company.goto('/signup?as=company')
  await company.getByLabel('姓名').fill('韦经理')
  await company.getByLabel('电子邮箱').fill(companyEmail)
  await company.getByLabel('密码').fill(PASSWORD)
  await company.getByLabel('企业中文名称').fill(companyName)
  await company.getByLabel('所在城市').fill('南宁')
  await company.getByLabel(/我同意链桥/).check()
  await company.getByRole('button', { name: '注册' }).click()
  await expect(company.getByRole('heading', { level: 1, name: '请查收邮件' })).toBeVisible()
  await verifyByMail(company, companyEmail)

  // A check character off by one is a field error; nothing is sent.
  await company.goto('/company/verification')
  await company.getByLabel('营业执照上的企业名称').fill('南宁邕州链测科技公司')
  await company.getByLabel('统一社会信用代码').fill(offByOne(code))
  await company.getByLabel(/^营业执照（/).setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: licencePng() })
  await company.getByLabel('联系人').fill('韦经理')
  await company.getByLabel('联系电话').fill('0771-5551234')
  await company.getByRole('button', { name: '提交认证申请' }).click()
  await expect(company.getByText(/统一社会信用代码的校验位（最后一位）不符/)).toBeVisible()

  // The first application: the legal name does not match the licence.
  await company.getByLabel('统一社会信用代码').fill(code)
  await company.getByLabel(/^营业执照（/).setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: licencePng() })
  await company.getByRole('button', { name: '提交认证申请' }).click()
  await expectToast(company, '认证申请已提交，管理员审核后会通知你')
  await expect(company.getByText(/认证申请审核中/)).toBeVisible()

  // An admin (no JavaScript either) opens the licence and rejects with a reason.
  const adminEmail = uniqueEmail('admin')
  const adminSignUp = await (await browser.newContext()).newPage()
  await signUpStudent(adminSignUp, { name: '认证管理员', email: adminEmail })
  await adminSignUp.context().close()
  await cli('user', 'promote', '--email', adminEmail, '--role', 'admin')
  const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
  await signIn(admin, adminEmail)
  await admin.goto('/admin/verifications')
  const application = admin.getByRole('article', { name: companyName })
  await expect(application).toContainText('南宁邕州链测科技公司')
  await expect(application).toContainText(code)
  const licenceHref = await application.getByRole('link', { name: '查看营业执照' }).getAttribute('href')
  const licence = await admin.request.get(licenceHref ?? '')
  expect(licence.status()).toBe(200)
  expect(licence.headers()['content-type']).toBe('image/png')
  expect(Buffer.compare(await licence.body(), licencePng())).toBe(0)
  const reason = `营业执照上的名称是“${legalName}”，与填写的不一致`
  await application.getByLabel('原因（企业可见）').fill(reason)
  await application.getByRole('button', { name: /^驳回/ }).click()
  await expectToast(admin, '已驳回，企业会看到原因')
  await expect(admin.getByRole('article', { name: companyName })).toHaveCount(0)

  // The company is told by e-mail and on the page, fixes the name, sends a PDF this time.
  await waitForMail(companyEmail, `企业认证未通过：${reason} · 链桥`)
  await company.goto('/company/verification')
  await expect(company.getByRole('alert')).toContainText(`认证申请未通过：${reason}。请修改后重新提交。`)
  await expect(company.getByLabel('统一社会信用代码')).toHaveValue(code)
  await company.getByLabel('营业执照上的企业名称').fill(legalName)
  await company.getByLabel(/^营业执照（/).setInputFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: licencePdf() })
  await company.getByRole('button', { name: '提交认证申请' }).click()
  await expectToast(company, '认证申请已提交，管理员审核后会通知你')

  // The admin approves.
  await admin.goto('/admin/verifications')
  const again = admin.getByRole('article', { name: companyName })
  await expect(again).toContainText(legalName)
  await expect(again).toContainText('(pdf)')
  await again.getByRole('button', { name: /^通过认证/ }).click()
  await expectToast(admin, '企业已认证')

  await company.goto('/company/verification')
  await expect(company.getByText(/^执照已认证（\d{4}-\d{2}-\d{2}）$/)).toBeVisible()
  await company.goto('/notifications')
  await expect(company.getByText(`企业认证已通过（${legalName}）。`)).toBeVisible()

  // The company publishes a role: the skill is looked up first (a GET form without JavaScript).
  await company.goto('/company/roles/new')
  await company.getByRole('searchbox', { name: '搜索技能' }).fill('合约')
  await company.getByRole('button', { name: '搜索', exact: true }).click()
  await company.getByLabel('智能合约 · Smart contracts', { exact: true }).selectOption({ label: '3 用过' })
  await company.getByLabel('岗位名称（中文）').fill(roleTitle)
  await company.getByLabel('岗位描述（中文，Markdown）').fill('参与供应链金融智能合约的开发与测试，导师一对一指导。')
  await company.getByLabel('岗位类型').selectOption({ label: '智能合约开发' })
  await company.getByLabel('工作方式').selectOption({ label: '到岗' })
  await company.getByLabel('城市', { exact: true }).fill('南宁')
  await company.getByLabel('月补贴下限（元）').fill('2500')
  await company.getByLabel('月补贴上限（元）').fill('3500')
  await company.getByLabel('招聘人数').fill('1')
  await company.getByLabel('每周天数').fill('4')
  await company.getByLabel('实习时长（月）').fill('3')
  await company.getByLabel('申请截止日期').fill('2030-06-30')
  await company.getByRole('button', { name: '发布' }).click()
  await expectToast(company, '岗位已发布')
  await expect(company.getByRole('heading', { level: 1 })).toHaveText(roleTitle)

  // A student finds it, with the badge, also when filtering on licence-verified companies.
  const studentSignUp = await (await browser.newContext()).newPage()
  await signUpStudent(studentSignUp, { name: '找实习的同学' })
  const student = await withoutScript(browser, studentSignUp)
  const hit = student
    .getByRole('list', { name: '搜索结果' })
    .getByRole('listitem')
    .filter({ has: student.getByRole('link', { name: roleTitle }) })
  await expect(async () => {
    await student.goto(`/roles?q=${word}&licenceVerified=true`)
    await expect(hit).toHaveCount(1, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(hit).toContainText(/执照已认证 · \d{4}-\d{2}-\d{2}/)
  await hit.getByRole('link', { name: roleTitle }).click()
  await expect(student.getByRole('heading', { level: 1 })).toHaveText(roleTitle)
  await expect(student.getByText(/执照已认证 · \d{4}-\d{2}-\d{2}/).first()).toBeVisible()

  for (const page of [company, admin, studentSignUp, student]) await page.context().close()
})
