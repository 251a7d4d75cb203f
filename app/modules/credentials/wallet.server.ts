// A student's own credentials ("My credentials"): the list, one credential, and share
// links that open /verify with it. A share link's token is random; only its hash is kept.
import { prisma } from '#app/lib/db.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { randomToken, sha256Hex } from '#app/lib/hash.server.ts'

type JsonObject = Record<string, unknown>

const walletSelect = {
  id: true,
  kind: true,
  credentialId: true,
  document: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
  revocationReason: true,
  createdAt: true,
  issuer: { select: { id: true, kind: true, nameZh: true, nameEn: true } },
  shares: { where: { revokedAt: null }, orderBy: { createdAt: 'desc' as const }, select: { id: true, createdAt: true } },
} as const

export async function studentCredentials(studentId: string) {
  return prisma.issuedCredential.findMany({ where: { studentId }, orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }], select: walletSelect })
}

/** One of the student's credentials; anyone else's is a 404. */
export async function studentCredential(studentId: string, id: string) {
  const credential = await prisma.issuedCredential.findFirst({ where: { id, studentId }, select: walletSelect })
  if (!credential) throw notFound()
  return credential
}

/** GET /api/v1/students/me/credentials */
export async function studentCredentialsForApi(studentId: string) {
  const rows = await studentCredentials(studentId)
  return rows
    .filter((row) => row.kind !== 'api')
    .map((row) => ({ id: row.id, kind: row.kind, status: row.revokedAt ? ('revoked' as const) : ('active' as const), verifiableCredential: row.document as JsonObject }))
}

/** Makes a share link token (shown once in the URL; the hash is stored). */
export async function createShareLink(studentId: string, credentialId: string) {
  const credential = await prisma.issuedCredential.findFirst({ where: { id: credentialId, studentId, revokedAt: null }, select: { id: true } })
  if (!credential) throw notFound()
  const token = randomToken(20)
  await prisma.credentialShare.create({ data: { credentialId, tokenHash: sha256Hex(token) }, select: { id: true } })
  return token
}

export async function revokeShareLink(studentId: string, shareId: string) {
  const result = await prisma.credentialShare.updateMany({ where: { id: shareId, revokedAt: null, credential: { studentId } }, data: { revokedAt: new Date() } })
  if (result.count === 0) throw notFound()
}

/** The credential a live share link points at, or null (unknown or revoked link). */
export async function sharedCredential(token: string): Promise<JsonObject | null> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null
  const share = await prisma.credentialShare.findUnique({ where: { tokenHash: sha256Hex(token) }, select: { revokedAt: true, credential: { select: { document: true } } } })
  if (!share || share.revokedAt) return null
  return share.credential.document as JsonObject
}
