// Issuing: a status entry is allocated, the credential is signed by the issuer's current
// key and stored, all in one transaction, so a credential exists exactly when its row and
// its status index do.
import { randomUUID } from 'node:crypto'
import type { CredentialKind, Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { mayActForIssuer, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { issuerForDid, issuerSigner, type IssuerSigner } from './issuers.server.ts'
import { signCredential } from './proofs.server.ts'
import { credentialTitle, revokeInTx } from './revoke.server.ts'
import { allocateStatusEntries, allocateStatusEntry } from './status-list.server.ts'
import { appendToLog } from './transparency-log.server.ts'
import { credentialProblems, expansionProblem, isObject } from './validate.server.ts'

type JsonObject = Record<string, unknown>

/** A skill the credential aligns, as matching counts it (CredentialSkill). */
export type CredentialSkillInput = { skillId: string; level: number; grade: number | null }

export type StoredCredentialInput = {
  issuerId: string
  kind: CredentialKind
  studentId?: string | null
  achievementKey?: string | null
  claimsDigest?: string | null
  /** Builds the unsigned credential once the issuer's DID and the credential id are known. */
  build: (context: { issuerDid: string; credentialId: string }) => JsonObject
  /** For API issuance: the issuer DID the caller named, which must be the current key's. */
  expectedDid?: string
  /** A credential this one corrects: it is revoked in the same transaction. */
  replaces?: string | null
  /** The issuer's signer, when the caller issues many at once. */
  signer?: IssuerSigner
  /** Tell this user (the student) in the same transaction. */
  notifyUserId?: string | null
  /** The aligned skills, for matching. */
  skills?: CredentialSkillInput[]
}

/** Signs and stores one credential; returns its row id and the signed document. */
export async function issueStoredCredential(input: StoredCredentialInput) {
  const signer = input.signer ?? (await issuerSigner(input.issuerId))
  if (input.expectedDid && input.expectedDid !== signer.did)
    throw new UserFacingError(422, 'credentials.issuerKeyRetired', undefined, [{ path: 'credential.issuer', key: 'credentials.issuerKeyRetired' }])
  const credentialId = `urn:uuid:${randomUUID()}`
  const unsigned = input.build({ issuerDid: signer.did, credentialId })
  return prisma.$transaction(async (tx) => {
    const status = await allocateStatusEntry(tx, input.issuerId, signer.keyId)
    const document = await signCredential(signer, { ...unsigned, credentialStatus: status.entry })
    // After signing: revoking appends to the log, whose lock is then held until commit.
    if (input.replaces) await revokeInTx(tx, input.replaces, 'corrected', null)
    const validFrom = typeof document.validFrom === 'string' ? new Date(document.validFrom) : new Date()
    const validUntil = typeof document.validUntil === 'string' ? new Date(document.validUntil) : null
    const storedId = typeof document.id === 'string' ? document.id : credentialId
    const row = await tx.issuedCredential.create({
      data: {
        credentialId: storedId,
        issuerId: input.issuerId,
        keyId: signer.keyId,
        studentId: input.studentId ?? null,
        kind: input.kind,
        achievementKey: input.achievementKey ?? null,
        claimsDigest: input.claimsDigest ?? null,
        statusListId: status.listId,
        statusIndex: status.index,
        document: document as Prisma.InputJsonValue,
        validFrom,
        validUntil,
      },
      select: { id: true },
    })
    if (input.replaces) await tx.issuedCredential.update({ where: { id: input.replaces }, data: { replacedById: row.id }, select: { id: true } })
    if (input.skills?.length) await tx.credentialSkill.createMany({ data: input.skills.map((skill) => ({ credentialId: row.id, ...skill })) })
    if (input.notifyUserId) {
      // In-app only: a roster of thousands must not become thousands of e-mails.
      await tx.notification.create({
        data: { userId: input.notifyUserId, type: 'credential.issued', data: { title: credentialTitle(document) }, link: '/credentials' },
        select: { id: true },
      })
    }
    // Last: the log's lock is held until commit.
    await appendToLog(tx, [{ credentialId: storedId, event: 'issued', credential: document }])
    return { id: row.id, document }
  })
}

export type BatchItem = {
  studentId: string
  userId: string
  achievementKey: string
  claimsDigest: string
  build: StoredCredentialInput['build']
  skills: CredentialSkillInput[]
}

/**
 * Many new credentials of one issuer at once (a roster): the status indexes are taken in
 * one short transaction, the signing happens outside any transaction, and the rows and the
 * students' notices are written in one more. Returns the ids of the items that failed.
 */
export async function issueBatch(input: { issuerId: string; signer: IssuerSigner; kind: CredentialKind; items: BatchItem[] }) {
  const { signer } = input
  const entries = await prisma.$transaction((tx) => allocateStatusEntries(tx, input.issuerId, signer.keyId, input.items.length))
  const rows: Prisma.IssuedCredentialCreateManyInput[] = []
  const notices: Prisma.NotificationCreateManyInput[] = []
  const failed: string[] = []
  const skillsOf = new Map<string, CredentialSkillInput[]>()
  for (const [i, item] of input.items.entries()) {
    const status = entries[i]!
    try {
      const credentialId = `urn:uuid:${randomUUID()}`
      const document = await signCredential(signer, { ...item.build({ issuerDid: signer.did, credentialId }), credentialStatus: status.entry })
      rows.push({
        credentialId,
        issuerId: input.issuerId,
        keyId: signer.keyId,
        studentId: item.studentId,
        kind: input.kind,
        achievementKey: item.achievementKey,
        claimsDigest: item.claimsDigest,
        statusListId: status.listId,
        statusIndex: status.index,
        document: document as Prisma.InputJsonValue,
        validFrom: typeof document.validFrom === 'string' ? new Date(document.validFrom) : new Date(),
        validUntil: typeof document.validUntil === 'string' ? new Date(document.validUntil) : null,
      })
      skillsOf.set(credentialId, item.skills)
      // In-app only: a roster of thousands must not become thousands of e-mails.
      notices.push({ userId: item.userId, type: 'credential.issued', data: { title: credentialTitle(document) }, link: '/credentials' })
    } catch {
      failed.push(item.studentId)
    }
  }
  await prisma.$transaction(async (tx) => {
    const created = await tx.issuedCredential.createManyAndReturn({ data: rows, select: { id: true, credentialId: true } })
    await tx.credentialSkill.createMany({
      data: created.flatMap((row) => (skillsOf.get(row.credentialId) ?? []).map((skill) => ({ credentialId: row.id, ...skill }))),
    })
    await tx.notification.createMany({ data: notices })
    await appendToLog(
      tx,
      rows.map((row) => ({ credentialId: row.credentialId, event: 'issued' as const, credential: row.document })),
    )
  })
  return { issued: rows.length, failed }
}

/**
 * POST /api/vc/credentials/issue: signs the caller's credential as the issuer it names.
 * The issuer is never rewritten: an issuer the caller may not act for, or that is not a
 * current Lianqiao issuer key, is refused.
 */
export async function issueForApi(user: SessionUser, credential: unknown) {
  const { problems, version } = credentialProblems(credential)
  if (problems.length > 0 || !isObject(credential)) {
    throw new UserFacingError(
      422,
      'credentials.invalidCredential',
      undefined,
      problems.map((p) => ({ ...p, path: p.path ? `credential.${p.path}` : 'credential' })),
    )
  }
  if (version !== 2) throw new UserFacingError(422, 'credentials.issueV2Only', undefined, [{ path: 'credential.@context', key: 'credentials.issueV2Only' }])
  for (const reserved of ['proof', 'credentialStatus'] as const) {
    if (reserved in credential)
      throw new UserFacingError(422, 'credentials.reservedProperty', { property: reserved }, [
        { path: `credential.${reserved}`, key: 'credentials.reservedProperty', params: { property: reserved } },
      ])
  }
  const expansion = await expansionProblem(credential)
  if (expansion)
    throw new UserFacingError(422, 'credentials.invalidCredential', undefined, [
      { ...expansion, path: expansion.path ? `credential.${expansion.path}` : 'credential' },
    ])
  const issuerDid = isObject(credential.issuer) ? String(credential.issuer.id) : String(credential.issuer)
  const issuer = await issuerForDid(issuerDid)
  if (!issuer || !mayActForIssuer(user, issuer)) {
    throw new UserFacingError(422, 'credentials.issuerNotYours', undefined, [{ path: 'credential.issuer', key: 'credentials.issuerNotYours' }])
  }
  if (typeof credential.id === 'string' && (await prisma.issuedCredential.findUnique({ where: { credentialId: credential.id }, select: { id: true } }))) {
    throw new UserFacingError(409, 'credentials.duplicateId', undefined, [{ path: 'credential.id', key: 'credentials.duplicateId' }])
  }
  const issued = await issueStoredCredential({ issuerId: issuer.id, kind: 'api', expectedDid: issuerDid, build: () => credential })
  await recordAudit(prisma, { actorId: user.id, action: 'credential.issue', entity: 'credential', entityId: issued.id })
  return issued.document
}
