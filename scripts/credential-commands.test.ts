// `npm run cli -- credentials prove ID` and `credentials check-proof FILE`, against the real
// database and the real log.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { issueStoredCredential } from '#app/modules/credentials/issue.server.ts'
import { issuerSigner, platformIssuer } from '#app/modules/credentials/issuers.server.ts'
import { checkConsistencyProof, checkInclusionProof, type ConsistencyProof, type InclusionProof } from '#app/modules/credentials/merkle.server.ts'
import { signTreeHead } from '#app/modules/credentials/transparency-log.server.ts'
import type { Io } from './args.ts'
import { runCli } from './cli-commands.ts'

let issuerId = ''
let platformDid = ''

function capture() {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) }
  return { io, out, err }
}

beforeAll(async () => {
  issuerId = (await platformIssuer()).id
  platformDid = (await issuerSigner(issuerId)).did
})

describe('credential transparency log commands', () => {
  test('prove prints proofs that check offline from the printed text; check-proof checks a saved one and refuses a tampered one', async () => {
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: '',
      credentialSubject: { id: 'urn:example:1' },
    }
    const { id, document } = await issueStoredCredential({
      issuerId,
      kind: 'api',
      build: ({ issuerDid, credentialId }) => ({ ...credential, id: credentialId, issuer: issuerDid }),
    })
    const printed = capture()
    expect(await runCli(['credentials', 'prove', id], printed.io)).toBe(0)
    const output = JSON.parse(printed.out.join('\n')) as { credentialId: string; proofs: InclusionProof[] }
    expect(output.credentialId).toBe(document.id)
    expect(output.proofs).toHaveLength(1)
    expect(printed.err.join('\n')).toMatch(/issued at leaf \d+, tree size \d+, signed by did:key:z6Mk\S+: checks/)
    expect(await checkInclusionProof(output.proofs[0]!, platformDid)).toMatchObject({ valid: true })

    const file = path.join(await mkdtemp(path.join(tmpdir(), 'proof-')), 'proof.json')
    await writeFile(file, printed.out.join('\n'))
    expect(await runCli(['credentials', 'check-proof', file, '--key', platformDid], capture().io)).toBe(0)
    const tampered = { ...output, proofs: [{ ...output.proofs[0]!, leafIndex: output.proofs[0]!.leafIndex + 1 }] }
    await writeFile(file, JSON.stringify(tampered))
    const failed = capture()
    expect(await runCli(['credentials', 'check-proof', file, '--key', platformDid], failed.io)).toBe(1)
    expect(failed.err.join('\n')).toContain('DOES NOT CHECK')
    await writeFile(file, '{"not":"a proof"}')
    expect(await runCli(['credentials', 'check-proof', file], capture().io)).toBe(1)
  })

  test('consistency prints the proof that a later signed tree head extends an earlier one, and checks it', async () => {
    const issue = (n: number) =>
      issueStoredCredential({
        issuerId,
        kind: 'api',
        build: ({ issuerDid, credentialId }) => ({
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential'],
          id: credentialId,
          issuer: issuerDid,
          credentialSubject: { id: `urn:example:consistency-${n}` },
        }),
      })
    await issue(1)
    const first = (await signTreeHead())!
    for (const n of [2, 3, 4]) await issue(n)
    const second = (await signTreeHead())!
    expect(second.treeSize).toBe(first.treeSize + 3)
    const printed = capture()
    expect(await runCli(['credentials', 'consistency', String(first.treeSize), String(second.treeSize)], printed.io)).toBe(0)
    expect(printed.err.join('\n')).toContain('consistent, both heads signed by the platform')
    const proof = JSON.parse(printed.out.join('\n')) as ConsistencyProof
    expect(proof).toMatchObject({ first, second })
    const keys = { first: platformDid, second: platformDid }
    expect(await checkConsistencyProof(proof, keys)).toEqual({ signatures: true, consistent: true, valid: true })
    const otherRoot = { ...proof, first: { ...proof.first, rootHash: proof.second.rootHash } }
    expect(await checkConsistencyProof(otherRoot, keys)).toMatchObject({ signatures: false, consistent: false })
    if (proof.path.length > 0) expect(await checkConsistencyProof({ ...proof, path: proof.path.slice(1) }, keys)).toMatchObject({ consistent: false })
    const missing = capture()
    expect(await runCli(['credentials', 'consistency', String(second.treeSize), String(first.treeSize)], missing.io)).toBe(1)
    expect(missing.err.join('\n')).toContain('no signed tree heads')
  })

  test('prove names an unknown credential', async () => {
    const unknown = capture()
    expect(await runCli(['credentials', 'prove', 'no-such-credential'], unknown.io)).toBe(1)
    expect(unknown.err).toEqual(['No credential no-such-credential.'])
  })
})
