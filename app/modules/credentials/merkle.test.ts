// The log's Merkle tree against the Certificate Transparency reference data (RFC 6962 and
// RFC 9162 hash trees the same way) and against the definition itself, for many sizes.
import { createHash } from 'node:crypto'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { describe, expect, test } from 'vitest'
import {
  canonicalJson,
  checkInclusionProof,
  entryLeafHash,
  foldCover,
  inclusionRanges,
  leafHash,
  nodeHash,
  perfectCover,
  treeHeadData,
  verifyInclusion,
  verifyTreeHeadSignature,
  type Hash,
  type InclusionProof,
  type LogEntry,
} from './merkle.server.ts'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const unhex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'))

// The reference leaves and roots of the Certificate Transparency test suite (sizes 1–8).
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((data) => leafHash(unhex(data)))
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

/** MTH(D[n]) exactly as RFC 9162 §2.1.1 writes it, for comparison. */
function referenceRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return createHash('sha256').digest()
  if (leaves.length === 1) return leaves[0]!
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)))
}

/** A range's hash through the perfect subtrees, as the log computes it from stored nodes. */
function coverHash(leaves: Hash[], start: number, end: number) {
  return foldCover(perfectCover(start, end).map(({ level, index }) => referenceRoot(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level))))
}

function auditPath(leaves: Hash[], m: number, n: number) {
  return inclusionRanges(m, n).map(([start, end]) => coverHash(leaves, start, end))
}

function leavesOf(n: number) {
  return Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`leaf ${i}`)))
}

describe('RFC 9162 Merkle tree', () => {
  test('roots match the Certificate Transparency reference roots for 1–8 leaves', () => {
    for (let n = 1; n <= 8; n++) {
      expect(hex(coverHash(CT_LEAVES, 0, n)), `size ${n}`).toBe(CT_ROOTS[n - 1])
      expect(hex(referenceRoot(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n - 1])
    }
  })

  test('audit paths match the reference inclusion proofs', () => {
    expect(auditPath(CT_LEAVES, 0, 8).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ])
    expect(auditPath(CT_LEAVES, 5, 8).map(hex)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ])
  })

  test.each([1, 2, 3, 7, 8, 100])('every leaf of a tree of %i has a proof that verifies', (n) => {
    const leaves = leavesOf(n)
    const root = referenceRoot(leaves)
    expect(hex(coverHash(leaves, 0, n))).toBe(hex(root))
    for (let m = 0; m < n; m++) {
      expect(verifyInclusion({ leafIndex: m, treeSize: n, leafHash: leaves[m]!, auditPath: auditPath(leaves, m, n), rootHash: root }), `leaf ${m}`).toBe(true)
    }
  })

  test.each([2, 3, 7, 8, 100])('in a tree of %i a changed leaf, a changed path or a wrong index fails', (n) => {
    const leaves = leavesOf(n)
    const root = referenceRoot(leaves)
    for (const m of new Set([0, Math.floor(n / 2), n - 1])) {
      const path = auditPath(leaves, m, n)
      const valid = { leafIndex: m, treeSize: n, leafHash: leaves[m]!, auditPath: path, rootHash: root }
      expect(verifyInclusion(valid)).toBe(true)
      expect(verifyInclusion({ ...valid, leafHash: leafHash(Buffer.from('another leaf')) })).toBe(false)
      for (let i = 0; i < path.length; i++) {
        const changed = path.map((hash, j) => (j === i ? Uint8Array.from(hash, (byte, k) => (k === 0 ? byte ^ 1 : byte)) : hash))
        expect(verifyInclusion({ ...valid, auditPath: changed }), `leaf ${m}, path element ${i}`).toBe(false)
      }
      expect(verifyInclusion({ ...valid, auditPath: path.slice(1) })).toBe(false)
      expect(verifyInclusion({ ...valid, auditPath: [...path, path[0]!] })).toBe(false)
      expect(verifyInclusion({ ...valid, leafIndex: (m + 1) % n })).toBe(false)
      expect(verifyInclusion({ ...valid, leafIndex: n })).toBe(false)
      // (The tree size itself is bound by the tree head's signature, tested below: a path
      // may fit more than one size, as RFC 9162's algorithm allows.)
    }
  })

  test('a tree of one leaf: the root is the leaf hash and the path is empty', () => {
    const [leaf] = leavesOf(1)
    expect(inclusionRanges(0, 1)).toEqual([])
    expect(verifyInclusion({ leafIndex: 0, treeSize: 1, leafHash: leaf!, auditPath: [], rootHash: leaf! })).toBe(true)
  })
})

describe('entries and signed tree heads', () => {
  test('canonical JSON sorts keys and ignores formatting (RFC 8785)', () => {
    expect(canonicalJson({ b: [1, { d: 'é', c: null }], a: true })).toBe('{"a":true,"b":[1,{"c":null,"d":"é"}]}')
    expect(canonicalJson(JSON.parse('{ "x" : 1.50, "a":"\\u00e9" }'))).toBe('{"a":"é","x":1.5}')
  })

  test('the tree head data is RFC 9162 TreeHeadDataV2 in TLS encoding', () => {
    const data = treeHeadData({ treeSize: 7, rootHash: new Uint8Array(32).fill(0xab), timestamp: 1_700_000_000_123 })
    expect(hex(data)).toBe(`0000018bcfe5687b0000000000000007${'20'}${'ab'.repeat(32)}0000`)
  })

  test('a proof checks offline with the signing key; a tampered head, entry or path fails, as does another key', async () => {
    const key = await Ed25519Multikey.generate()
    const did = `did:key:${key.publicKeyMultibase}`
    const entries: LogEntry[] = Array.from({ length: 7 }, (_, i) => ({
      credentialId: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
      event: i === 6 ? 'revoked' : 'issued',
      time: new Date(Date.UTC(2026, 11, 1, 12, 0, i)).toISOString(),
      credentialDigest: `sha256:${'0'.repeat(63)}${i}`,
    }))
    const leaves = entries.map(entryLeafHash)
    const root = referenceRoot(leaves)
    const timestamp = Date.UTC(2026, 11, 1, 12, 5)
    const signature = await key.signer().sign({ data: treeHeadData({ treeSize: 7, rootHash: root, timestamp }) })
    const treeHead = {
      treeSize: 7,
      rootHash: Buffer.from(root).toString('base64'),
      timestamp,
      signature: Buffer.from(signature).toString('base64'),
      keyId: did,
    }
    const proof: InclusionProof = {
      entry: entries[4]!,
      leafIndex: 4,
      treeSize: 7,
      auditPath: auditPath(leaves, 4, 7).map((hash) => Buffer.from(hash).toString('base64')),
      treeHead,
    }
    // Through JSON, as the CLI prints it.
    const printed = JSON.parse(JSON.stringify(proof)) as InclusionProof
    expect(await checkInclusionProof(printed, did)).toEqual({ signature: true, inclusion: true, valid: true })
    expect(await verifyTreeHeadSignature(treeHead, key.publicKeyMultibase)).toBe(true)

    const other = await Ed25519Multikey.generate()
    expect((await checkInclusionProof(printed, `did:key:${other.publicKeyMultibase}`)).valid).toBe(false)
    expect(await checkInclusionProof({ ...printed, treeHead: { ...treeHead, treeSize: 8 } }, did)).toMatchObject({ signature: false, valid: false })
    expect(await checkInclusionProof({ ...printed, treeHead: { ...treeHead, timestamp: timestamp + 1 } }, did)).toMatchObject({ signature: false })
    const otherRoot = Buffer.from(referenceRoot(leaves.slice(0, 6))).toString('base64')
    expect(await checkInclusionProof({ ...printed, treeHead: { ...treeHead, rootHash: otherRoot } }, did)).toMatchObject({ signature: false, inclusion: false })
    const flipped = Buffer.from(treeHead.signature, 'base64')
    flipped[0] = flipped[0]! ^ 1
    expect(await checkInclusionProof({ ...printed, treeHead: { ...treeHead, signature: flipped.toString('base64') } }, did)).toMatchObject({
      signature: false,
      inclusion: true,
      valid: false,
    })
    expect(await checkInclusionProof({ ...printed, entry: { ...printed.entry, event: 'revoked' } }, did)).toMatchObject({ signature: true, inclusion: false })
    expect(await checkInclusionProof({ ...printed, entry: { ...printed.entry, time: entries[3]!.time } }, did)).toMatchObject({ inclusion: false })
    expect(await checkInclusionProof({ ...printed, auditPath: printed.auditPath.slice().reverse() }, did)).toMatchObject({ inclusion: false })
    expect(await checkInclusionProof({ ...printed, auditPath: ['not base64 of 32 bytes'] }, did)).toMatchObject({ inclusion: false })
  })
})
