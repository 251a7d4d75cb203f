// Revocation with W3C Bitstring Status List 1.0. Every credential gets an entry in a list
// of its signing key; the list is served as a signed BitstringStatusListCredential at
// GET /api/vc/credentials/status/{listId}, re-signed after a revocation, cached in between.
import { checkStatus as checkBitstringStatus, createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { CREDENTIALS_V2, documentLoaderWith } from './contexts.server.ts'
import { signerForKey } from './issuers.server.ts'
import { signCredential, verifyingSuite } from './proofs.server.ts'

/** The specification's minimum list length, for group privacy (131,072 entries = 16 KiB). */
export const STATUS_LIST_SIZE = 131_072
const STATUS_PATH = '/api/vc/credentials/status/'

type JsonObject = Record<string, unknown>

/** The public origin written into credentials (status list URLs, links). */
export function publicOrigin() {
  return env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
}

export function statusListUrl(listId: string) {
  return `${publicOrigin()}${STATUS_PATH}${listId}`
}

/** The list id in one of our status list URLs (any origin: the issuer's signature decides trust). */
export function statusListIdOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (!parsed.pathname.startsWith(STATUS_PATH)) return null
    const id = parsed.pathname.slice(STATUS_PATH.length)
    return /^[a-z0-9]{20,40}$/.test(id) ? id : null
  } catch {
    return null
  }
}

function statusEntry(listId: string, index: number) {
  const url = statusListUrl(listId)
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: url,
  }
}

/**
 * Hands out the next `count` free indexes of the key's lists (a new list when one is full).
 * A list row is locked until the caller's transaction ends, so indexes are never shared;
 * an index handed out but never used stays 0, which is harmless.
 */
export async function allocateStatusEntries(tx: Tx, issuerId: string, keyId: string, count: number) {
  const entries: Array<{ listId: string; index: number; entry: ReturnType<typeof statusEntry> }> = []
  while (entries.length < count) {
    const [open] = await tx.$queryRaw<Array<{ id: string; nextIndex: number; size: number }>>`
      SELECT id, "nextIndex", size FROM "CredentialStatusList"
      WHERE "keyId" = ${keyId} AND "nextIndex" < size
      ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`
    const list =
      open ?? (await tx.credentialStatusList.create({ data: { issuerId, keyId, size: STATUS_LIST_SIZE }, select: { id: true, nextIndex: true, size: true } }))
    const take = Math.min(count - entries.length, list.size - list.nextIndex)
    await tx.credentialStatusList.update({ where: { id: list.id }, data: { nextIndex: { increment: take } }, select: { id: true } })
    for (let index = list.nextIndex; index < list.nextIndex + take; index++) entries.push({ listId: list.id, index, entry: statusEntry(list.id, index) })
  }
  return entries
}

export async function allocateStatusEntry(tx: Tx, issuerId: string, keyId: string) {
  const [entry] = await allocateStatusEntries(tx, issuerId, keyId, 1)
  if (!entry) throw new Error('no status index allocated')
  return entry
}

/** Forgets the signed list so the next read signs the current revocations. */
export async function invalidateStatusList(tx: Tx, listId: string) {
  await tx.credentialStatusList.update({ where: { id: listId }, data: { signedCredential: Prisma.DbNull }, select: { id: true } })
}

/** The signed BitstringStatusListCredential of a list, or null for an unknown list. */
export async function signedStatusList(listId: string): Promise<JsonObject | null> {
  const list = await prisma.credentialStatusList.findUnique({
    where: { id: listId },
    select: { id: true, keyId: true, size: true, signedCredential: true, updatedAt: true },
  })
  if (!list) return null
  if (list.signedCredential) return list.signedCredential as JsonObject
  const revoked = await prisma.issuedCredential.findMany({ where: { statusListId: listId, revokedAt: { not: null } }, select: { statusIndex: true } })
  const bits = await createList({ length: list.size })
  for (const { statusIndex } of revoked) bits.setStatus(statusIndex, true)
  const unsigned = await createCredential({ id: statusListUrl(listId), list: bits, statusPurpose: 'revocation' })
  const signer = await signerForKey(list.keyId)
  const credential = await signCredential(signer, {
    ...unsigned,
    '@context': [CREDENTIALS_V2],
    issuer: signer.did,
    validFrom: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  })
  // Cache only if no revocation arrived while signing (it would have cleared the cache).
  await prisma.credentialStatusList.updateMany({
    where: { id: listId, updatedAt: list.updatedAt },
    data: { signedCredential: credential as Prisma.InputJsonValue },
  })
  return credential
}

/** A document loader that serves our own status lists from the database and nothing else new. */
export const statusListLoader = documentLoaderWith(async (url) => {
  const listId = statusListIdOf(url)
  return listId ? ((await signedStatusList(listId)) ?? undefined) : undefined
})

export type StatusCheck = { checked: boolean; revoked: boolean; error?: string }

/**
 * The revocation status of a credential from its BitstringStatusListEntry. Only our own
 * lists are read; a list elsewhere is reported unchecked, never fetched.
 */
export async function credentialStatus(credential: JsonObject): Promise<StatusCheck> {
  // Our lists come from our own database, signed by us: re-verifying our signature would
  // prove nothing and cost a canonicalisation per check. The issuers must still match.
  const result = await checkBitstringStatus({
    credential,
    documentLoader: statusListLoader,
    suite: verifyingSuite(),
    verifyMatchingIssuers: true,
    verifyBitstringStatusListCredential: false,
  })
  if (!result.verified) return { checked: false, revoked: false, error: result.error?.message ?? 'status list could not be checked' }
  const revoked = (result.results ?? []).some((r) => r.status === true)
  return { checked: true, revoked }
}
