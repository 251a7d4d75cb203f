// The transparency log against the real database: issuing and revoking append leaves,
// concurrent appends stay dense and consistent, tree heads are signed by the platform key,
// inclusion proofs check offline, and the verify page shows them (the CLI: scripts/).
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { issueStoredCredential } from './issue.server.ts'
import { issuerSigner, platformIssuer } from './issuers.server.ts'
import { checkInclusionProof, credentialDigest, entryLeafHash, nodeHash, type Hash, type InclusionProof } from './merkle.server.ts'
import { openBadgeCredential } from './open-badge.server.ts'
import { verificationView } from './report-view.server.ts'
import { revokeInTx } from './revoke.server.ts'
import { appendToLog, backfillLog, latestTreeHead, logEventsForDocument, rootHash, signTreeHead } from './transparency-log.server.ts'

let issuerId = ''
let platformDid = ''

async function issue(key: string) {
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
          criteria: { zh: '完成课程', en: 'Complete the course' },
          skills: [],
          result: { kind: 'grade', value: 88 },
          validFrom: new Date(Date.now() - 60_000),
        },
      ),
  })
}

/** The root by RFC 9162's definition, from the leaves the entries describe. */
function referenceRoot(leaves: Hash[]): Hash {
  if (leaves.length === 1) return leaves[0]!
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)))
}

async function allEntries() {
  const rows = await prisma.transparencyLogEntry.findMany({
    orderBy: { leafIndex: 'asc' },
    select: { leafIndex: true, credentialId: true, event: true, loggedAt: true, credentialDigest: true },
  })
  return rows.map((row) => ({ ...row, time: row.loggedAt.toISOString() }))
}

async function appendSynthetic(count: number, from: number) {
  await prisma.$transaction((tx) =>
    appendToLog(
      tx,
      Array.from({ length: count }, (_, i) => ({ credentialId: `urn:uuid:synthetic-${from + i}`, event: 'issued' as const, credential: { n: from + i } })),
    ),
  )
}

beforeAll(async () => {
  issuerId = (await platformIssuer()).id
  platformDid = (await issuerSigner(issuerId)).did
})

describe('transparency log', () => {
  test('issuing appends an "issued" leaf with the document digest, revoking a "revoked" one; a tree head then proves both', async () => {
    const { id, document } = await issue('course:log-1')
    let events = await logEventsForDocument(document)
    expect(events).toMatchObject([{ entry: { credentialId: document.id, event: 'issued', credentialDigest: credentialDigest(document) }, proof: null }])

    await prisma.$transaction((tx) => revokeInTx(tx, id, 'wrong grade', null))
    const head = await signTreeHead()
    expect(head).toMatchObject({ keyId: platformDid })
    events = await logEventsForDocument(document)
    expect(events.map((e) => e.entry.event)).toEqual(['issued', 'revoked'])
    for (const event of events) expect(event.check).toEqual({ signature: true, inclusion: true, valid: true, signerIsPlatform: true })

    // A changed character is another document: the log knows nothing of it.
    expect(await logEventsForDocument({ ...document, name: 'changed' })).toEqual([])
  })

  test('concurrent issuances and appends give dense leaf indexes and the stored tree matches the definition', async () => {
    await Promise.all([...Array.from({ length: 6 }, (_, i) => issue(`course:concurrent-${i}`)), appendSynthetic(5, 1000), appendSynthetic(3, 2000)])
    const entries = await allEntries()
    expect(entries.map((e) => e.leafIndex)).toEqual(entries.map((_, i) => i))
    const leaves = entries.map(entryLeafHash)
    for (const size of [1, 2, 3, entries.length]) {
      expect(Buffer.from(await rootHash(size)).toString('hex'), `size ${size}`).toBe(Buffer.from(referenceRoot(leaves.slice(0, size))).toString('hex'))
    }
    // The leaf hashes stored are those of the entries (nothing but the entry is hashed).
    const stored = await prisma.transparencyLogNode.findMany({ where: { level: 0 }, orderBy: { index: 'asc' }, select: { hash: true } })
    expect(stored.map((s) => Buffer.from(s.hash).toString('hex'))).toEqual(leaves.map((l) => Buffer.from(l).toString('hex')))
  })

  test('proofs from the stored tree check for every leaf as the log grows to 1, 2, 3, 7, 8 and 100 leaves', async () => {
    const before = (await allEntries()).length
    let appended = 0
    for (const size of [1, 2, 3, 7, 8, 100]) {
      await appendSynthetic(size - appended, 10_000 + appended)
      appended = size
      const head = await signTreeHead()
      expect(head?.treeSize).toBe(before + size)
      expect(head?.rootHash).toBe(Buffer.from(await rootHash(before + size)).toString('base64'))
      for (let n = 0; n < size; n++) {
        const [event] = await logEventsForDocument({ n: 10_000 + n })
        expect(event?.check, `leaf ${n} of ${size}`).toMatchObject({ valid: true, signerIsPlatform: true })
        expect(event?.proof?.treeSize).toBe(before + size)
      }
    }
    // No growth, no new head.
    const latest = await latestTreeHead()
    expect(await signTreeHead()).toEqual(latest)
  })

  test('a tampered tree head, entry or path does not check', async () => {
    await appendSynthetic(1, 50_000)
    await signTreeHead()
    const [event] = await logEventsForDocument({ n: 50_000 })
    const proof = event!.proof!
    expect((await checkInclusionProof(proof, platformDid)).valid).toBe(true)
    const tampered: InclusionProof[] = [
      { ...proof, treeHead: { ...proof.treeHead, timestamp: proof.treeHead.timestamp + 1 } },
      { ...proof, entry: { ...proof.entry, credentialDigest: credentialDigest({ n: 50_001 }) } },
      { ...proof, auditPath: [Buffer.alloc(32).toString('base64'), ...proof.auditPath.slice(1)] },
    ]
    for (const changed of tampered) expect((await checkInclusionProof(changed, platformDid)).valid).toBe(false)
  })

  test('the log is append-only in the database', async () => {
    await appendSynthetic(1, 60_000)
    await expect(prisma.transparencyLogEntry.deleteMany({})).rejects.toThrow(/append-only/)
    await expect(prisma.transparencyLogNode.updateMany({ data: { hash: new Uint8Array(32) } })).rejects.toThrow(/append-only/)
  })

  test('credentials issued before the log existed are backfilled, revocations included', async () => {
    const { id, document } = await issue('course:older')
    await prisma.$transaction((tx) => revokeInTx(tx, id, 'old', null))
    // A credential written without the log, as before the log existed.
    const row = await prisma.issuedCredential.findUniqueOrThrow({ where: { id }, select: { credentialId: true } })
    const older = await prisma.issuedCredential.create({
      data: {
        ...(await prisma.issuedCredential.findUniqueOrThrow({
          where: { id },
          select: { issuerId: true, keyId: true, kind: true, statusListId: true, validFrom: true, revokedAt: true },
        })),
        credentialId: `${row.credentialId}-older`,
        statusIndex: 100_000,
        document: { ...document, id: `${row.credentialId}-older` },
      },
      select: { credentialId: true },
    })
    expect(await backfillLog()).toBe(1)
    expect(await backfillLog()).toBe(0)
    const logged = await prisma.transparencyLogEntry.findMany({
      where: { credentialId: older.credentialId },
      orderBy: { leafIndex: 'asc' },
      select: { event: true },
    })
    expect(logged.map((l) => l.event)).toEqual(['issued', 'revoked'])
  })

  test('the verify page shows the inclusion proof and that it checks', async () => {
    const { document } = await issue('course:page')
    let view = await verificationView(document, 'en')
    expect(view.log).toMatchObject([{ event: 'issued', proof: null }])
    await signTreeHead()
    view = await verificationView(document, 'en')
    expect(view.verified).toBe(true)
    expect(view.log[0]?.proof).toMatchObject({ valid: true, signerIsPlatform: true, signedBy: platformDid })
    expect(view.log[0]?.proof?.auditPath.length).toBeGreaterThan(0)
  })
})
