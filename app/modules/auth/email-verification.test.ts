import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { companyMayViewStudent } from '#app/modules/applications/profile-views.server.ts'
import { importDocument } from '#app/modules/import/import.server.ts'
import { drainMail } from '#tests/drain-mail.ts'
import { signUpCompany, signUpStudent } from './accounts.server.ts'
import { describeVerificationLink, requestEmailChange, resendVerificationLink, verifyEmail } from './email-verification.server.ts'
import { isEmailVerified } from './permissions.server.ts'

const password = 'correct horse battery'
let counter = 0

async function expectUserError(promise: Promise<unknown>, status: number, key?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UserFacingError)
  expect((error as UserFacingError).status).toBe(status)
  if (key) expect((error as UserFacingError).key).toBe(key)
}

const linkIn = (raw: string) => /\/verify-email\/([a-z0-9]+)/.exec(raw)?.[1] ?? ''

async function newStudent() {
  const n = ++counter
  const email = `v${n}@example.cn`
  const user = await signUpStudent({ name: `V${n}`, email, password, consent: 'on' }, 'zh-CN')
  const [mail] = await drainMail()
  return { id: user.id, email, token: linkIn(mail!.text) }
}

describe('verifying an address', () => {
  test('the link is single-use, verifies the address, and is stored only as a hash', async () => {
    const { id, email, token } = await newStudent()
    expect(token).not.toBe('')
    expect(await prisma.oneTimeToken.count({ where: { tokenHash: token } })).toBe(0)
    expect(await isEmailVerified(id)).toBe(false)
    expect(await describeVerificationLink(token)).toEqual({ email, userId: id })
    await expect(verifyEmail(token)).resolves.toEqual({ userId: id, changed: false })
    expect(await isEmailVerified(id)).toBe(true)
    await expectUserError(verifyEmail(token), 404)
    expect(await describeVerificationLink(token)).toBeNull()
  })

  test('the link expires after 24 hours', async () => {
    const { id, token } = await newStudent()
    const later = new Date(Date.now() + 24 * 3600_000 + 1000)
    await expectUserError(verifyEmail(token, later), 404)
    expect(await isEmailVerified(id)).toBe(false)
  })

  test('a resent link replaces the old one, and resending is limited', async () => {
    const { id, token } = await newStudent()
    await resendVerificationLink(id)
    const [mail] = await drainMail()
    const fresh = linkIn(mail!.text)
    expect(fresh).not.toBe(token)
    await expectUserError(verifyEmail(token), 404)
    for (let i = 0; i < 4; i++) await resendVerificationLink(id)
    await expectUserError(resendVerificationLink(id), 429, 'error.rateLimited')
  })

  test('an unverified discoverable student cannot be viewed by a verified company without an application', async () => {
    const { id } = await newStudent()
    const profile = await prisma.studentProfile.update({ where: { userId: id }, data: { visibility: 'discoverable' }, select: { id: true } })
    const company = await prisma.company.create({ data: { nameZh: '链融', city: 'nanning', verifiedAt: new Date() }, select: { id: true } })
    expect(await companyMayViewStudent(prisma, company.id, profile.id)).toBe(false)
    await prisma.user.update({ where: { id }, data: { emailVerifiedAt: new Date() }, select: { id: true } })
    expect(await companyMayViewStudent(prisma, company.id, profile.id)).toBe(true)
  })
})

describe('changing the address', () => {
  test('needs the password; the new address gets a link, the old one is told, and the change waits for the link', async () => {
    const { id, email, token } = await newStudent()
    await verifyEmail(token)
    await expectUserError(requestEmailChange(id, { email: 'new@example.cn', currentPassword: 'wrong' }), 400, 'auth.wrongCurrentPassword')
    await expectUserError(requestEmailChange(id, { email, currentPassword: password }), 400, 'emailChange.same')
    await requestEmailChange(id, { email: 'new@example.cn', currentPassword: password })
    const mail = await drainMail()
    expect(mail.map((m) => m.to).sort()).toEqual([`V${counter} <${email}>`, `V${counter} <new@example.cn>`].sort())
    const toNew = mail.find((m) => m.to.includes('new@example.cn'))!
    const toOld = mail.find((m) => m.to.includes(email))!
    expect(toOld.subject).toBe('你的链桥账户正在更改邮箱 · 链桥')
    expect(toOld.raw).not.toMatch(/verify-email/)
    // Until the link is opened the account keeps its proven address.
    expect((await prisma.user.findUniqueOrThrow({ where: { id }, select: { email: true } })).email).toBe(email)
    await expect(verifyEmail(linkIn(toNew.text))).resolves.toEqual({ userId: id, changed: true })
    const after = await prisma.user.findUniqueOrThrow({ where: { id }, select: { email: true, emailVerifiedAt: true } })
    expect(after.email).toBe('new@example.cn')
    expect(after.emailVerifiedAt).toBeInstanceOf(Date)
  })

  test('an address another account has gets no link, and the answer is the same', async () => {
    const { id, token } = await newStudent()
    await verifyEmail(token)
    await signUpCompany({ name: 'Other', email: 'other@firm.cn', password, companyNameZh: '某公司', city: '南宁', consent: 'on' }, 'en')
    await drainMail()
    await requestEmailChange(id, { email: 'other@firm.cn', currentPassword: password })
    const mail = await drainMail()
    expect(mail.map((m) => m.to)).toEqual([`V${counter} <v${counter}@example.cn>`])
  })
})

describe('an operator’s act proves the address', () => {
  test('students the importer creates are verified', async () => {
    const doc = JSON.parse(readFileSync(path.resolve('tests/fixtures/small.json'), 'utf8')) as unknown
    const result = await importDocument(doc)
    expect(result.ok).toBe(true)
    const students = await prisma.user.findMany({ where: { studentProfile: { key: { not: null } } }, select: { emailVerifiedAt: true } })
    expect(students.length).toBeGreaterThan(0)
    expect(students.every((s) => s.emailVerifiedAt instanceof Date)).toBe(true)
  })
})
