// Credentials a student sends with an application. Only the student's own credentials can
// be attached, and only while active (another's is a 404, as if it did not exist). The
// company sees each one verified again whenever it looks (signature, status list, issuer
// registry), so a credential revoked after it was attached shows as revoked.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { notFound, tooMany, unprocessable } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { localText } from './report-view.server.ts'
import { verifyCredentialReport } from './verify.server.ts'

const FIELD = 'credentialIds'

function titleOf(document: unknown) {
  const name = (document as { name?: unknown } | null)?.name
  const zh = localText(name, 'zh-CN') ?? ''
  const en = localText(name, 'en') ?? zh
  return { zh: zh || en, en }
}

const choiceSelect = { id: true, kind: true, document: true, validFrom: true, issuer: { select: { nameZh: true, nameEn: true } } } as const

function toChoice(row: { id: string; kind: string; document: unknown; validFrom: Date; issuer: { nameZh: string; nameEn: string } }) {
  return {
    id: row.id,
    kind: row.kind,
    title: titleOf(row.document),
    issuer: { zh: row.issuer.nameZh, en: row.issuer.nameEn },
    issuedOn: row.validFrom.toISOString(),
  }
}

/** The student's active credentials, newest first, as the apply and application pages offer them. */
export async function attachableCredentials(studentId: string, exceptAttachedTo?: string) {
  const rows = await prisma.issuedCredential.findMany({
    where: {
      studentId,
      revokedAt: null,
      kind: { not: 'api' },
      ...(exceptAttachedTo ? { applications: { none: { applicationId: exceptAttachedTo } } } : {}),
    },
    orderBy: { createdAt: 'desc' },
    select: choiceSelect,
  })
  return rows.map(toChoice)
}

/**
 * Attaches credentials inside the caller's transaction (the application being created or
 * the student's own). Another student's credential is a 404; a revoked one a 422 on the field.
 */
export async function attachInTx(tx: Tx, studentId: string, applicationId: string, credentialIds: string[]) {
  const ids = [...new Set(credentialIds)]
  if (ids.length === 0) return
  const rows = await tx.issuedCredential.findMany({ where: { id: { in: ids }, studentId, kind: { not: 'api' } }, select: { id: true, revokedAt: true } })
  if (rows.length !== ids.length) throw notFound()
  if (rows.some((row) => row.revokedAt)) throw unprocessable('attach.notActive', [{ path: FIELD, key: 'attach.notActive' }])
  await tx.applicationCredential.createMany({ data: ids.map((credentialId) => ({ applicationId, credentialId })), skipDuplicates: true })
  const count = await tx.applicationCredential.count({ where: { applicationId } })
  if (count > listCaps.credentialsPerApplication) throw tooMany(listCaps.credentialsPerApplication, FIELD)
}

async function ownApplication(user: SessionUser, applicationId: string) {
  const application = user.studentProfileId
    ? await prisma.application.findFirst({ where: { id: applicationId, studentId: user.studentProfileId }, select: { id: true, studentId: true } })
    : null
  if (!application) throw notFound()
  return application
}

/** From the student's application page, after applying. */
export async function attachCredentials(user: SessionUser, applicationId: string, credentialIds: string[]) {
  const application = await ownApplication(user, applicationId)
  await prisma.$transaction((tx) => attachInTx(tx, application.studentId, application.id, credentialIds))
}

export async function detachCredential(user: SessionUser, applicationId: string, credentialId: string) {
  const application = await ownApplication(user, applicationId)
  const removed = await prisma.applicationCredential.deleteMany({ where: { applicationId: application.id, credentialId } })
  if (removed.count === 0) throw notFound()
}

export const attachedSummarySelect = { id: true, document: true, revokedAt: true, issuer: { select: { nameZh: true, nameEn: true } } } as const

/** An attached credential in a list (the JSON API): its stored status, not verified again. */
export function attachedSummary(row: { id: string; document: unknown; revokedAt: Date | null; issuer: { nameZh: string; nameEn: string } }) {
  return {
    id: row.id,
    title: titleOf(row.document),
    issuer: { zh: row.issuer.nameZh, en: row.issuer.nameEn },
    status: row.revokedAt ? ('revoked' as const) : ('active' as const),
  }
}

/**
 * The credentials attached to an application, each verified now: valid or not, revoked
 * (and when), and the issuer's name in Lianqiao's registry. The caller has checked who may see them.
 */
export async function attachedCredentials(applicationId: string) {
  const rows = await prisma.applicationCredential.findMany({
    where: { applicationId },
    orderBy: { attachedAt: 'asc' },
    select: { credential: { select: choiceSelect } },
  })
  return Promise.all(
    rows.map(async ({ credential }) => {
      const report = await verifyCredentialReport(credential.document)
      const registered = report.issuer.registered
      return {
        ...toChoice(credential),
        issuer: registered ? { zh: registered.nameZh, en: registered.nameEn } : null,
        did: report.issuer.id,
        state: report.status?.revoked ? ('revoked' as const) : report.verified ? ('verified' as const) : ('failed' as const),
        revokedAt: report.status?.revokedAt?.toISOString() ?? null,
      }
    }),
  )
}
