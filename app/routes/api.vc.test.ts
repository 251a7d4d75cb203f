// The VC-API end to end through the route modules: issue (with the issuer check), verify,
// tamper, revoke, presentations, the status list and the issuer registry.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { issuerSigner, platformIssuer, universityIssuer } from '#app/modules/credentials/issuers.server.ts'
import { revokeInTx } from '#app/modules/credentials/revoke.server.ts'
import { makeUser } from '#tests/fixtures.server.ts'
import { apiRequest, routeArgs } from '#tests/api-request.ts'
import { action as issueAction } from './api.vc.credentials.issue.ts'
import { action as verifyAction } from './api.vc.credentials.verify.ts'
import { loader as statusLoader } from './api.vc.credentials.status.$listId.ts'
import { loader as issuersLoader } from './api.vc.issuers.ts'
import { action as presentationAction } from './api.vc.presentations.verify.ts'

type Json = Record<string, unknown>
const post = (path: string, body: unknown, token?: string) => apiRequest(`http://localhost/api/vc${path}`, { method: 'POST', body, token })

async function adminToken() {
  const admin = await makeUser(['admin'])
  return (await createApiToken(admin.id, 'vc')).token
}

function unsigned(issuer: string): Json {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    type: ['VerifiableCredential', 'ExampleCredential'],
    issuer,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:alice', alumniOf: 'Guangxi University' },
  }
}

describe('VC-API', () => {
  test('an admin issues as the platform; the answer is the input plus status and proof, and it verifies', async () => {
    const token = await adminToken()
    const { did } = await issuerSigner((await platformIssuer()).id)
    const input = unsigned(did)
    const issued = await issueAction(routeArgs(post('/credentials/issue', { credential: input }, token)))
    expect(issued.status).toBe(201)
    const { verifiableCredential: vc } = (await issued.json()) as { verifiableCredential: Json }
    const { proof, credentialStatus, ...rest } = vc
    expect(rest).toEqual(input)
    expect(proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' })
    expect(credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry' })

    const verified = await verifyAction(routeArgs(post('/credentials/verify', { verifiableCredential: vc })))
    expect(verified.status).toBe(200)
    expect(await verified.json()).toMatchObject({ verified: true, errors: [], checks: expect.arrayContaining(['proof', 'status']) })

    const tampered = { ...vc, credentialSubject: { id: 'did:example:alice', alumniOf: 'Guangxi Universitz' } }
    const failed = await verifyAction(routeArgs(post('/credentials/verify', { verifiableCredential: tampered })))
    expect(failed.status).toBe(422)
    expect(await failed.json()).toMatchObject({ verified: false, errors: [expect.objectContaining({ check: 'proof' })] })

    // Revoked: the next verify says so, and the public list shows the bit.
    const row = await prisma.issuedCredential.findFirstOrThrow({
      where: { kind: 'api' },
      orderBy: { createdAt: 'desc' },
      select: { id: true, statusListId: true },
    })
    await prisma.$transaction((tx) => revokeInTx(tx, row.id, 'test', null))
    const revoked = await verifyAction(routeArgs(post('/credentials/verify', { verifiableCredential: vc })))
    expect(revoked.status).toBe(422)
    expect(await revoked.json()).toMatchObject({ verified: false, errors: [expect.objectContaining({ check: 'status' })] })
    const list = await statusLoader(routeArgs(apiRequest(`http://localhost/api/vc/credentials/status/${row.statusListId}`), { listId: row.statusListId }))
    expect(list.status).toBe(200)
    expect(await list.json()).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: did,
      credentialSubject: { statusPurpose: 'revocation' },
    })
    expect((await statusLoader(routeArgs(apiRequest('http://localhost/api/vc/credentials/status/nope'), { listId: 'nope' }))).status).toBe(404)
  })

  test('a bad issuer is refused, never rewritten; malformed input is a 4xx naming the field', async () => {
    const token = await adminToken()
    const unknown = await issueAction(
      routeArgs(post('/credentials/issue', { credential: unsigned('did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH') }, token)),
    )
    expect(unknown.status).toBe(422)
    expect(((await unknown.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('credential.issuer')

    // University staff may sign for their university only, not for the platform.
    const university = await prisma.university.create({ data: { nameZh: '广西大学', nameEn: 'Guangxi University', city: 'nanning' }, select: { id: true } })
    const staff = await makeUser(['university_staff'])
    await prisma.universityStaff.create({ data: { userId: staff.id, universityId: university.id } })
    const staffToken = (await createApiToken(staff.id, 'vc')).token
    const platformDid = (await issuerSigner((await platformIssuer()).id)).did
    expect((await issueAction(routeArgs(post('/credentials/issue', { credential: unsigned(platformDid) }, staffToken)))).status).toBe(422)
    const universityDid = (await issuerSigner((await universityIssuer(university.id)).id)).did
    expect((await issueAction(routeArgs(post('/credentials/issue', { credential: unsigned(universityDid) }, staffToken)))).status).toBe(201)

    const { type: _type, ...noType } = unsigned(platformDid)
    const missingType = await issueAction(routeArgs(post('/credentials/issue', { credential: noType }, token)))
    expect(missingType.status).toBe(422)
    expect(((await missingType.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain('credential.type')
    const undefinedTerm = await issueAction(
      routeArgs(post('/credentials/issue', { credential: { ...unsigned(platformDid), '@context': ['https://www.w3.org/ns/credentials/v2'] } }, token)),
    )
    expect(undefinedTerm.status).toBe(422)
    expect((await issueAction(routeArgs(post('/credentials/issue', '{not json', token)))).status).toBe(400)
    expect((await issueAction(routeArgs(post('/credentials/issue', { credential: unsigned(platformDid) })))).status).toBe(401)
    // A token without the credentials:issue scope is refused, naming the scope.
    const readOnly = (await createApiToken((await makeUser(['admin'])).id, 'ro', { scopes: ['roles:read'] })).token
    const noScope = await issueAction(routeArgs(post('/credentials/issue', { credential: unsigned(platformDid) }, readOnly)))
    expect(noScope.status).toBe(403)
    expect(await noScope.json()).toMatchObject({ missingScope: 'credentials:issue' })
    const tooBig = await verifyAction(routeArgs(post('/credentials/verify', { verifiableCredential: { padding: 'x'.repeat(600 * 1024) } })))
    expect(tooBig.status).toBe(413)
    const notCredential = await verifyAction(routeArgs(post('/credentials/verify', { verifiableCredential: { type: ['VerifiableCredential'] } })))
    expect(notCredential.status).toBe(400)
    expect(await notCredential.json()).toMatchObject({ verified: false })
  })

  test('presentations need the challenge; the registry lists issuers with their DIDs', async () => {
    const platform = await issuerSigner((await platformIssuer()).id)
    const missing = await presentationAction(
      routeArgs(
        post('/presentations/verify', {
          verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] },
          options: { challenge: 'abc' },
        }),
      ),
    )
    expect(missing.status).toBe(422)
    expect(await missing.json()).toMatchObject({ verified: false, errors: [expect.objectContaining({ check: 'holderProof' })] })
    const registry = (await (await issuersLoader(routeArgs(apiRequest('http://localhost/api/vc/issuers')))).json()) as Array<Json>
    expect(registry).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: platform.did, kind: 'platform', name: { zh: '链桥平台', en: 'Lianqiao platform' }, dids: [platform.did] }),
      ]),
    )
  })
})
