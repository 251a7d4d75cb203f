// The credential transparency log in Postgres (RFC 9162 style; docs/decisions/032): every
// issuance and revocation appends a leaf in the transaction that makes it, a scheduled job
// signs tree heads with the platform issuer's key, and an inclusion proof shows that a
// credential was logged under a signed head. Appends from any number of app instances are
// serialised by a transaction-scoped advisory lock, so leaf indexes are dense and a reader
// only ever sees a prefix of the log.
import type { TransparencyLogEvent } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { issuerForDid, issuerSigner, platformIssuer } from './issuers.server.ts'
import {
  checkInclusionProof,
  credentialDigest,
  entryLeafHash,
  foldCover,
  inclusionRanges,
  nodeHash,
  perfectCover,
  treeHeadData,
  type Hash,
  type InclusionProof,
  type LogEntry,
  type PerfectNode,
  type ProofCheck,
  type SignedTreeHead,
} from './merkle.server.ts'

/** The advisory lock key of appends (any constant no other lock in the database uses). */
const APPEND_LOCK = 9_162_032

export type LogAppend = { credentialId: string; event: TransparencyLogEvent; credential: unknown }

/**
 * Appends leaves for the given events, inside the caller's transaction (so a credential is
 * logged exactly when it exists). Call it last in the transaction: the lock it takes is
 * held until commit.
 */
export async function appendToLog(tx: Tx, events: LogAppend[]) {
  if (events.length === 0) return
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`
  const last = await tx.transparencyLogEntry.findFirst({ orderBy: { leafIndex: 'desc' }, select: { leafIndex: true } })
  const size = last ? last.leafIndex + 1 : 0
  // The right frontier (the perfect subtrees of the current tree, levels falling): new
  // leaves merge into it like carries in binary addition, completing new subtrees.
  const frontier = await nodeHashes(tx, perfectCover(0, size))
  const stack = perfectCover(0, size).map((node, i) => ({ ...node, hash: frontier[i]! }))
  const nodes: Array<PerfectNode & { hash: Hash }> = []
  const loggedAt = new Date()
  const entries = events.map((event, i) => {
    const entry: LogEntry = {
      credentialId: event.credentialId,
      event: event.event,
      time: loggedAt.toISOString(),
      credentialDigest: credentialDigest(event.credential),
    }
    let node = { level: 0, index: size + i, hash: entryLeafHash(entry) }
    nodes.push(node)
    while (stack.length > 0 && stack[stack.length - 1]!.level === node.level) {
      const left = stack.pop()!
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) }
      nodes.push(node)
    }
    stack.push(node)
    return { leafIndex: size + i, credentialId: entry.credentialId, event: event.event, loggedAt, credentialDigest: entry.credentialDigest }
  })
  await tx.transparencyLogEntry.createMany({ data: entries })
  await tx.transparencyLogNode.createMany({ data: nodes.map(({ level, index, hash }) => ({ level, index, hash })) })
}

/** The stored hashes of perfect subtrees, in the order asked. */
async function nodeHashes(db: Tx, wanted: PerfectNode[]): Promise<Hash[]> {
  if (wanted.length === 0) return []
  const rows = await db.transparencyLogNode.findMany({
    where: { OR: wanted.map(({ level, index }) => ({ level, index })) },
    select: { level: true, index: true, hash: true },
  })
  const byKey = new Map(rows.map((row) => [`${row.level}:${row.index}`, row.hash]))
  return wanted.map(({ level, index }) => {
    const hash = byKey.get(`${level}:${index}`)
    if (!hash) throw new Error(`transparency log node ${level}:${index} is missing`)
    return hash
  })
}

/** The number of leaves committed so far. */
async function logSize() {
  const last = await prisma.transparencyLogEntry.findFirst({ orderBy: { leafIndex: 'desc' }, select: { leafIndex: true } })
  return last ? last.leafIndex + 1 : 0
}

/** The root hash of the tree of the first `size` leaves. */
export async function rootHash(size: number): Promise<Hash> {
  return foldCover(await nodeHashes(prisma, perfectCover(0, size)))
}

const treeHeadSelect = { treeSize: true, rootHash: true, timestamp: true, signature: true, signerDid: true } as const

function toSignedTreeHead(row: { treeSize: number; rootHash: Hash; timestamp: Date; signature: Hash; signerDid: string }): SignedTreeHead {
  return {
    treeSize: row.treeSize,
    rootHash: Buffer.from(row.rootHash).toString('base64'),
    timestamp: row.timestamp.getTime(),
    signature: Buffer.from(row.signature).toString('base64'),
    keyId: row.signerDid,
  }
}

export async function latestTreeHead(): Promise<SignedTreeHead | null> {
  const row = await prisma.transparencyTreeHead.findFirst({ orderBy: { treeSize: 'desc' }, select: treeHeadSelect })
  return row ? toSignedTreeHead(row) : null
}

/**
 * Signs a tree head for the log as it is now, when it has grown since the last head (the
 * scheduled job, the CLI, tests). Returns the newest head, or null while the log is empty.
 */
export async function signTreeHead(now = new Date()): Promise<SignedTreeHead | null> {
  const size = await logSize()
  const latest = await latestTreeHead()
  if (size === 0 || (latest && latest.treeSize >= size)) return latest
  const root = await rootHash(size)
  const signer = await issuerSigner((await platformIssuer()).id)
  const timestamp = new Date(now.getTime())
  const signature = await signer.keyPair.signer().sign({ data: treeHeadData({ treeSize: size, rootHash: root, timestamp: timestamp.getTime() }) })
  // Two instances signing the same size at once: the first head stands.
  await prisma.transparencyTreeHead.createMany({
    data: [{ treeSize: size, rootHash: root, timestamp, signature: Uint8Array.from(signature), signerDid: signer.did }],
    skipDuplicates: true,
  })
  return latestTreeHead()
}

/** Credentials appended per run of the backfill. */
const BACKFILL_BATCH = 500

/**
 * Appends credentials issued before the log existed (their issuance, and their revocation
 * if revoked), oldest first, a batch per run of the tree head job. Every credential issued
 * or revoked since is logged in its own transaction and never matches here.
 */
export async function backfillLog() {
  const missing = await prisma.$queryRaw<Array<{ credentialId: string; document: unknown; revokedAt: Date | null }>>`
    SELECT c."credentialId", c.document, c."revokedAt" FROM "IssuedCredential" c
    WHERE NOT EXISTS (SELECT 1 FROM "TransparencyLogEntry" e WHERE e."credentialId" = c."credentialId")
    ORDER BY c."createdAt", c.id LIMIT ${BACKFILL_BATCH}`
  if (missing.length === 0) return 0
  await prisma.$transaction(async (tx) => {
    // Checked again under the append lock: another instance may have just done the same.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${APPEND_LOCK})`
    const done = await tx.transparencyLogEntry.findMany({
      where: { credentialId: { in: missing.map((m) => m.credentialId) } },
      select: { credentialId: true },
    })
    const skip = new Set(done.map((d) => d.credentialId))
    await appendToLog(
      tx,
      missing
        .filter((m) => !skip.has(m.credentialId))
        .flatMap((m) => [
          { credentialId: m.credentialId, event: 'issued' as const, credential: m.document },
          ...(m.revokedAt ? [{ credentialId: m.credentialId, event: 'revoked' as const, credential: m.document }] : []),
        ]),
    )
  })
  return missing.length
}

/** The inclusion proof of a leaf under a signed tree head (which must cover it). */
async function inclusionProof(entry: LogEntry, leafIndex: number, head: SignedTreeHead): Promise<InclusionProof> {
  const ranges = inclusionRanges(leafIndex, head.treeSize)
  const covers = ranges.map(([start, end]) => perfectCover(start, end))
  const hashes = await nodeHashes(prisma, covers.flat())
  let at = 0
  const auditPath = covers.map((cover) => {
    const hash = foldCover(hashes.slice(at, at + cover.length))
    at += cover.length
    return Buffer.from(hash).toString('base64')
  })
  return { entry, leafIndex, treeSize: head.treeSize, auditPath, treeHead: head }
}

const entrySelect = { leafIndex: true, credentialId: true, event: true, loggedAt: true, credentialDigest: true } as const

function toLogEntry(row: { credentialId: string; event: TransparencyLogEvent; loggedAt: Date; credentialDigest: string }): LogEntry {
  return { credentialId: row.credentialId, event: row.event, time: row.loggedAt.toISOString(), credentialDigest: row.credentialDigest }
}

export type LoggedEvent = {
  entry: LogEntry
  leafIndex: number
  /** Null until a signed tree head covers the leaf (the next scheduled head). */
  proof: InclusionProof | null
  check: (ProofCheck & { signerIsPlatform: boolean }) | null
}

async function provenEntries(rows: Array<{ leafIndex: number; credentialId: string; event: TransparencyLogEvent; loggedAt: Date; credentialDigest: string }>) {
  if (rows.length === 0) return []
  const head = await latestTreeHead()
  // The head's key must be a platform issuer key in our registry for the page to trust it.
  const signer = head ? await issuerForDid(head.keyId) : null
  return Promise.all(
    rows.map(async (row): Promise<LoggedEvent> => {
      const entry = toLogEntry(row)
      if (!head || head.treeSize <= row.leafIndex) return { entry, leafIndex: row.leafIndex, proof: null, check: null }
      const proof = await inclusionProof(entry, row.leafIndex, head)
      const check = await checkInclusionProof(proof, head.keyId)
      return { entry, leafIndex: row.leafIndex, proof, check: { ...check, signerIsPlatform: signer?.kind === 'platform' } }
    }),
  )
}

/**
 * What the log holds about exactly this credential document (found by its digest, so a
 * changed character finds nothing), each event with its inclusion proof when a signed tree
 * head covers it.
 */
export async function logEventsForDocument(credential: unknown): Promise<LoggedEvent[]> {
  const rows = await prisma.transparencyLogEntry.findMany({
    where: { credentialDigest: credentialDigest(credential) },
    orderBy: { leafIndex: 'asc' },
    take: 10,
    select: entrySelect,
  })
  return provenEntries(rows)
}

/**
 * The log's events about a credential named by its row id or its own id (urn:uuid:…), for
 * `npm run cli -- credentials prove`. A leaf not yet under a signed head gets one now.
 */
export async function proveCredential(id: string): Promise<LoggedEvent[] | null> {
  const row = await prisma.issuedCredential.findFirst({ where: { OR: [{ id }, { credentialId: id }] }, select: { credentialId: true } })
  if (!row) return null
  const where = { credentialId: row.credentialId }
  const newest = await prisma.transparencyLogEntry.findFirst({ where, orderBy: { leafIndex: 'desc' }, select: { leafIndex: true } })
  const head = await latestTreeHead()
  if (newest && (!head || head.treeSize <= newest.leafIndex)) await signTreeHead()
  return provenEntries(await prisma.transparencyLogEntry.findMany({ where, orderBy: { leafIndex: 'asc' }, take: 10, select: entrySelect }))
}
