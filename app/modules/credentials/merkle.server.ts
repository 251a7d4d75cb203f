// The credential transparency log's Merkle tree, as RFC 9162 (Certificate Transparency 2.0)
// defines it: leaf hash SHA-256(0x00 || entry), node hash SHA-256(0x01 || left || right),
// a tree of n leaves split at the largest power of two below n. Everything here is pure, so
// an inclusion proof printed by `npm run cli -- credentials prove` is checked with nothing
// but the proof, its signed tree head and the log's public key.
import { createHash } from 'node:crypto'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'

/** A SHA-256 hash (what Prisma stores as bytes). */
export type Hash = Uint8Array<ArrayBuffer>

export function leafHash(data: Uint8Array): Hash {
  return createHash('sha256').update(Uint8Array.of(0)).update(data).digest()
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest()
}

/** The hash of the empty tree (RFC 9162 §2.1.1). */
const EMPTY_TREE_HASH: Hash = createHash('sha256').digest()

/**
 * A perfect subtree: the 2^level leaves from index·2^level. Once complete it never changes,
 * so the log stores its hash; any subtree RFC 9162 names is a right fold of a few of these.
 */
export type PerfectNode = { level: number; index: number }

/**
 * The perfect subtrees making up leaves [start, end), left to right. In every range the
 * RFC 9162 recursion visits, start is a multiple of a power of two at least the range's
 * size, so the binary decomposition of the size is exactly the RFC's left-heavy split.
 */
export function perfectCover(start: number, end: number): PerfectNode[] {
  const nodes: PerfectNode[] = []
  let at = start
  while (at < end) {
    let level = 0
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++
    nodes.push({ level, index: at / 2 ** level })
    at += 2 ** level
  }
  return nodes
}

/** MTH of a range from the hashes of its perfect cover (left to right). */
export function foldCover(hashes: Hash[]): Hash {
  if (hashes.length === 0) return EMPTY_TREE_HASH
  let hash = hashes[hashes.length - 1]!
  for (let i = hashes.length - 2; i >= 0; i--) hash = nodeHash(hashes[i]!, hash)
  return hash
}

function largestPowerOfTwoBelow(n: number) {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/**
 * The ranges whose subtree hashes form the audit path of leaf m in a tree of n leaves
 * (RFC 9162 §2.1.3.1 PATH(m, D[n])), from the leaf upwards.
 */
export function inclusionRanges(m: number, n: number): Array<[number, number]> {
  if (m < 0 || m >= n) throw new RangeError(`leaf ${m} is not in a tree of ${n}`)
  const ranges: Array<[number, number]> = []
  let start = 0
  let end = n
  let leaf = m
  // Walk down; each level's sibling is prepended, so the list ends leaf-first.
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start)
    if (leaf < k) {
      ranges.unshift([start + k, end])
      end = start + k
    } else {
      ranges.unshift([start, start + k])
      start += k
      leaf -= k
    }
  }
  return ranges
}

/**
 * RFC 9162 §2.1.3.2: recomputes the root from a leaf hash and its audit path. True only
 * when the path has exactly the right length and leads to `rootHash`.
 */
export function verifyInclusion(input: { leafIndex: number; treeSize: number; leafHash: Hash; auditPath: Hash[]; rootHash: Hash }): boolean {
  const { leafIndex, treeSize } = input
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return false
  let fn = leafIndex
  let sn = treeSize - 1
  let r = input.leafHash
  for (const p of input.auditPath) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && Buffer.from(r).equals(Buffer.from(input.rootHash))
}

// ─── Entries ─────────────────────────────────────────────────────────────────

/**
 * RFC 8785 (JSON Canonicalization Scheme) for JSON values: keys sorted by UTF-16 code
 * units, ECMAScript number and string serialisation, no whitespace. The same document
 * gives the same bytes however it was stored or pretty-printed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const object = value as Record<string, unknown>
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`
}

/** The digest the log records for a credential: SHA-256 of its canonical JSON, "sha256:" and hex. */
export function credentialDigest(credential: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(credential), 'utf8').digest('hex')}`
}

export type LogEvent = 'issued' | 'revoked'

/** One log entry: what the leaf's data (its canonical JSON) says. */
export type LogEntry = { credentialId: string; event: LogEvent; time: string; credentialDigest: string }

export function entryLeafHash(entry: LogEntry): Hash {
  const { credentialId, event, time, credentialDigest } = entry
  return leafHash(Buffer.from(canonicalJson({ credentialId, event, time, credentialDigest }), 'utf8'))
}

// ─── Signed tree heads ───────────────────────────────────────────────────────

/** A signed tree head: hashes and signature in base64, timestamp in milliseconds since 1970. */
export type SignedTreeHead = { treeSize: number; rootHash: string; timestamp: number; signature: string; keyId: string }

/**
 * The signed bytes: RFC 9162 §4.10 TreeHeadDataV2 in TLS encoding — timestamp (uint64),
 * tree_size (uint64), root_hash (1-byte length, then the hash), no extensions (2-byte 0).
 */
export function treeHeadData(head: { treeSize: number; rootHash: Hash; timestamp: number }): Uint8Array {
  const bytes = Buffer.alloc(8 + 8 + 1 + head.rootHash.length + 2)
  bytes.writeBigUInt64BE(BigInt(head.timestamp), 0)
  bytes.writeBigUInt64BE(BigInt(head.treeSize), 8)
  bytes.writeUInt8(head.rootHash.length, 16)
  Buffer.from(head.rootHash).copy(bytes, 17)
  bytes.writeUInt16BE(0, 17 + head.rootHash.length)
  return bytes
}

/** The key's multibase from a did:key, its verification method id, or the multibase itself. */
function publicKeyMultibaseOf(key: string) {
  const withoutFragment = key.split('#')[0] ?? key
  return withoutFragment.startsWith('did:key:') ? withoutFragment.slice('did:key:'.length) : withoutFragment
}

/** Whether the tree head's signature is the given Ed25519 key's (a did:key or its multibase). */
export async function verifyTreeHeadSignature(head: SignedTreeHead, publicKey: string): Promise<boolean> {
  try {
    const rootHash = Buffer.from(head.rootHash, 'base64')
    if (rootHash.length !== 32 || !Number.isSafeInteger(head.treeSize) || !Number.isSafeInteger(head.timestamp) || head.timestamp < 0) return false
    const keyPair = await Ed25519Multikey.from({ publicKeyMultibase: publicKeyMultibaseOf(publicKey) })
    return await keyPair.verifier().verify({ data: treeHeadData({ ...head, rootHash }), signature: Buffer.from(head.signature, 'base64') })
  } catch {
    return false
  }
}

/** An inclusion proof as printed by the CLI and shown on /verify. */
export type InclusionProof = { entry: LogEntry; leafIndex: number; treeSize: number; auditPath: string[]; treeHead: SignedTreeHead }

export type ProofCheck = { signature: boolean; inclusion: boolean; valid: boolean }

/**
 * Checks a proof offline: the tree head is signed by `publicKey`, the proof is for the
 * head's tree size, and the entry's leaf with its audit path leads to the head's root.
 */
export async function checkInclusionProof(proof: InclusionProof, publicKey: string): Promise<ProofCheck> {
  const signature = await verifyTreeHeadSignature(proof.treeHead, publicKey)
  const inclusion = (() => {
    try {
      return (
        proof.treeSize === proof.treeHead.treeSize &&
        verifyInclusion({
          leafIndex: proof.leafIndex,
          treeSize: proof.treeSize,
          leafHash: entryLeafHash(proof.entry),
          auditPath: proof.auditPath.map((hash) => Buffer.from(hash, 'base64')),
          rootHash: Buffer.from(proof.treeHead.rootHash, 'base64'),
        })
      )
    } catch {
      return false
    }
  })()
  return { signature, inclusion, valid: signature && inclusion }
}
