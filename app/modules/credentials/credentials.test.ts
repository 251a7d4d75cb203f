// Issuing, verifying, tampering, revoking, and the named rejections the data model
// requires, against the real database and the real libraries.
import { beforeAll, describe, expect, test } from 'vitest'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { prisma } from '#app/lib/db.server.ts'
import { CREDENTIALS_V2, EXAMPLES_V2 } from './contexts.server.ts'
import { issueStoredCredential } from './issue.server.ts'
import { issuerRegistry, platformIssuer, rotateIssuerKey, issuerSigner } from './issuers.server.ts'
import { openBadgeCredential } from './open-badge.server.ts'
import { signCredential, signPresentation } from './proofs.server.ts'
import { revokeInTx } from './revoke.server.ts'
import { signedStatusList, STATUS_LIST_SIZE } from './status-list.server.ts'
import { verifyCredentialReport, verifyPresentationReport, type CredentialReport } from './verify.server.ts'

let issuerId = ''

async function issueSample(key = 'course:sample') {
  return issueStoredCredential({
    issuerId,
    kind: 'course',
    build: ({ issuerDid, credentialId }) =>
      openBadgeCredential(
        { issuerDid, credentialId, issuerName: { zh: '链桥平台', en: 'Lianqiao platform' } },
        { name: '李华', email: 'lihua@example.cn' },
        {
          key,
          achievementType: 'Course',
          name: { zh: '区块链原理', en: 'Blockchain principles' },
          description: { zh: '课程', en: 'A course' },
          criteria: { zh: '完成课程并通过考核', en: 'Complete the course and pass its assessment' },
          skills: [{ key: 'solidity', name: { zh: 'Solidity', en: 'Solidity' } }],
          result: { kind: 'grade', value: 92 },
          validFrom: new Date(Date.now() - 60_000),
        },
      ),
  })
}

function failed(report: CredentialReport) {
  return report.checks.filter((c) => c.outcome === 'failed').map((c) => c.name)
}

function reasonKeys(report: CredentialReport) {
  return report.checks.flatMap((c) => c.reasons.map((r) => r.key))
}

beforeAll(async () => {
  issuerId = (await platformIssuer()).id
})

describe('issue and verify', () => {
  test('an issued OpenBadgeCredential verifies, with a DataIntegrityProof of eddsa-rdfc-2022 and a status entry', async () => {
    const { document } = await issueSample()
    expect(document['@context']).toEqual([CREDENTIALS_V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'])
    expect(document.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' })
    expect(document.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' })
    const report = await verifyCredentialReport(document)
    expect(failed(report)).toEqual([])
    expect(report.verified).toBe(true)
    expect(report.issuer.registered?.kind).toBe('platform')
    expect(report.status).toMatchObject({ checked: true, revoked: false })
  })

  test('one changed character makes the proof fail', async () => {
    const { document } = await issueSample('course:tamper')
    const text = JSON.stringify(document).replace('"value":"92"', '"value":"93"')
    expect(text).not.toBe(JSON.stringify(document))
    const report = await verifyCredentialReport(JSON.parse(text))
    expect(report.verified).toBe(false)
    expect(failed(report)).toEqual(['proof'])
  })

  test('after revocation the next verify says revoked, and the served list is signed', async () => {
    const { id, document } = await issueSample('course:revoke')
    expect((await verifyCredentialReport(document)).verified).toBe(true)
    await prisma.$transaction((tx) => revokeInTx(tx, id, 'wrong grade', null))
    const report = await verifyCredentialReport(document)
    expect(report.verified).toBe(false)
    expect(failed(report)).toEqual(['status'])
    expect(report.status?.revoked).toBe(true)
    expect(report.status?.revokedAt).toBeInstanceOf(Date)
    const row = await prisma.issuedCredential.findUniqueOrThrow({ where: { id }, select: { statusListId: true } })
    const list = await signedStatusList(row.statusListId)
    expect(list?.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential'])
    expect((await verifyCredentialReport(list)).checks.find((c) => c.name === 'proof')?.outcome).toBe('passed')
    const size = await prisma.credentialStatusList.findUniqueOrThrow({ where: { id: row.statusListId }, select: { size: true } })
    expect(size.size).toBeGreaterThanOrEqual(STATUS_LIST_SIZE)
  })

  test('a rotated key signs nothing new, and what it signed still verifies and is attributed', async () => {
    const { document } = await issueSample('course:rotation')
    const before = await issuerSigner(issuerId)
    await rotateIssuerKey(issuerId)
    const after = await issuerSigner(issuerId)
    expect(after.did).not.toBe(before.did)
    const report = await verifyCredentialReport(document)
    expect(report.verified).toBe(true)
    expect(report.issuer.registered?.id).toBe(issuerId)
    const registry = await issuerRegistry()
    const entry = registry.find((r) => r.issuerId === issuerId)
    expect(entry?.id).toBe(after.did)
    expect(entry?.dids).toEqual(expect.arrayContaining([before.did, after.did]))
  })

  test('a VC 1.1 credential verifies', async () => {
    const signer = await issuerSigner(issuerId)
    const signed = await signCredential(signer, {
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://w3id.org/security/data-integrity/v2',
        'https://www.w3.org/2018/credentials/examples/v1',
      ].slice(0, 2),
      type: ['VerifiableCredential'],
      issuer: signer.did,
      issuanceDate: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:student' },
    })
    const report = await verifyCredentialReport(signed)
    expect(failed(report)).toEqual([])
    expect(report.version).toBe(1)
  })
})

describe('named rejections', () => {
  async function base() {
    const signer = await issuerSigner(issuerId)
    return {
      signer,
      credential: {
        '@context': [CREDENTIALS_V2, EXAMPLES_V2],
        type: ['VerifiableCredential'],
        issuer: signer.did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:s', degree: 'x' },
      },
    }
  }

  test('missing type', async () => {
    const { credential } = await base()
    const { type: _type, ...withoutType } = credential
    const report = await verifyCredentialReport(withoutType)
    expect(report.malformed).toBe(true)
    expect(reasonKeys(report)).toContain('credentials.problem.typeMissing')
  })

  test('wrong context order', async () => {
    const { credential } = await base()
    const report = await verifyCredentialReport({ ...credential, '@context': [EXAMPLES_V2, CREDENTIALS_V2] })
    expect(reasonKeys(report)).toContain('credentials.problem.contextOrder')
  })

  test('bad dates', async () => {
    const { credential } = await base()
    for (const validFrom of ['2026-01-01', '2026-01-01T00:00:00', '2026-13-01T00:00:00Z', 'yesterday']) {
      const report = await verifyCredentialReport({ ...credential, validFrom })
      expect(reasonKeys(report), validFrom).toContain('credentials.problem.dateTime')
    }
    const reversed = await verifyCredentialReport({ ...credential, validUntil: '2025-01-01T00:00:00Z' })
    expect(reasonKeys(reversed)).toContain('credentials.problem.untilBeforeFrom')
  })

  test('unknown context', async () => {
    const { credential } = await base()
    const report = await verifyCredentialReport({ ...credential, '@context': [CREDENTIALS_V2, 'https://example.com/contexts/mine.jsonld'] })
    expect(reasonKeys(report)).toContain('credentials.problem.contextUnknown')
  })

  test('undefined term (safe mode)', async () => {
    const { signer } = await base()
    const signed = await signCredential(signer, {
      '@context': [CREDENTIALS_V2, EXAMPLES_V2],
      type: ['VerifiableCredential'],
      issuer: signer.did,
      credentialSubject: { id: 'did:example:s', degree: 'x' },
    })
    const report = await verifyCredentialReport({ ...signed, '@context': [CREDENTIALS_V2] })
    expect(report.malformed).toBe(true)
    expect(reasonKeys(report)).toContain('credentials.problem.undefinedTerm')
  })

  test('ids, status entries, schemas, refresh services, evidence and related resources are checked', async () => {
    const { credential } = await base()
    const report = await verifyCredentialReport({
      ...credential,
      id: 'not a url',
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: 7, statusListCredential: 'nope' },
      credentialSchema: { type: 'JsonSchema' },
      refreshService: { id: 'https://example.com/refresh' },
      evidence: [{ id: 'https://example.com/e' }],
      relatedResource: [{ id: CREDENTIALS_V2, digestSRI: 'sha384-AAAA' }, { id: 'https://example.com/x' }],
    })
    expect(report.checks[0]?.reasons.map((r) => `${r.path} ${r.key}`)).toEqual(
      expect.arrayContaining([
        'id credentials.problem.notUrl',
        'credentialStatus.statusListIndex credentials.problem.statusListIndex',
        'credentialStatus.statusListCredential credentials.problem.notUrl',
        'credentialSchema.id credentials.problem.notUrl',
        'refreshService credentials.problem.typedObject',
        'evidence.0 credentials.problem.typedObject',
        'relatedResource.0.digestSRI credentials.problem.relatedMismatch',
        'relatedResource.1 credentials.problem.relatedDigest',
      ]),
    )
  })
})

describe('presentations', () => {
  test('the holder proof must answer the challenge and domain; every credential is checked', async () => {
    const { document } = await issueSample('course:presented')
    const holderKey = await Ed25519Multikey.generate()
    const holder = `did:key:${holderKey.publicKeyMultibase}`
    const keyPair = await Ed25519Multikey.from({
      id: `${holder}#${holderKey.publicKeyMultibase}`,
      controller: holder,
      publicKeyMultibase: holderKey.publicKeyMultibase,
      secretKeyMultibase: holderKey.secretKeyMultibase,
    })
    const presentation = { '@context': [CREDENTIALS_V2], type: ['VerifiablePresentation'], holder, verifiableCredential: [document] }
    const signed = await signPresentation({ keyPair }, presentation, 'c-123', 'verifier.example')
    const ok = await verifyPresentationReport(signed, { challenge: 'c-123', domain: 'verifier.example' })
    expect(ok.verified).toBe(true)
    expect(ok.credentials).toHaveLength(1)
    const wrongChallenge = await verifyPresentationReport(signed, { challenge: 'other', domain: 'verifier.example' })
    expect(wrongChallenge.verified).toBe(false)
    expect(wrongChallenge.checks.find((c) => c.name === 'holderProof')?.outcome).toBe('failed')
    const noChallenge = await verifyPresentationReport(signed, {})
    expect(noChallenge.verified).toBe(false)
  })

  test('a presentation with an undefined term is malformed, named by the JSON-LD check, with or without a proof', async () => {
    const holderKey = await Ed25519Multikey.generate()
    const holder = `did:key:${holderKey.publicKeyMultibase}`
    const presentation = { '@context': [CREDENTIALS_V2], type: ['VerifiablePresentation'], holder, undefinedTerm: 'x' }
    for (const input of [presentation, { ...presentation, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z1' } }]) {
      const report = await verifyPresentationReport(input, { challenge: 'c-1' })
      expect(report).toMatchObject({ verified: false, malformed: true })
      expect(report.checks.find((c) => c.name === 'jsonLd')?.outcome).toBe('failed')
    }
  })
})
