// Credential issuers and their Ed25519 keys. Each institution (the platform, a university,
// a verified company, the event organizer) signs with its own did:key. Private keys are
// encrypted at rest with CREDENTIALS_KEY and only ever used here, in the server process.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { notFound, UserFacingError } from '#app/lib/errors.server.ts'
import type { CredentialIssuerKind } from '#app/generated/prisma/client.ts'

export type IssuerKind = CredentialIssuerKind

const PLATFORM = { key: 'platform', nameZh: '链桥平台', nameEn: 'Lianqiao platform' }
const ORGANIZER = { key: 'organizer', nameZh: '链桥活动主办方', nameEn: 'Lianqiao event organizer' }

// ─── Encryption at rest ──────────────────────────────────────────────────────

const CIPHER_VERSION = 'v1'

function encryptSecret(secret: string) {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', env.credentialsKey, iv)
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return [CIPHER_VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.')
}

function decryptSecret(stored: string) {
  const [version, iv, tag, sealed] = stored.split('.')
  if (version !== CIPHER_VERSION || !iv || !tag || !sealed) throw new Error('credential key secret: unknown format')
  const decipher = createDecipheriv('aes-256-gcm', env.credentialsKey, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new Error('credential key secret cannot be decrypted: CREDENTIALS_KEY differs from the one it was sealed with')
  }
}

// ─── Keys ────────────────────────────────────────────────────────────────────

export function didFor(publicKeyMultibase: string) {
  return `did:key:${publicKeyMultibase}`
}

export function verificationMethodFor(publicKeyMultibase: string) {
  return `${didFor(publicKeyMultibase)}#${publicKeyMultibase}`
}

async function createKey(tx: Tx, issuerId: string) {
  const generated = await Ed25519Multikey.generate()
  const exported = await generated.export({ publicKey: true, secretKey: true })
  if (!exported.secretKeyMultibase) throw new Error('Ed25519 key export lacks the secret key')
  return tx.credentialIssuerKey.create({
    data: {
      issuerId,
      did: didFor(exported.publicKeyMultibase),
      publicKeyMultibase: exported.publicKeyMultibase,
      secret: { create: { encryptedSecret: encryptSecret(exported.secretKeyMultibase) } },
    },
    select: { id: true, did: true, publicKeyMultibase: true },
  })
}

export type IssuerSigner = { issuerId: string; keyId: string; did: string; verificationMethod: string; keyPair: Ed25519KeyPair }

// Decrypted key pairs of this process, by key id (a key never changes once written).
const keyPairs = new Map<string, Ed25519KeyPair>()

async function keyPairFor(key: { id: string; publicKeyMultibase: string }) {
  const known = keyPairs.get(key.id)
  if (known) return known
  const secret = await prisma.credentialIssuerKeySecret.findUniqueOrThrow({ where: { keyId: key.id }, select: { encryptedSecret: true } })
  const keyPair = await Ed25519Multikey.from({
    id: verificationMethodFor(key.publicKeyMultibase),
    controller: didFor(key.publicKeyMultibase),
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: decryptSecret(secret.encryptedSecret),
  })
  keyPairs.set(key.id, keyPair)
  return keyPair
}

/** The issuer's current key, created on first use. */
export async function issuerSigner(issuerId: string): Promise<IssuerSigner> {
  let key = await prisma.credentialIssuerKey.findFirst({
    where: { issuerId, retiredAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, did: true, publicKeyMultibase: true },
  })
  if (!key) {
    // Serialised per issuer so two first issuances do not make two keys.
    key = await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "CredentialIssuer" WHERE id = ${issuerId} FOR UPDATE`
      const existing = await tx.credentialIssuerKey.findFirst({
        where: { issuerId, retiredAt: null },
        select: { id: true, did: true, publicKeyMultibase: true },
      })
      return existing ?? createKey(tx, issuerId)
    })
  }
  return toSigner(issuerId, key)
}

async function toSigner(issuerId: string, key: { id: string; did: string; publicKeyMultibase: string }): Promise<IssuerSigner> {
  return { issuerId, keyId: key.id, did: key.did, verificationMethod: verificationMethodFor(key.publicKeyMultibase), keyPair: await keyPairFor(key) }
}

/** A given key's signer, retired or not (a retired key still signs its status lists). */
export async function signerForKey(keyId: string): Promise<IssuerSigner> {
  const key = await prisma.credentialIssuerKey.findUniqueOrThrow({
    where: { id: keyId },
    select: { id: true, issuerId: true, did: true, publicKeyMultibase: true },
  })
  return toSigner(key.issuerId, key)
}

/**
 * Retires the issuer's current key and makes a new one. The retired key stays in the
 * registry, so every credential it signed still verifies and is still attributed.
 */
export async function rotateIssuerKey(issuerId: string) {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "CredentialIssuer" WHERE id = ${issuerId} FOR UPDATE`
    await tx.credentialIssuerKey.updateMany({ where: { issuerId, retiredAt: null }, data: { retiredAt: new Date() } })
    return createKey(tx, issuerId)
  })
}

// ─── Issuers ─────────────────────────────────────────────────────────────────

const issuerSelect = { id: true, kind: true, nameZh: true, nameEn: true, universityId: true, companyId: true } as const

async function upsertIssuer(data: { institutionKey: string; kind: IssuerKind; nameZh: string; nameEn: string; universityId?: string; companyId?: string }) {
  return prisma.credentialIssuer.upsert({
    where: { institutionKey: data.institutionKey },
    create: data,
    // Names follow the institution's; the DIDs stay.
    update: { nameZh: data.nameZh, nameEn: data.nameEn },
    select: issuerSelect,
  })
}

export function platformIssuer() {
  return upsertIssuer({ institutionKey: PLATFORM.key, kind: 'platform', nameZh: PLATFORM.nameZh, nameEn: PLATFORM.nameEn })
}

export function organizerIssuer() {
  return upsertIssuer({ institutionKey: ORGANIZER.key, kind: 'organizer', nameZh: ORGANIZER.nameZh, nameEn: ORGANIZER.nameEn })
}

export async function universityIssuer(universityId: string) {
  const university = await prisma.university.findUnique({ where: { id: universityId }, select: { nameZh: true, nameEn: true } })
  if (!university) throw notFound()
  const nameZh = university.nameZh ?? university.nameEn ?? universityId
  return upsertIssuer({ institutionKey: `university:${universityId}`, kind: 'university', nameZh, nameEn: university.nameEn ?? nameZh, universityId })
}

/** Only a company an admin has verified issues credentials. */
export async function companyIssuer(companyId: string) {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { nameZh: true, nameEn: true, verifiedAt: true } })
  if (!company) throw notFound()
  if (!company.verifiedAt) throw new UserFacingError(403, 'credentials.companyNotVerified')
  const nameZh = company.nameZh ?? company.nameEn ?? companyId
  return upsertIssuer({ institutionKey: `company:${companyId}`, kind: 'company', nameZh, nameEn: company.nameEn ?? nameZh, companyId })
}

export type IssuerSummary = { id: string; kind: IssuerKind; nameZh: string; nameEn: string; universityId: string | null; companyId: string | null }

/** The issuer a DID belongs to (any of its keys, retired ones included), or null. */
export async function issuerForDid(did: string): Promise<(IssuerSummary & { keyRetiredAt: Date | null }) | null> {
  const key = await prisma.credentialIssuerKey.findUnique({ where: { did }, select: { retiredAt: true, issuer: { select: issuerSelect } } })
  return key ? { ...key.issuer, keyRetiredAt: key.retiredAt } : null
}

/** The public registry: each issuer with its DIDs, newest first (the first is current). */
export async function issuerRegistry() {
  const issuers = await prisma.credentialIssuer.findMany({
    where: { keys: { some: {} } },
    orderBy: [{ kind: 'asc' }, { createdAt: 'asc' }],
    select: { ...issuerSelect, keys: { orderBy: { createdAt: 'desc' }, select: { did: true, retiredAt: true, createdAt: true } } },
  })
  return issuers.map((issuer) => ({
    issuerId: issuer.id,
    id: issuer.keys.find((k) => !k.retiredAt)?.did ?? issuer.keys[0]?.did ?? '',
    name: { zh: issuer.nameZh, en: issuer.nameEn },
    kind: issuer.kind,
    dids: issuer.keys.map((k) => k.did),
    keys: issuer.keys,
    universityId: issuer.universityId,
    companyId: issuer.companyId,
  }))
}

export async function issuerPage(issuerId: string) {
  const registry = await issuerRegistry()
  return registry.find((issuer) => issuer.issuerId === issuerId) ?? null
}
