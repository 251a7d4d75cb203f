// Résumé → skills: a student uploads a PDF résumé, watches it being read, sees the skills it
// names with the sentence each came from ("Go" is not found in "Google"), accepts one at a
// level and dismisses another; the accepted skill shows in the recommendations' reasons.
// With JavaScript the page refreshes itself; without, the student follows a reload link.
import { textPdf, scannedPdf } from '../tests/pdf.ts'
import { expect, signUpStudent, test, type Page } from './fixtures.ts'

const resumeLines = [
  '覃小链 · 广西大学 区块链工程 2027 届',
  'Software engineering intern at Google, summer 2025.',
  'Audited Solidity contracts for a DeFi team.',
  '项目经历：基于 FISCO BCOS 的供应链金融存证平台，负责智能合约开发。',
]

const pdf = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) })

async function uploadResume(page: Page, file: ReturnType<typeof pdf>) {
  await page.goto('/profile')
  const label = '简历（PDF，不超过 5 MB）'
  await page.getByRole('region', { name: label }).getByLabel(label).setInputFiles(file)
  await page.getByRole('button', { name: '上传简历' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('简历中的技能')
}

const reasonsNamingSolidity = (page: Page) => page.getByRole('region', { name: '为你推荐' }).getByText(/Solidity：自评 \d 级/)

async function acceptSolidityAndDismissContracts(page: Page) {
  const suggestions = page.getByRole('region', { name: '待确认的技能' })
  const solidity = suggestions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Solidity/ }) })
  await expect(solidity.getByText('Audited Solidity contracts for a DeFi team.')).toBeVisible()
  const contracts = suggestions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^智能合约/ }) })
  await expect(contracts.getByText('项目经历：基于 FISCO BCOS 的供应链金融存证平台，负责智能合约开发。')).toBeVisible()
  // "Google" names no skill.
  await expect(suggestions.getByRole('heading', { name: /^Go\b/ })).toHaveCount(0)

  // Accepting without a level is refused, beside the field.
  await solidity.getByRole('button', { name: '添加 Solidity' }).click()
  await expect(page.getByRole('region', { name: '待确认的技能' }).getByRole('alert')).toContainText('必填')
  await page.getByLabel('Solidity 的水平').selectOption({ label: '4 熟练' })
  await page.getByRole('button', { name: '添加 Solidity' }).click()
  await expect(page.getByRole('status')).toContainText('技能已添加到你的资料')
  await expect(page.getByRole('heading', { name: /^Solidity/ })).toHaveCount(0)

  await page.getByRole('button', { name: '忽略 智能合约' }).click()
  await expect(page.getByRole('status')).toContainText('已忽略这项技能')
  await expect(page.getByRole('heading', { name: /^智能合约/ })).toHaveCount(0)
}

test('a résumé upload suggests skills with their sentences, and accepting one changes the matches', async ({ page }) => {
  test.setTimeout(120_000)
  await signUpStudent(page, { name: '简历同学' })
  await page.goto('/')
  await expect(reasonsNamingSolidity(page)).toHaveCount(0)

  await uploadResume(page, pdf('覃小链-简历.pdf', textPdf(resumeLines)))
  await expect(page.getByRole('status')).toContainText('简历已上传，正在排队读取')
  // The page asks again by itself until the background job has read the file.
  await expect(page.getByText(/已读完：找到 \d+ 项技能建议/)).toBeVisible({ timeout: 30_000 })
  await acceptSolidityAndDismissContracts(page)

  await page.goto('/')
  await expect(reasonsNamingSolidity(page).first()).toHaveText(/Solidity：自评 4 级/)
  // The profile lists the accepted skill among the self-declared ones.
  await page.goto('/profile')
  await expect(page.getByRole('list', { name: '已选技能' }).getByText('Solidity', { exact: true }).first()).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the reload link shows the progress; suggestions are accepted and dismissed with plain forms; a scan says it has no text', async ({ page }) => {
    test.setTimeout(120_000)
    await signUpStudent(page, { name: '无脚本简历同学' })
    await uploadResume(page, pdf('cv.pdf', textPdf(resumeLines)))
    const files = page.getByRole('region', { name: '你的简历' })
    await expect
      .poll(
        async () => {
          if (await files.getByText(/已读完/).isVisible()) return 'done'
          // Without JavaScript the page only changes when the link is followed.
          await files.getByRole('link', { name: '刷新进度' }).click()
          return 'reading'
        },
        { timeout: 30_000 },
      )
      .toBe('done')
    await acceptSolidityAndDismissContracts(page)
    await page.goto('/')
    await expect(reasonsNamingSolidity(page).first()).toHaveText(/Solidity：自评 4 级/)

    await uploadResume(page, pdf('scan.pdf', scannedPdf()))
    await expect
      .poll(
        async () => {
          if (await files.getByText('没有找到文字，可能是扫描件', { exact: false }).isVisible()) return 'said so'
          await page.goto('/profile/resume-skills')
          return 'reading'
        },
        { timeout: 30_000 },
      )
      .toBe('said so')
  })
})
