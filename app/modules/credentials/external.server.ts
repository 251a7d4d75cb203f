// Credentials from issuers outside Lianqiao. An admin keeps a list of trusted external
// issuers (did:key only: they resolve offline, so nothing is fetched). A student imports a
// credential they hold; it is checked by the same verification /verify and the VC-API use,
// and stored only if it verifies. It counts as verified evidence in matching while its
// issuer's DID is on the trusted list; otherwise it is shown as from an unrecognised issuer.
// docs/decisions/034-external-credentials.md
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { conflict, notFound, tooMany, unprocessable } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { resolvesDidKey } from './contexts.server.ts'
import { issuerForDid } from './issuers.server.ts'
import { localText, reportView } from './report-view.server.ts'
import type { trustIssuerSchema } from './schemas.ts'
import { isObject } from './validate.server.ts'
import { verifyCredentialReport } from './verify.server.ts'

type JsonObject = Record<string, unknown>

/**
 * The level an imported credential shows its aligned skills at. Alignments name a skill but
 * no level; this is the middle of the 1–5 scale, the level a completed course usually teaches.
 */
export const EXTERNAL_CREDENTIAL_LEVEL = 3

// ─── The trusted list (admins) ───────────────────────────────────────────────

function assertAdmin(actor: SessionUser) {
  if (!hasRole(actor, 'admin')) throw notFound()
}

export async function trustedExternalIssuers(actor: SessionUser) {
  assertAdmin(actor)
  return prisma.trustedExternalIssuer.findMany({
    orderBy: { createdAt: 'desc' },
    select: { id: true, did: true, nameZh: true, nameEn: true, kind: true, note: true, createdAt: true, _count: { select: { credentials: true } } },
  })
}

/** Trusts a DID; credentials of it that students already imported count from now on. */
export async function trustExternalIssuer(actor: SessionUser, input: z.output<typeof trustIssuerSchema>) {
  assertAdmin(actor)
  if (!(await resolvesDidKey(input.did))) throw unprocessable('trustedIssuers.didUnresolvable', [{ path: 'did', key: 'trustedIssuers.didUnresolvable' }])
  if (await issuerForDid(input.did)) throw unprocessable('trustedIssuers.didLianqiao', [{ path: 'did', key: 'trustedIssuers.didLianqiao' }])
  return prisma.$transaction(async (tx) => {
    const taken = await tx.trustedExternalIssuer.findUnique({ where: { did: input.did }, select: { id: true } })
    if (taken) throw unprocessable('trustedIssuers.didTaken', [{ path: 'did', key: 'trustedIssuers.didTaken' }])
    const issuer = await tx.trustedExternalIssuer.create({ data: input, select: { id: true } })
    // The row change logs a MatchChange for each student holding one (migration trigger).
    const credentials = await tx.externalCredential.updateMany({ where: { issuerDid: input.did }, data: { trustedIssuerId: issuer.id } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'external-issuer.trust',
      entity: 'trusted-external-issuer',
      entityId: issuer.id,
      data: { ...input, credentials: credentials.count },
    })
    return issuer
  })
}

/** Takes a DID off the list; its imported credentials stay, shown as from an unrecognised issuer. */
export async function distrustExternalIssuer(actor: SessionUser, issuerId: string) {
  assertAdmin(actor)
  await prisma.$transaction(async (tx) => {
    const issuer = await tx.trustedExternalIssuer.findUnique({ where: { id: issuerId }, select: { id: true, did: true, nameZh: true, nameEn: true } })
    if (!issuer) throw notFound()
    // Cleared explicitly (not by the foreign key's SET NULL) so the MatchChange trigger sees it.
    const credentials = await tx.externalCredential.updateMany({ where: { trustedIssuerId: issuer.id }, data: { trustedIssuerId: null } })
    await tx.trustedExternalIssuer.delete({ where: { id: issuer.id }, select: { id: true } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'external-issuer.distrust',
      entity: 'trusted-external-issuer',
      entityId: issuer.id,
      data: { did: issuer.did, nameZh: issuer.nameZh, nameEn: issuer.nameEn, credentials: credentials.count },
    })
  })
}

// ─── A student's imports ─────────────────────────────────────────────────────

/** JSON with its object keys sorted: the same credential, however it was spaced or ordered. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function subjectsOf(credential: JsonObject): JsonObject[] {
  const subject = credential.credentialSubject
  return (Array.isArray(subject) ? subject : [subject]).filter(isObject)
}

/**
 * Whether the credential names an e-mail address (an Open Badges identifier, in clear or
 * salted-hashed) and none of them is the student's. Students have no DIDs, so the e-mail is
 * the one binding to the holder a credential may carry; one naming none is accepted.
 */
function namesAnotherHolder(credential: JsonObject, email: string) {
  const identifiers = subjectsOf(credential).flatMap((s) => (Array.isArray(s.identifier) ? s.identifier.filter(isObject) : []))
  const emails = identifiers.filter((i) => i.identityType === 'emailAddress' && typeof i.identityHash === 'string')
  if (emails.length === 0) return false
  const mine = email.toLowerCase()
  return !emails.some((i) => {
    const value = String(i.identityHash)
    if (i.hashed !== true) return value.toLowerCase() === mine
    const salt = typeof i.salt === 'string' ? i.salt : ''
    const [algorithm, digest] = value.includes('$') ? value.split('$', 2) : ['sha256', value]
    if (algorithm !== 'sha256' || !digest) return false
    return [email, mine].some((candidate) => createHash('sha256').update(`${candidate}${salt}`).digest('hex') === digest.toLowerCase())
  })
}

/** Open Badges alignments (achievement.alignment): codes and names to find Lianqiao skills by. */
function alignmentsOf(credential: JsonObject) {
  const codes = new Set<string>()
  const names = new Set<string>()
  for (const subject of subjectsOf(credential)) {
    const achievement = isObject(subject.achievement) ? subject.achievement : null
    const alignments = achievement && Array.isArray(achievement.alignment) ? achievement.alignment.filter(isObject) : []
    for (const alignment of alignments) {
      if (typeof alignment.targetCode === 'string' && alignment.targetCode.trim()) codes.add(alignment.targetCode.trim().toLowerCase())
      if (typeof alignment.targetName === 'string') {
        // Lianqiao writes bilingual names as "中文 / English".
        for (const part of alignment.targetName.split(' / ')) if (part.trim()) names.add(part.trim())
      }
    }
  }
  return { codes: [...codes].slice(0, 50), names: [...names].slice(0, 50) }
}

async function alignedSkillIds(tx: Tx, credential: JsonObject) {
  const { codes, names } = alignmentsOf(credential)
  if (codes.length === 0 && names.length === 0) return []
  const skills = await tx.skill.findMany({
    where: {
      OR: [{ key: { in: codes } }, { nameEn: { in: names, mode: 'insensitive' } }, { nameZh: { in: names } }, { aliases: { hasSome: names } }],
    },
    select: { id: true },
  })
  return skills.map((s) => s.id)
}

function dateOrNull(value: string | null) {
  const time = value ? Date.parse(value) : NaN
  return Number.isNaN(time) ? null : new Date(time)
}

export type ImportOutcome =
  | { outcome: 'imported' | 'alreadyImported'; id: string; trusted: boolean }
  /** Not stored: the failing checks, in the reader's language. */
  | { outcome: 'refused'; checks: Array<{ label: string; reasons: string[] }> }

/**
 * Imports a credential the student holds. It must verify (the /verify checks); a Lianqiao
 * credential, a presentation, or one naming another person's e-mail is refused, and so is
 * one another account imported. The same credential again is the same record.
 */
export async function importExternalCredential(actor: SessionUser, input: unknown, locale: Locale): Promise<ImportOutcome> {
  const studentId = actor.studentProfileId
  if (!hasRole(actor, 'student') || !studentId) throw notFound()
  if (isObject(input) && Array.isArray(input.type) && input.type.includes('VerifiablePresentation')) {
    throw unprocessable('externalCredentials.presentation', [{ path: 'json', key: 'externalCredentials.presentation' }])
  }
  const report = await verifyCredentialReport(input)
  if (!report.verified || !report.credential || !report.issuer.id) {
    const checks = reportView(report, locale).checks.filter((c) => c.outcome === 'failed')
    return { outcome: 'refused', checks: checks.map((c) => ({ label: c.label, reasons: c.reasons })) }
  }
  if (report.issuer.registered) throw unprocessable('externalCredentials.lianqiaoIssuer', [{ path: 'json', key: 'externalCredentials.lianqiaoIssuer' }])
  const credential = report.credential
  if (namesAnotherHolder(credential, actor.email)) {
    throw unprocessable('externalCredentials.otherHolder', [{ path: 'json', key: 'externalCredentials.otherHolder' }])
  }
  const issuerDid = report.issuer.id
  const digest = createHash('sha256').update(canonicalJson(credential)).digest('hex')
  return prisma.$transaction(async (tx) => {
    const existing = await tx.externalCredential.findUnique({ where: { digest }, select: { id: true, studentId: true, trustedIssuerId: true } })
    if (existing && existing.studentId !== studentId) throw conflict('externalCredentials.takenByOther')
    if (existing) return { outcome: 'alreadyImported' as const, id: existing.id, trusted: existing.trustedIssuerId !== null }
    const count = await tx.externalCredential.count({ where: { studentId } })
    if (count >= listCaps.externalCredentialsPerStudent) throw tooMany(listCaps.externalCredentialsPerStudent, 'json')
    const trusted = await tx.trustedExternalIssuer.findUnique({ where: { did: issuerDid }, select: { id: true } })
    const skillIds = await alignedSkillIds(tx, credential)
    const row = await tx.externalCredential.create({
      data: {
        studentId,
        digest,
        issuerDid,
        trustedIssuerId: trusted?.id ?? null,
        document: credential as object,
        validFrom: dateOrNull(report.validity.from),
        validUntil: dateOrNull(report.validity.until),
        skills: { create: skillIds.map((skillId) => ({ skillId, studentId, level: EXTERNAL_CREDENTIAL_LEVEL })) },
      },
      select: { id: true },
    })
    return { outcome: 'imported' as const, id: row.id, trusted: trusted !== null }
  })
}

export async function removeExternalCredential(actor: SessionUser, id: string) {
  const studentId = actor.studentProfileId
  if (!studentId) throw notFound()
  const removed = await prisma.externalCredential.deleteMany({ where: { id, studentId } })
  if (removed.count === 0) throw notFound()
}

/** The student's imported credentials as "My credentials" shows them. */
export async function myExternalCredentials(studentId: string, locale: Locale, now = new Date()) {
  const rows = await prisma.externalCredential.findMany({
    where: { studentId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      issuerDid: true,
      document: true,
      validFrom: true,
      validUntil: true,
      trustedIssuer: { select: { nameZh: true, nameEn: true } },
      skills: { select: { skill: { select: { key: true, nameZh: true, nameEn: true } } } },
    },
  })
  return rows.map((row) => {
    const document = row.document as JsonObject
    const subject = subjectsOf(document)[0]
    const achievement = subject && isObject(subject.achievement) ? subject.achievement : null
    const issuer = document.issuer
    return {
      id: row.id,
      title: localText(achievement?.name ?? document.name, locale),
      trusted: row.trustedIssuer !== null,
      trustedName: row.trustedIssuer ? (locale === 'en' ? row.trustedIssuer.nameEn : row.trustedIssuer.nameZh) : null,
      /** What the credential calls its issuer: shown only as its own claim. */
      claimedName: isObject(issuer) ? localText(issuer.name, locale) : null,
      issuerDid: row.issuerDid,
      validFrom: row.validFrom?.toISOString().slice(0, 10) ?? null,
      expired: row.validUntil !== null && row.validUntil < now,
      skills: row.skills.map((s) => (locale === 'en' ? (s.skill.nameEn ?? s.skill.nameZh) : (s.skill.nameZh ?? s.skill.nameEn)) ?? s.skill.key),
    }
  })
}
