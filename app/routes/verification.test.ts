// Licence verification: the GB 32100-2015 check digit, the application and the admin's
// decision (audited, told to the company), duplicates, clearing on change, the badge in
// search and its filter, and the import format's creditCode.
import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { importDocument, validateImport } from '#app/modules/import/import.server.ts'
import { createRole } from '#app/modules/roles/roles.server.ts'
import { makeCompanyMember, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { drainOutbox } from '#app/modules/search/outbox.server.ts'
import { ensureRoleIndex } from '#app/modules/search/role-index.server.ts'
import { roleSearchSchema } from '#app/modules/search/schemas.ts'
import { searchRoles } from '#app/modules/search/search.server.ts'
import { storage } from '#app/modules/storage/storage.server.ts'
import { action as applyAction } from '#app/routes/company.verification.tsx'
import { action as decideAction, loader as queueLoader } from '#app/routes/admin.verifications.tsx'
import { drainMail } from '#tests/drain-mail.ts'
import { routeArgs } from '#tests/api-request.ts'
import { creditCodeCheckCharacter, creditCodeProblem, normaliseCreditCode } from '#app/modules/verification/credit-code.ts'
import { decideVerification, verificationQueue } from '#app/modules/verification/verification.server.ts'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** A valid code from 17 characters: they followed by their check character. */
const valid = (first17: string) => `${first17}${creditCodeCheckCharacter(first17)}`
/** The same code with one character moved one step along the alphabet. */
const offByOne = (code: string, index: number) => {
  const next = ALPHABET[(ALPHABET.indexOf(code[index] ?? '0') + 1) % ALPHABET.length]
  return `${code.slice(0, index)}${next}${code.slice(index + 1)}`
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const PDF = new TextEncoder().encode('%PDF-1.7\n%licence\n')

describe('unified social credit code (GB 32100-2015)', () => {
  test('published codes pass; one character off fails, wherever it is', () => {
    for (const code of ['91110000802100433B', '91350100M000100Y43', valid('91450100MA5KA1B23'), valid('12450000498510290')]) {
      expect(creditCodeProblem(code)).toBeNull()
      for (const index of [0, 5, 9, 16, 17]) expect(creditCodeProblem(offByOne(code, index))).toBe('checkDigit')
    }
  })

  test('length and alphabet are checked first; spaces and lower case are forgiven', () => {
    expect(creditCodeProblem('91110000802100433')).toBe('length')
    expect(creditCodeProblem('9111000080210043IB')).toBe('characters')
    expect(creditCodeProblem('9111000080210043OB')).toBe('characters')
    expect(creditCodeProblem(normaliseCreditCode(' 9111 0000 8021 0043 3b '))).toBeNull()
  })
})

let firm: Awaited<ReturnType<typeof makeCompanyMember>>
let cookie: string
let adminCookie: string
const code = valid('91450100MA5KA1B23')

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  firm = await makeCompanyMember({ key: 'licensed-firm', nameZh: '南宁链证科技' })
  cookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(firm.user.id)).token}; lq_lang=en`
  const admin = await makeUser(['admin'])
  adminCookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(admin.id)).token}; lq_lang=en`
})

function application(fields: Record<string, string>, licence: Uint8Array<ArrayBuffer> | null, as = cookie) {
  const body = new FormData()
  for (const [name, value] of Object.entries({
    legalName: '南宁链证科技有限公司',
    creditCode: code,
    contactName: '王经理',
    contactPhone: '0771-5550123',
    ...fields,
  }))
    body.set(name, value)
  if (licence) body.set('licence', new Blob([licence]), 'licence.bin')
  return new Request('http://localhost/company/verification', { method: 'POST', headers: { Cookie: as }, body })
}

const decide = (fields: Record<string, string>) =>
  decideAction(
    routeArgs(
      new Request('http://localhost/admin/verifications', {
        method: 'POST',
        headers: { Cookie: adminCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    ),
  )

type FormReply = { data: { result: { error: Record<string, string[]> } }; init: { status: number } }

describe('applying, rejecting, fixing, approving', () => {
  test('a wrong code, a missing or wrong licence are field errors; nothing is stored', async () => {
    const wrongCode = (await applyAction(routeArgs(application({ creditCode: offByOne(code, 17) }, PNG)))) as unknown as FormReply
    expect(wrongCode.init.status).toBe(400)
    expect(wrongCode.data.result.error.creditCode?.[0]).toMatch(/check character/)
    const noLicence = (await applyAction(routeArgs(application({}, null)))) as unknown as FormReply
    expect(noLicence.data.result.error.licence?.[0]).toMatch(/Upload the business licence/)
    const text = (await applyAction(routeArgs(application({}, new TextEncoder().encode('not a licence'))))) as unknown as FormReply
    expect(text.init.status).toBe(422)
    expect(text.data.result.error.licence?.[0]).toMatch(/PNG, JPEG or WebP image or a PDF/)
    const big = new Uint8Array(5 * 1024 * 1024 + 10)
    big.set(PDF)
    const tooBig = (await applyAction(routeArgs(application({}, big)))) as unknown as FormReply
    expect(tooBig.init.status).toBe(422)
    expect(tooBig.data.result.error.licence?.[0]).toMatch(/at most 5 MB/)
    expect(await prisma.companyVerification.count()).toBe(0)
  })

  test('rejected with a reason the company sees, fixed, approved: audited, notified, badge in search', async () => {
    const { id: roleId } = await createRole(firm.user, firm.companyId, roleFields(), 'published')
    const sent = (await applyAction(routeArgs(application({ legalName: '南宁链证科技' }, PNG)))) as Response
    expect(sent.status).toBe(302)
    const admin = await makeUser(['admin'])
    const [first] = await verificationQueue(admin)
    expect(first).toMatchObject({ legalName: '南宁链证科技', creditCode: code, duplicateOf: null, licenceType: 'png' })
    const stored = await prisma.companyVerification.findUniqueOrThrow({ where: { id: first!.id }, select: { licenceKey: true } })
    expect(await storage.get(stored.licenceKey)).toEqual(PNG)

    expect((await decide({ intent: 'reject', applicationId: first!.id, note: '' })) as unknown as { init: { status: number } }).toMatchObject({
      init: { status: 400 },
    })
    expect(((await decide({ intent: 'reject', applicationId: first!.id, note: 'The legal name lacks 有限公司' })) as Response).status).toBe(302)

    const fixed = (await applyAction(routeArgs(application({}, PDF)))) as Response
    expect(fixed.status).toBe(302)
    const queue = await queueLoader(routeArgs(new Request('http://localhost/admin/verifications', { headers: { Cookie: adminCookie } })))
    expect(queue.applications).toHaveLength(1)
    expect(((await decide({ intent: 'approve', applicationId: queue.applications[0]!.id })) as Response).status).toBe(302)

    const company = await prisma.company.findUniqueOrThrow({ where: { id: firm.companyId }, select: { legalName: true, creditCode: true, verifiedAt: true } })
    expect(company).toMatchObject({ legalName: '南宁链证科技有限公司', creditCode: code, verifiedAt: expect.any(Date) })
    const audit = await prisma.auditLog.findMany({
      where: { entityId: firm.companyId, action: { startsWith: 'company.verification-' } },
      select: { action: true, actorId: true, data: true },
      orderBy: { createdAt: 'asc' },
    })
    expect(audit.map((a) => a.action)).toEqual([
      'company.verification-apply',
      'company.verification-reject',
      'company.verification-apply',
      'company.verification-approve',
    ])
    expect(audit[1]?.data).toMatchObject({ note: 'The legal name lacks 有限公司' })
    const notes = await prisma.notification.findMany({ where: { userId: firm.user.id }, select: { type: true, data: true }, orderBy: { createdAt: 'asc' } })
    expect(notes.map((n) => n.type)).toEqual(['company.verificationRejected', 'company.verificationApproved'])
    const mail = await drainMail()
    expect(mail).toHaveLength(2)
    expect(mail.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('The legal name lacks 有限公司'), expect.stringContaining('企业认证已通过')]),
    )

    await drainOutbox()
    const all = await searchRoles(roleSearchSchema.parse({}))
    expect(all.hits[0]?.company.licenceVerifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(all.facets.licenceVerified).toEqual({ true: 1 })
    const other = await makeCompanyMember({ nameZh: '未认证公司' })
    await createRole(other.user, other.companyId, roleFields({ title: { zh: '未认证岗位' } }), 'published')
    await drainOutbox()
    const filtered = await searchRoles(roleSearchSchema.parse({ licenceVerified: 'true' }))
    expect(filtered.hits.map((h) => h.id)).toEqual([roleId])
    expect((await searchRoles(roleSearchSchema.parse({}))).total).toBe(2)
  })

  test('a second company with the same code reaches the admin marked duplicate and cannot take the code', async () => {
    const copycat = await makeCompanyMember({ nameZh: '山寨链证' })
    const copycatCookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(copycat.user.id)).token}; lq_lang=en`
    expect(((await applyAction(routeArgs(application({}, PNG, copycatCookie)))) as Response).status).toBe(302)
    const admin = await makeUser(['admin'])
    const [duplicate] = await verificationQueue(admin)
    expect(duplicate?.duplicateOf).toMatchObject({ id: firm.companyId, name: { zh: '南宁链证科技' } })
    await expect(decideVerification(admin, duplicate!.id, { approve: true })).rejects.toMatchObject({ status: 409 })
  })

  test('a new legal name or code clears the verification until an admin approves again', async () => {
    expect((await prisma.company.findUniqueOrThrow({ where: { id: firm.companyId }, select: { verifiedAt: true } })).verifiedAt).not.toBeNull()
    expect(((await applyAction(routeArgs(application({ legalName: '南宁链证数字科技有限公司' }, PNG)))) as Response).status).toBe(302)
    expect((await prisma.company.findUniqueOrThrow({ where: { id: firm.companyId }, select: { verifiedAt: true } })).verifiedAt).toBeNull()
  })
})

describe('import format: Company creditCode', () => {
  const company = (key: string, creditCode?: string) => ({
    key,
    name: { zh: '导入企业' },
    city: '南宁',
    parkIncubated: false,
    ...(creditCode ? { creditCode } : {}),
  })

  test('validated by check digit and held by one company only', async () => {
    const other = valid('91450300MA5KB2C34')
    expect(await validateImport({ version: 1, companies: [company('a', offByOne(other, 17))] }, 'en')).toEqual([
      { path: 'companies[0].creditCode', message: expect.stringMatching(/check character/) },
    ])
    expect(await validateImport({ version: 1, companies: [company('a', other), company('b', other)] }, 'en')).toEqual([
      { path: 'companies[1].creditCode', message: `credit code ${other} is listed twice (first at companies[0])` },
    ])
    expect(await validateImport({ version: 1, companies: [company('c', code)] }, 'en')).toEqual([
      { path: 'companies[0].creditCode', message: `credit code ${code} belongs to another company` },
    ])
    expect(await importDocument({ version: 1, companies: [company('imported', other.toLowerCase())] }, 'en')).toMatchObject({ ok: true })
    expect(await prisma.company.findUniqueOrThrow({ where: { key: 'imported' }, select: { creditCode: true } })).toEqual({ creditCode: other })
  })
})
