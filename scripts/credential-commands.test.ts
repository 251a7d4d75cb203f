// `npm run cli -- credentials prove ID` and `credentials check-proof FILE`, against the real
// database and the real log.
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { issueStoredCredential } from '#app/modules/credentials/issue.server.ts'
import { issuerSigner, platformIssuer } from '#app/modules/credentials/issuers.server.ts'
import { checkInclusionProof, type InclusionProof } from '#app/modules/credentials/merkle.server.ts'
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

  test('prove names an unknown credential', async () => {
    const unknown = capture()
    expect(await runCli(['credentials', 'prove', 'no-such-credential'], unknown.io)).toBe(1)
    expect(unknown.err).toEqual(['No credential no-such-credential.'])
  })
})
