// A student's own credentials ("My credentials"): the list, one credential, and share
// links that open /verify with it. A link's token is an HMAC of its row id under the
// session secret: unguessable, shown again whenever the student looks (and printed on the
// certificate's QR code), and only its hash is stored, so the table alone opens nothing.
import { createHmac, randomUUID } from 'node:crypto'
import { prisma } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { sha256Hex } from '#app/lib/hash.server.ts'
import QRCode from 'qrcode'
import type { Locale } from '#app/i18n/locale.ts'
import { myExternalCredentials } from './external.server.ts'
import { localText } from './report-view.server.ts'
import { publicOrigin } from './status-list.server.ts'
import { isObject } from './validate.server.ts'

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
  return prisma.issuedCredential.findMany({
    where: { studentId },
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: walletSelect,
  })
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
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.revokedAt ? ('revoked' as const) : ('active' as const),
      verifiableCredential: row.document as JsonObject,
    }))
}

function shareToken(shareId: string) {
  return createHmac('sha256', env.SESSION_SECRET).update(`credential-share:${shareId}`).digest('hex').slice(0, 40)
}

export function shareUrl(shareId: string) {
  return `${publicOrigin()}/verify?share=${shareToken(shareId)}`
}

/** Makes a share link; returns its row id (the URL is `shareUrl(id)`). */
export async function createShareLink(studentId: string, credentialId: string) {
  const credential = await prisma.issuedCredential.findFirst({ where: { id: credentialId, studentId, revokedAt: null }, select: { id: true } })
  if (!credential) throw notFound()
  const id = randomUUID()
  await prisma.credentialShare.create({ data: { id, credentialId, tokenHash: sha256Hex(shareToken(id)) }, select: { id: true } })
  return id
}

/** The newest live share link of a credential, made when there is none (the certificate's QR code). */
export async function certificateShareUrl(studentId: string, credentialId: string) {
  const existing = await prisma.credentialShare.findFirst({
    where: { credentialId, revokedAt: null, credential: { studentId } },
    orderBy: { createdAt: 'desc' },
    select: { id: true },
  })
  return shareUrl(existing?.id ?? (await createShareLink(studentId, credentialId)))
}

export async function revokeShareLink(studentId: string, shareId: string) {
  const result = await prisma.credentialShare.updateMany({
    where: { id: shareId, revokedAt: null, credential: { studentId } },
    data: { revokedAt: new Date() },
  })
  if (result.count === 0) throw notFound()
}

/** The credential a live share link points at, or null (unknown or revoked link). */
export async function sharedCredential(token: string): Promise<JsonObject | null> {
  if (!/^[0-9a-f]{40}$/.test(token)) return null
  const share = await prisma.credentialShare.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { revokedAt: true, credential: { select: { document: true } } },
  })
  if (!share || share.revokedAt) return null
  return share.credential.document as JsonObject
}

/** The printable certificate: what the credential says, and a QR code of a live share link. */
export async function certificateOf(studentId: string, id: string, locale: Locale) {
  const credential = await studentCredential(studentId, id)
  const document = credential.document as JsonObject
  const url = credential.revokedAt ? null : await certificateShareUrl(studentId, id)
  const svg = url ? await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }) : null
  const subject = isObject(document.credentialSubject) ? document.credentialSubject : {}
  const achievement = isObject(subject.achievement) ? subject.achievement : {}
  const name = Array.isArray(subject.identifier) ? subject.identifier.find((i) => isObject(i) && i.identityType === 'name') : null
  return {
    kind: credential.kind,
    credentialId: credential.credentialId,
    revokedAt: credential.revokedAt,
    holder: isObject(name) && typeof name.identityHash === 'string' ? name.identityHash : '',
    title: { zh: localText(achievement.name, 'zh-CN') ?? '', en: localText(achievement.name, 'en') ?? '' },
    description: localText(achievement.description, locale) ?? '',
    result: Array.isArray(subject.result) ? subject.result.map((r) => (isObject(r) ? String(r.value ?? '') : '')).join(', ') : '',
    issuer: {
      zh: credential.issuer.nameZh,
      en: credential.issuer.nameEn,
      did: isObject(document.issuer) ? String(document.issuer.id) : String(document.issuer),
    },
    validFrom: credential.validFrom,
    shareUrl: url,
    qrDataUrl: svg ? `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` : null,
  }
}

/** The "My credentials" page: each credential's title in the reader's language and its live share links. */
export async function myCredentials(studentId: string, locale: Locale) {
  const rows = await studentCredentials(studentId)
  return rows.map((row) => {
    const document = row.document as JsonObject
    return {
      id: row.id,
      kind: row.kind,
      title: localText(document.name, locale) ?? row.credentialId,
      issuer: row.issuer,
      issuedOn: row.validFrom.toISOString().slice(0, 10),
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revocationReason: row.revocationReason,
      shares: row.shares.map((share) => ({ id: share.id, url: shareUrl(share.id) })),
    }
  })
}

/** The "My credentials" page: what Lianqiao issued the student, and what they imported. */
export async function credentialsPage(studentId: string, locale: Locale) {
  const [credentials, imported] = await Promise.all([myCredentials(studentId, locale), myExternalCredentials(studentId, locale)])
  return { credentials, imported }
}

/** The signed credential as a file, for the student's own download. */
export async function credentialFile(studentId: string, id: string) {
  const credential = await studentCredential(studentId, id)
  return { filename: `lianqiao-${credential.kind}-${credential.id}.json`, body: JSON.stringify(credential.document, null, 2) }
}
