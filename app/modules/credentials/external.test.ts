// Imported external credentials and the trusted issuer list, with a credential signed by a
// test-only issuer outside Lianqiao (its own Ed25519 did:key): untrusted, trusted, tampered,
// duplicates, someone else's, and what happens when the issuer is trusted or removed.
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { exportStudentData } from '#app/modules/students/data-rights.server.ts'
import { makeExternalIssuer } from '#tests/external-issuer.ts'
import { makeUser, seedSkills } from '#tests/fixtures.server.ts'
import {
  distrustExternalIssuer,
  EXTERNAL_CREDENTIAL_LEVEL,
  importExternalCredential,
  myExternalCredentials,
  removeExternalCredential,
  trustedExternalIssuers,
  trustExternalIssuer,
} from './external.server.ts'
import { issueStoredCredential } from './issue.server.ts'
import { platformIssuer } from './issuers.server.ts'
import { openBadgeCredential } from './open-badge.server.ts'

let admin: SessionUser
let issuer: Awaited<ReturnType<typeof makeExternalIssuer>>

const named = { zh: '桂链区块链开发证书', en: 'Guilian blockchain developer certificate' }
const trustInput = (did: string) => ({ did, nameZh: '广西电子证照', nameEn: 'Guangxi e-certificates', kind: 'government' as const, note: undefined })

async function student() {
  return makeUser(['student'], { locale: 'en' })
}

async function rowsOf(user: SessionUser) {
  return prisma.externalCredential.findMany({
    where: { studentId: user.studentProfileId! },
    select: { id: true, trustedIssuerId: true, issuerDid: true, skills: { select: { skill: { select: { key: true } }, level: true } } },
  })
}

beforeAll(async () => {
  await seedSkills()
  admin = await makeUser(['admin'])
  issuer = await makeExternalIssuer()
})

describe('importing', () => {
  test('a credential that verifies from an untrusted issuer is stored as unrecognised, with its aligned skills', async () => {
    const holder = await student()
    const credential = await issuer.issue({ name: named, skills: ['solidity', 'no-such-skill'] })
    const outcome = await importExternalCredential(holder, credential, 'en')
    expect(outcome).toMatchObject({ outcome: 'imported', trusted: false })
    const [row] = await rowsOf(holder)
    expect(row).toMatchObject({ issuerDid: issuer.did, trustedIssuerId: null })
    expect(row?.skills).toEqual([{ skill: { key: 'solidity' }, level: EXTERNAL_CREDENTIAL_LEVEL }])
    const [shown] = await myExternalCredentials(holder.studentProfileId!, 'en')
    expect(shown).toMatchObject({ title: named.en, trusted: false, trustedName: null, claimedName: 'Test external issuer', skills: ['Solidity'] })
  })

  test('the same credential twice is one record, in whatever spacing and key order', async () => {
    const holder = await student()
    const credential = await issuer.issue({ name: named })
    const first = await importExternalCredential(holder, credential, 'en')
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(credential).reverse()), null, 4)) as unknown
    const second = await importExternalCredential(holder, reordered, 'en')
    expect(second).toMatchObject({ outcome: 'alreadyImported' })
    expect(first.outcome === 'imported' && second.outcome === 'alreadyImported' && first.id === second.id).toBe(true)
    expect(await rowsOf(holder)).toHaveLength(1)
  })

  test('a tampered credential is refused with the failing check named, and nothing is stored', async () => {
    const holder = await student()
    const credential = await issuer.issue({ name: named, skills: ['solidity'] })
    const tampered = JSON.parse(JSON.stringify(credential).replace('Guilian blockchain developer', 'Guilian blockchain expert')) as unknown
    const outcome = await importExternalCredential(holder, tampered, 'en')
    expect(outcome.outcome).toBe('refused')
    if (outcome.outcome !== 'refused') return
    expect(outcome.checks.map((c) => c.label)).toEqual(['Signature'])
    expect(outcome.checks[0]?.reasons[0]).toMatch(/^proof: the proof does not verify/)
    const zh = await importExternalCredential(holder, tampered, 'zh-CN')
    expect(zh.outcome === 'refused' && zh.checks[0]?.label).toBe('签名')
    expect(await rowsOf(holder)).toHaveLength(0)
  })

  test('a malformed credential is refused with its data-model problems', async () => {
    const holder = await student()
    const { type: _type, ...untyped } = await issuer.issue({ name: named })
    const outcome = await importExternalCredential(holder, untyped, 'en')
    expect(outcome.outcome === 'refused' && outcome.checks.map((c) => c.label)).toEqual(['Data model'])
    expect(await rowsOf(holder)).toHaveLength(0)
  })

  test("another account's import, a credential naming another e-mail, a Lianqiao credential and a presentation are refused", async () => {
    const [holder, other] = await Promise.all([student(), student()])
    const credential = await issuer.issue({ name: named })
    await importExternalCredential(holder, credential, 'en')
    await expect(importExternalCredential(other, credential, 'en')).rejects.toMatchObject({ status: 409, key: 'externalCredentials.takenByOther' })

    const addressed = await issuer.issue({ name: named, email: 'someone.else@example.cn' })
    await expect(importExternalCredential(other, addressed, 'en')).rejects.toMatchObject({ status: 422, key: 'externalCredentials.otherHolder' })
    const mine = await issuer.issue({ name: named, email: other.email.toUpperCase() })
    expect(await importExternalCredential(other, mine, 'en')).toMatchObject({ outcome: 'imported' })

    const platform = await platformIssuer()
    const { document } = await issueStoredCredential({
      issuerId: platform.id,
      kind: 'course',
      build: ({ issuerDid, credentialId }) =>
        openBadgeCredential(
          { issuerDid, credentialId, issuerName: { zh: '链桥平台', en: 'Lianqiao platform' } },
          { name: other.name, email: other.email },
          {
            key: 'course:external-test',
            achievementType: 'Course',
            name: named,
            description: named,
            criteria: named,
            skills: [],
            validFrom: new Date(Date.now() - 60_000),
          },
        ),
    })
    await expect(importExternalCredential(other, document, 'en')).rejects.toMatchObject({ status: 422, key: 'externalCredentials.lianqiaoIssuer' })
    const presentation = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [credential] }
    await expect(importExternalCredential(other, presentation, 'en')).rejects.toMatchObject({ status: 422, key: 'externalCredentials.presentation' })
    expect(await rowsOf(other)).toHaveLength(1)
  })

  test('only the holder removes an import; export has it; deleting the account deletes it', async () => {
    const [holder, other] = await Promise.all([student(), student()])
    const outcome = await importExternalCredential(holder, await issuer.issue({ name: named, skills: ['react'] }), 'en')
    if (outcome.outcome !== 'imported') throw new Error('not imported')
    await expect(removeExternalCredential(other, outcome.id)).rejects.toMatchObject({ status: 404 })
    const exported = await exportStudentData(holder.id)
    expect(exported.user.studentProfile?.externalCredentials).toEqual([expect.objectContaining({ issuerDid: issuer.did, trustedIssuer: null })])
    expect(exported.user.studentProfile?.externalCredentials[0]?.document).toMatchObject({ issuer: { id: issuer.did } })
    await removeExternalCredential(holder, outcome.id)
    expect(await rowsOf(holder)).toHaveLength(0)

    await importExternalCredential(holder, await issuer.issue({ name: named, skills: ['react'] }), 'en')
    await prisma.user.delete({ where: { id: holder.id } })
    expect(await prisma.externalCredential.count({ where: { studentId: holder.studentProfileId! } })).toBe(0)
    expect(await prisma.externalCredentialSkill.count({ where: { studentId: holder.studentProfileId! } })).toBe(0)
  })
})

describe('the trusted issuer list', () => {
  test('trusting a DID makes its imports verified (those before and after), removing it makes them unrecognised again; both are audited', async () => {
    const own = await makeExternalIssuer({ zh: '另一个签发方', en: 'Another issuer' })
    const holder = await student()
    await importExternalCredential(holder, await own.issue({ name: named, skills: ['solidity'] }), 'en')
    const trusted = await trustExternalIssuer(admin, trustInput(own.did))
    expect((await rowsOf(holder))[0]?.trustedIssuerId).toBe(trusted.id)
    expect(await importExternalCredential(holder, await own.issue({ name: { zh: '第二份', en: 'Second' } }), 'en')).toMatchObject({ trusted: true })
    const [newest] = await myExternalCredentials(holder.studentProfileId!, 'zh-CN')
    expect(newest).toMatchObject({ trusted: true, trustedName: '广西电子证照' })
    const listed = await trustedExternalIssuers(admin)
    expect(listed.find((i) => i.id === trusted.id)?._count.credentials).toBe(2)

    await distrustExternalIssuer(admin, trusted.id)
    expect((await rowsOf(holder)).map((r) => r.trustedIssuerId)).toEqual([null, null])
    const audit = await prisma.auditLog.findMany({ where: { entityId: trusted.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } })
    expect(audit).toEqual([
      { action: 'external-issuer.trust', actorId: admin.id },
      { action: 'external-issuer.distrust', actorId: admin.id },
    ])
  })

  test('the DID must resolve, be new, and not be a Lianqiao issuer; only admins keep the list', async () => {
    const own = await makeExternalIssuer()
    // The schema's shape, but too long for an Ed25519 public key.
    const unresolvable = `did:key:z6Mk${'x'.repeat(50)}`
    await expect(trustExternalIssuer(admin, trustInput(unresolvable))).rejects.toMatchObject({ status: 422, fields: [{ path: 'did' }] })
    await trustExternalIssuer(admin, trustInput(own.did))
    await expect(trustExternalIssuer(admin, trustInput(own.did))).rejects.toMatchObject({ fields: [{ path: 'did', key: 'trustedIssuers.didTaken' }] })
    const platform = await prisma.credentialIssuerKey.findFirst({ select: { did: true } })
    if (platform) {
      await expect(trustExternalIssuer(admin, trustInput(platform.did))).rejects.toMatchObject({ fields: [{ path: 'did', key: 'trustedIssuers.didLianqiao' }] })
    }
    const notAdmin = await student()
    await expect(trustedExternalIssuers(notAdmin)).rejects.toMatchObject({ status: 404 })
    await expect(trustExternalIssuer(notAdmin, trustInput((await makeExternalIssuer()).did))).rejects.toMatchObject({ status: 404 })
  })
})
