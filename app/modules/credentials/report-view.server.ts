// What the verify page shows of a verification: plain strings in the reader's language,
// read from the credential (bilingual language values) and the report's checks, and the
// credential's place in the transparency log with its inclusion proof.
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { logEventsForDocument, type LoggedEvent } from './transparency-log.server.ts'
import { isObject } from './validate.server.ts'
import { verifyCredentialReport, type CredentialReport } from './verify.server.ts'

type JsonObject = Record<string, unknown>

/** A VC 2.0 text value (a string, a language value object or a list of them) in the reader's language. */
export function localText(value: unknown, locale: Locale): string | null {
  if (typeof value === 'string') return value
  const values = (Array.isArray(value) ? value : [value]).filter(isObject)
  if (values.length === 0) return null
  const wanted = locale === 'en' ? 'en' : 'zh'
  const chosen = values.find((v) => typeof v['@language'] === 'string' && v['@language'].toLowerCase().startsWith(wanted)) ?? values[0]
  return typeof chosen?.['@value'] === 'string' ? chosen['@value'] : null
}

function subjectName(subject: unknown): string | null {
  const first = Array.isArray(subject) ? subject[0] : subject
  if (!isObject(first)) return null
  const identifiers = Array.isArray(first.identifier) ? first.identifier.filter(isObject) : []
  const named = identifiers.find((i) => i.identityType === 'name' && i.hashed === false)
  if (typeof named?.identityHash === 'string') return named.identityHash
  return typeof first.name === 'string' ? first.name : typeof first.id === 'string' ? first.id : null
}

function achievementOf(credential: JsonObject, locale: Locale) {
  const subject = Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject
  const achievement = isObject(subject) && isObject(subject.achievement) ? subject.achievement : null
  const results = isObject(subject) && Array.isArray(subject.result) ? subject.result.filter(isObject) : []
  const skills =
    achievement && Array.isArray(achievement.alignment) ? achievement.alignment.filter(isObject).map((a) => String(a.targetName ?? a.targetCode ?? '')) : []
  return {
    name: localText(achievement?.name ?? credential.name, locale),
    description: localText(achievement?.description ?? credential.description, locale),
    criteria: achievement && isObject(achievement.criteria) ? localText(achievement.criteria.narrative, locale) : null,
    type: typeof achievement?.achievementType === 'string' ? achievement.achievementType : null,
    result:
      results
        .map((r) => String(r.value ?? ''))
        .filter(Boolean)
        .join(', ') || null,
    skills,
  }
}

export function reportView(report: CredentialReport, locale: Locale) {
  const credential = report.credential ?? {}
  const proof = report.checks.find((c) => c.name === 'proof')
  const registered = report.issuer.registered
  return {
    verified: report.verified,
    signature: proof ? proof.outcome === 'passed' : null,
    issuer: {
      did: report.issuer.id,
      name: registered ? (locale === 'en' ? registered.nameEn : registered.nameZh) : null,
      issuerId: registered?.id ?? null,
      kind: registered?.kind ?? null,
      credentialName: isObject(credential.issuer) ? localText(credential.issuer.name, locale) : null,
    },
    subject: subjectName(credential.credentialSubject),
    achievement: achievementOf(credential, locale),
    validity: report.validity,
    status: report.status
      ? {
          state: !report.status.checked ? ('unchecked' as const) : report.status.revoked ? ('revoked' as const) : ('active' as const),
          revokedAt: report.status.revokedAt?.toISOString() ?? null,
          reason: report.status.reason,
        }
      : { state: 'none' as const, revokedAt: null, reason: null },
    checks: report.checks.map((check) => ({
      name: check.name,
      label: translate(locale, `credentials.check.${check.name}` as const),
      outcome: check.outcome,
      reasons: check.reasons.map((r) => `${r.path ? `${r.path}: ` : ''}${translate(locale, r.key, r.params)}`),
    })),
  }
}

function logView(events: LoggedEvent[]) {
  return events.map(({ entry, leafIndex, proof, check }) => ({
    event: entry.event,
    leafIndex,
    time: entry.time,
    proof:
      proof && check
        ? {
            treeSize: proof.treeSize,
            rootHash: proof.treeHead.rootHash,
            signedAt: new Date(proof.treeHead.timestamp).toISOString(),
            signedBy: proof.treeHead.keyId,
            auditPath: proof.auditPath,
            valid: check.valid && check.signerIsPlatform,
            signerIsPlatform: check.signerIsPlatform,
            json: JSON.stringify(proof, null, 2),
          }
        : null,
  }))
}

/** The verify page's view of a credential: the checks, and the log's record of this exact document. */
export async function verificationView(credential: unknown, locale: Locale) {
  const [report, logged] = await Promise.all([verifyCredentialReport(credential), logEventsForDocument(credential)])
  return { ...reportView(report, locale), log: logView(logged) }
}
