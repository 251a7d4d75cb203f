// Verifying credentials and presentations: the data model's shape, JSON-LD in safe mode
// with bundled contexts, the Data Integrity proof, the validity period, the revocation
// status, and who the issuer is on Lianqiao. Each check is reported with its reason, so
// the verify page and the VC-API say the same thing.
import * as vc from '@digitalbazaar/vc'
import jsigs from 'jsonld-signatures'
import { prisma } from '#app/lib/db.server.ts'
import type { MessageKey, MessageParams } from '#app/i18n/translate.ts'
import { documentLoader } from './contexts.server.ts'
import { issuerForDid, type IssuerSummary } from './issuers.server.ts'
import { verifyingSuite } from './proofs.server.ts'
import { credentialStatus, statusListIdOf } from './status-list.server.ts'
import { credentialProblems, expansionProblem, isObject, presentationProblems, type CredentialProblem } from './validate.server.ts'

type JsonObject = Record<string, unknown>

export type CheckName = 'dataModel' | 'jsonLd' | 'proof' | 'validity' | 'status' | 'issuer' | 'holderProof'
export type CheckOutcome = 'passed' | 'failed' | 'warning' | 'skipped'
export type Check = { name: CheckName; outcome: CheckOutcome; reasons: Array<{ path?: string; key: MessageKey; params?: MessageParams }> }

export type CredentialReport = {
  verified: boolean
  /** True when the credential could not be read as a credential at all (a 400, not a 422). */
  malformed: boolean
  checks: Check[]
  version: 1 | 2 | null
  issuer: { id: string | null; registered: IssuerSummary | null }
  validity: { from: string | null; until: string | null }
  status: { checked: boolean; revoked: boolean; revokedAt: Date | null; reason: string | null } | null
  credential: JsonObject | null
}

function issuerIdOf(credential: JsonObject): string | null {
  const issuer = credential.issuer
  if (typeof issuer === 'string') return issuer
  if (isObject(issuer) && typeof issuer.id === 'string') return issuer.id
  return null
}

function errorMessages(error: unknown): string[] {
  if (!error) return []
  const withList = error as { errors?: unknown[]; message?: string }
  if (Array.isArray(withList.errors) && withList.errors.length > 0) return withList.errors.flatMap(errorMessages)
  return [String(withList.message ?? error).slice(0, 300)]
}

function problemsToReasons(problems: CredentialProblem[]) {
  return problems.map((p) => ({ path: p.path, key: p.key, params: p.params }))
}

function validityOf(credential: JsonObject, version: 1 | 2 | null) {
  const from = version === 1 ? credential.issuanceDate : credential.validFrom
  const until = version === 1 ? credential.expirationDate : credential.validUntil
  return { from: typeof from === 'string' ? from : null, until: typeof until === 'string' ? until : null }
}

async function revocationRecord(credential: JsonObject) {
  const status = Array.isArray(credential.credentialStatus) ? credential.credentialStatus : [credential.credentialStatus]
  for (const entry of status) {
    if (!isObject(entry) || typeof entry.statusListCredential !== 'string' || typeof entry.statusListIndex !== 'string') continue
    const listId = statusListIdOf(entry.statusListCredential)
    if (!listId) continue
    const record = await prisma.issuedCredential.findUnique({
      where: { statusListId_statusIndex: { statusListId: listId, statusIndex: Number(entry.statusListIndex) } },
      select: { revokedAt: true, revocationReason: true },
    })
    if (record) return record
  }
  return null
}

/** The same promise, marked as handled: awaiting it later still throws its error. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

/** Every check of one credential. `now` is when validity is judged. */
export async function verifyCredentialReport(input: unknown, now = new Date()): Promise<CredentialReport> {
  const checks: Check[] = []
  const report: CredentialReport = {
    verified: false,
    malformed: true,
    checks,
    version: null,
    issuer: { id: null, registered: null },
    validity: { from: null, until: null },
    status: null,
    credential: isObject(input) ? input : null,
  }
  const { problems, version } = credentialProblems(input)
  report.version = version
  checks.push({ name: 'dataModel', outcome: problems.length === 0 ? 'passed' : 'failed', reasons: problemsToReasons(problems) })
  if (problems.length > 0 || !isObject(input)) return report
  const credential = input

  // The proof check canonicalises in safe mode, so a credential whose proof verifies has
  // already passed the same expansion; it is run on its own (to name the problem) only when
  // there is no proof or the proof fails.
  let expansionChecked = false
  const checkExpansion = async () => {
    expansionChecked = true
    const expansion = await expansionProblem(credential)
    checks.push({ name: 'jsonLd', outcome: expansion ? 'failed' : 'passed', reasons: expansion ? problemsToReasons([expansion]) : [] })
    return expansion
  }
  if (!('proof' in credential) && (await checkExpansion())) return report
  report.malformed = false

  const issuerId = issuerIdOf(credential)
  report.issuer.id = issuerId
  // The database reads start now and run while the proof is checked (CPU-bound), so their
  // latency hides behind it; each is awaited below, and a report that returns early
  // leaves them settled, never as unhandled rejections.
  const statusRead = 'credentialStatus' in credential ? settled(credentialStatus(credential)) : null
  const issuerRead = settled(issuerId ? issuerForDid(issuerId) : Promise.resolve(null))
  report.validity = validityOf(credential, version)

  // The library also judges the validity period; it is judged separately below, so the
  // proof is checked at a moment inside the period and the two are reported apart.
  const from = report.validity.from ? Date.parse(report.validity.from) : null
  const until = report.validity.until ? Date.parse(report.validity.until) : null
  const proofTime = new Date(Math.min(Math.max(now.getTime(), from ?? -Infinity), until ?? Infinity))
  if (!('proof' in credential)) {
    checks.push({ name: 'proof', outcome: 'failed', reasons: [{ path: 'proof', key: 'credentials.check.proofMissing' }] })
  } else {
    const result = await vc.verifyCredential({
      credential,
      suite: verifyingSuite(),
      documentLoader,
      // Status is checked on its own below.
      checkStatus: async () => ({ verified: true }),
      now: proofTime,
    })
    const reasons = result.verified
      ? []
      : [...errorMessages(result.error), ...(result.results ?? []).flatMap((r) => errorMessages(r.error))]
          .filter((message, index, all) => all.indexOf(message) === index)
          .map((message) => ({ path: 'proof', key: 'credentials.check.proofInvalid' as const, params: { message } }))
    if (!result.verified && (await checkExpansion())) {
      report.malformed = true
      return report
    }
    if (!expansionChecked) checks.push({ name: 'jsonLd', outcome: 'passed', reasons: [] })
    checks.push({ name: 'proof', outcome: result.verified ? 'passed' : 'failed', reasons })
  }

  const notYet = from !== null && now.getTime() < from
  const expired = until !== null && now.getTime() > until
  checks.push({
    name: 'validity',
    outcome: notYet || expired ? 'failed' : 'passed',
    reasons: notYet
      ? [{ key: 'credentials.check.notYetValid', params: { from: report.validity.from ?? '' } }]
      : expired
        ? [{ key: 'credentials.check.expired', params: { until: report.validity.until ?? '' } }]
        : [],
  })

  if (statusRead) {
    const status = await statusRead
    const record = status.revoked ? await revocationRecord(credential) : null
    report.status = { checked: status.checked, revoked: status.revoked, revokedAt: record?.revokedAt ?? null, reason: record?.revocationReason ?? null }
    checks.push({
      name: 'status',
      outcome: !status.checked ? 'warning' : status.revoked ? 'failed' : 'passed',
      reasons: !status.checked
        ? [{ path: 'credentialStatus', key: 'credentials.check.statusUnchecked', params: { message: status.error ?? '' } }]
        : status.revoked
          ? [{ path: 'credentialStatus', key: 'credentials.check.revoked', params: { date: record?.revokedAt?.toISOString() ?? '' } }]
          : [],
    })
  } else {
    checks.push({ name: 'status', outcome: 'skipped', reasons: [{ key: 'credentials.check.noStatus' }] })
  }

  const registered = await issuerRead
  report.issuer.registered = registered
  checks.push({
    name: 'issuer',
    outcome: registered ? 'passed' : 'warning',
    reasons: registered ? [] : [{ path: 'issuer', key: 'credentials.check.issuerUnknown', params: { issuer: issuerId ?? '' } }],
  })

  report.verified = checks.every((c) => c.outcome !== 'failed')
  return report
}

export type PresentationReport = {
  verified: boolean
  malformed: boolean
  checks: Check[]
  credentials: CredentialReport[]
}

/**
 * A presentation: its own shape, the holder's authentication proof bound to the
 * verifier's challenge (and domain, when given), and every credential in it.
 */
export async function verifyPresentationReport(input: unknown, options: { challenge?: string; domain?: string }): Promise<PresentationReport> {
  const checks: Check[] = []
  const report: PresentationReport = { verified: false, malformed: true, checks, credentials: [] }
  const problems = presentationProblems(input)
  checks.push({ name: 'dataModel', outcome: problems.length === 0 ? 'passed' : 'failed', reasons: problemsToReasons(problems) })
  if (problems.length > 0 || !isObject(input)) return report
  const presentation = input

  // As for a credential: a holder proof that verifies was canonicalised in safe mode, which
  // expands the whole presentation, so the separate expansion runs only to name a problem.
  const holderProof = async (): Promise<Check> => {
    if (!('proof' in presentation)) return { name: 'holderProof', outcome: 'failed', reasons: [{ path: 'proof', key: 'credentials.check.proofMissing' }] }
    if (!options.challenge)
      return { name: 'holderProof', outcome: 'failed', reasons: [{ path: 'options.challenge', key: 'credentials.check.challengeMissing' }] }
    const AuthenticationProofPurpose = jsigs.purposes.AuthenticationProofPurpose
    const result = await jsigs.verify(presentation, {
      suite: verifyingSuite(),
      purpose: new AuthenticationProofPurpose({ challenge: options.challenge, domain: options.domain }),
      documentLoader,
    })
    const reasons = result.verified
      ? []
      : [...errorMessages(result.error), ...(result.results ?? []).flatMap((r) => errorMessages(r.error))]
          .filter((message, index, all) => all.indexOf(message) === index)
          .map((message) => ({ path: 'proof', key: 'credentials.check.proofInvalid' as const, params: { message } }))
    return { name: 'holderProof', outcome: result.verified ? 'passed' : 'failed', reasons }
  }
  const holder = await holderProof()
  const expansion = holder.outcome === 'passed' ? null : await expansionProblem(presentation)
  checks.push({ name: 'jsonLd', outcome: expansion ? 'failed' : 'passed', reasons: expansion ? problemsToReasons([expansion]) : [] })
  if (expansion) return report
  report.malformed = false
  checks.push(holder)

  const embedded = presentation.verifiableCredential
  const credentials = embedded === undefined ? [] : Array.isArray(embedded) ? embedded : [embedded]
  report.credentials = await Promise.all(credentials.map((credential) => verifyCredentialReport(credential)))
  report.verified = checks.every((c) => c.outcome !== 'failed') && report.credentials.every((c) => c.verified)
  return report
}
