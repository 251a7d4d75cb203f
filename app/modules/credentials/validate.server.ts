// What the VC Data Model (2.0, and 1.1 for verifying) requires of a credential's shape,
// checked before any signature work so each refusal names its field. Safe-mode JSON-LD
// expansion then catches undefined terms (see checkExpansion).
import jsonld from 'jsonld'
import { createHash } from 'node:crypto'
import type { MessageKey, MessageParams } from '#app/i18n/translate.ts'
import { CREDENTIALS_V1, CREDENTIALS_V2, documentLoader, isBundledContext, publishedContextBytes, UnknownDocumentError } from './contexts.server.ts'

export type CredentialProblem = { path: string; key: MessageKey; params?: MessageParams }
type JsonObject = Record<string, unknown>

/** xsd:dateTimeStamp: a date-time that must carry its offset. */
const DATE_TIME_STAMP =
  /^-?(?:[1-9][0-9]{3,}|0[0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/
/** xsd:dateTime (VC 1.1 dates), where the offset is optional. */
const DATE_TIME =
  /^-?(?:[1-9][0-9]{3,}|0[0-9]{3})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

/** An absolute URL (any scheme, e.g. https:, did:, urn:). */
export function isUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/.test(value)) return false
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

function typesOf(value: JsonObject): string[] | null {
  const type = value.type
  if (typeof type === 'string') return [type]
  if (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string')) return type as string[]
  return null
}

export type ContextVersion = 1 | 2

/** The @context checks shared by credentials and presentations; returns the data model version. */
export function checkContext(document: JsonObject, problems: CredentialProblem[]): ContextVersion | null {
  const context = document['@context']
  if (context === undefined) {
    problems.push({ path: '@context', key: 'credentials.problem.contextMissing' })
    return null
  }
  if (!Array.isArray(context) || context.length === 0) {
    problems.push({ path: '@context', key: 'credentials.problem.contextNotList' })
    return null
  }
  const first = context[0]
  const version: ContextVersion | null = first === CREDENTIALS_V2 ? 2 : first === CREDENTIALS_V1 ? 1 : null
  if (!version) problems.push({ path: '@context', key: 'credentials.problem.contextOrder', params: { url: CREDENTIALS_V2 } })
  context.forEach((entry, index) => {
    if (typeof entry === 'string') {
      if (index > 0 && (entry === CREDENTIALS_V2 || entry === CREDENTIALS_V1)) {
        problems.push({ path: `@context.${index}`, key: 'credentials.problem.contextOrder', params: { url: CREDENTIALS_V2 } })
      } else if (!isBundledContext(entry)) {
        problems.push({ path: `@context.${index}`, key: 'credentials.problem.contextUnknown', params: { url: entry } })
      }
    } else if (!isObject(entry)) {
      problems.push({ path: `@context.${index}`, key: 'credentials.problem.contextEntry' })
    }
  })
  return version
}

function checkTypedObjects(credential: JsonObject, property: string, problems: CredentialProblem[], requireId: boolean) {
  if (!(property in credential)) return
  const values = asList(credential[property])
  if (values.length === 0) problems.push({ path: property, key: 'credentials.problem.typedObject', params: { property } })
  values.forEach((value, index) => {
    const path = Array.isArray(credential[property]) ? `${property}.${index}` : property
    if (!isObject(value) || Object.keys(value).length === 0 || !typesOf(value)) {
      problems.push({ path, key: 'credentials.problem.typedObject', params: { property } })
      return
    }
    if ('id' in value || requireId) {
      if (!isUrl(value.id)) problems.push({ path: `${path}.id`, key: 'credentials.problem.notUrl' })
    }
  })
}

function checkStatusEntries(credential: JsonObject, problems: CredentialProblem[]) {
  if (!('credentialStatus' in credential)) return
  asList(credential.credentialStatus).forEach((entry, index) => {
    if (!isObject(entry)) return
    const path = Array.isArray(credential.credentialStatus) ? `credentialStatus.${index}` : 'credentialStatus'
    if (!typesOf(entry)?.includes('BitstringStatusListEntry')) return
    if (typeof entry.statusPurpose !== 'string' || entry.statusPurpose === '') {
      problems.push({ path: `${path}.statusPurpose`, key: 'credentials.problem.statusPurpose' })
    }
    if (typeof entry.statusListIndex !== 'string' || !/^(0|[1-9][0-9]*)$/.test(entry.statusListIndex)) {
      problems.push({ path: `${path}.statusListIndex`, key: 'credentials.problem.statusListIndex' })
    }
    if (!isUrl(entry.statusListCredential)) problems.push({ path: `${path}.statusListCredential`, key: 'credentials.problem.notUrl' })
  })
}

const SRI = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/
// Multihash codes of sha2-256/384/512 and their digest lengths.
const MULTIHASH = new Map([
  [0x12, ['sha256', 32]],
  [0x20, ['sha384', 48]],
  [0x13, ['sha512', 64]],
] as const)

function checkRelatedResources(credential: JsonObject, problems: CredentialProblem[]) {
  if (!('relatedResource' in credential)) return
  const entries = asList(credential.relatedResource)
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    const path = Array.isArray(credential.relatedResource) ? `relatedResource.${index}` : 'relatedResource'
    if (!isObject(entry) || !isUrl(entry.id)) {
      problems.push({ path: `${path}.id`, key: 'credentials.problem.notUrl' })
      return
    }
    if (seen.has(entry.id)) problems.push({ path: `${path}.id`, key: 'credentials.problem.relatedDuplicate' })
    seen.add(entry.id)
    const sri = entry.digestSRI
    const multibase = entry.digestMultibase
    if (sri === undefined && multibase === undefined) {
      problems.push({ path, key: 'credentials.problem.relatedDigest' })
      return
    }
    const digests: Array<{ algorithm: string; digest: Buffer; field: string }> = []
    if (sri !== undefined) {
      const match = typeof sri === 'string' ? SRI.exec(sri) : null
      if (!match?.[1] || !match[2]) problems.push({ path: `${path}.digestSRI`, key: 'credentials.problem.relatedDigest' })
      else digests.push({ algorithm: match[1], digest: Buffer.from(match[2], 'base64'), field: 'digestSRI' })
    }
    if (multibase !== undefined) {
      // 'u' is multibase base64url; the content is a multihash (code, length, digest).
      const bytes = typeof multibase === 'string' && /^u[A-Za-z0-9_-]+$/.test(multibase) ? Buffer.from(multibase.slice(1), 'base64url') : null
      const kind = bytes && bytes.length > 2 ? MULTIHASH.get(bytes[0] as 0x12) : undefined
      if (!bytes || !kind || bytes[1] !== kind[1] || bytes.length !== kind[1] + 2) {
        problems.push({ path: `${path}.digestMultibase`, key: 'credentials.problem.relatedDigest' })
      } else digests.push({ algorithm: kind[0], digest: bytes.subarray(2), field: 'digestMultibase' })
    }
    // A context the credential uses must be the published one, byte for byte.
    const published = publishedContextBytes(entry.id)
    if (!published) return
    for (const { algorithm, digest, field } of digests) {
      if (!createHash(algorithm).update(published).digest().equals(digest)) {
        problems.push({ path: `${path}.${field}`, key: 'credentials.problem.relatedMismatch', params: { url: entry.id } })
      }
    }
  })
}

function checkDates(credential: JsonObject, version: ContextVersion | null, problems: CredentialProblem[]) {
  const [fromName, untilName, pattern] =
    version === 1 ? (['issuanceDate', 'expirationDate', DATE_TIME] as const) : (['validFrom', 'validUntil', DATE_TIME_STAMP] as const)
  if (version === 1 && !('issuanceDate' in credential)) problems.push({ path: 'issuanceDate', key: 'credentials.problem.required' })
  let from: number | null = null
  let until: number | null = null
  for (const name of [fromName, untilName]) {
    if (!(name in credential)) continue
    const value = credential[name]
    if (typeof value !== 'string' || !pattern.test(value) || Number.isNaN(Date.parse(value))) {
      problems.push({ path: name, key: 'credentials.problem.dateTime', params: { value: String(value) } })
    } else if (name === fromName) from = Date.parse(value)
    else until = Date.parse(value)
  }
  if (from !== null && until !== null && until < from) problems.push({ path: untilName, key: 'credentials.problem.untilBeforeFrom' })
}

/** The shape checks of a credential (no signature, no JSON-LD). */
export function credentialProblems(credential: unknown): { problems: CredentialProblem[]; version: ContextVersion | null } {
  const problems: CredentialProblem[] = []
  if (!isObject(credential)) return { problems: [{ path: '', key: 'credentials.problem.notObject' }], version: null }
  const version = checkContext(credential, problems)
  const types = typesOf(credential)
  if (!('type' in credential)) problems.push({ path: 'type', key: 'credentials.problem.typeMissing' })
  else if (!types?.includes('VerifiableCredential')) problems.push({ path: 'type', key: 'credentials.problem.typeVc' })
  if ('id' in credential && !isUrl(credential.id)) problems.push({ path: 'id', key: 'credentials.problem.notUrl' })

  if (!('issuer' in credential)) problems.push({ path: 'issuer', key: 'credentials.problem.required' })
  else if (Array.isArray(credential.issuer)) problems.push({ path: 'issuer', key: 'credentials.problem.issuerSingle' })
  else if (!isUrl(isObject(credential.issuer) ? credential.issuer.id : credential.issuer)) {
    problems.push({ path: isObject(credential.issuer) ? 'issuer.id' : 'issuer', key: 'credentials.problem.notUrl' })
  }

  if (!('credentialSubject' in credential)) problems.push({ path: 'credentialSubject', key: 'credentials.problem.required' })
  else {
    const subjects = asList(credential.credentialSubject)
    if (subjects.length === 0) problems.push({ path: 'credentialSubject', key: 'credentials.problem.subjectEmpty' })
    subjects.forEach((subject, index) => {
      const path = Array.isArray(credential.credentialSubject) ? `credentialSubject.${index}` : 'credentialSubject'
      if (!isObject(subject) || Object.keys(subject).length === 0) problems.push({ path, key: 'credentials.problem.subjectEmpty' })
      else if ('id' in subject && !isUrl(subject.id)) problems.push({ path: `${path}.id`, key: 'credentials.problem.notUrl' })
    })
  }
  checkDates(credential, version, problems)
  checkTypedObjects(credential, 'credentialStatus', problems, false)
  checkStatusEntries(credential, problems)
  checkTypedObjects(credential, 'credentialSchema', problems, true)
  checkTypedObjects(credential, 'refreshService', problems, false)
  checkTypedObjects(credential, 'evidence', problems, false)
  checkTypedObjects(credential, 'termsOfUse', problems, false)
  checkRelatedResources(credential, problems)
  return { problems, version }
}

/** The shape checks of a presentation's own properties (its credentials are checked one by one). */
export function presentationProblems(presentation: unknown): CredentialProblem[] {
  const problems: CredentialProblem[] = []
  if (!isObject(presentation)) return [{ path: '', key: 'credentials.problem.notObject' }]
  checkContext(presentation, problems)
  const types = typesOf(presentation)
  if (!('type' in presentation)) problems.push({ path: 'type', key: 'credentials.problem.typeMissing' })
  else if (!types?.includes('VerifiablePresentation')) problems.push({ path: 'type', key: 'credentials.problem.typeVp' })
  if ('id' in presentation && !isUrl(presentation.id)) problems.push({ path: 'id', key: 'credentials.problem.notUrl' })
  if ('holder' in presentation && !isUrl(isObject(presentation.holder) ? presentation.holder.id : presentation.holder)) {
    problems.push({ path: 'holder', key: 'credentials.problem.notUrl' })
  }
  return problems
}

/**
 * Expands the document in JSON-LD safe mode with bundled contexts only: a term no context
 * defines, a relative IRI or an unknown context is an error here.
 */
export async function expansionProblem(document: JsonObject): Promise<CredentialProblem | null> {
  try {
    await jsonld.expand(document, { documentLoader, safe: true, base: null })
    return null
  } catch (error) {
    return describeJsonLdError(error)
  }
}

type JsonLdError = { name?: string; message?: string; details?: { cause?: unknown; event?: { details?: { property?: string; term?: string } }; code?: string } }

export function describeJsonLdError(error: unknown): CredentialProblem {
  let current: unknown = error
  // jsonld wraps a loader failure in "loading remote context failed"; find our own cause.
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof UnknownDocumentError) return { path: '@context', key: 'credentials.problem.contextUnknown', params: { url: current.url } }
    current = (current as JsonLdError).details?.cause ?? (current as { cause?: unknown }).cause
  }
  const failure = error as JsonLdError
  const details = failure.details?.event?.details
  const term = details?.property ?? details?.term
  if (failure.message?.includes('Safe mode') || failure.details?.code?.includes('safe')) {
    return { path: term ?? '', key: 'credentials.problem.undefinedTerm', params: { term: term ?? '?' } }
  }
  return { path: '', key: 'credentials.problem.jsonLd', params: { message: String(failure.message ?? error).slice(0, 200) } }
}
