// Licence verification: a company applies (legal name, credit code, business licence,
// contact person); an admin approves or rejects with a reason. Each decision is audited and
// told to the company by e-mail and in the app. A code belongs to one company: a second
// company applying with it reaches the admin marked as a duplicate.
import { randomBytes } from 'node:crypto'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { conflict, notFound, unprocessable } from '#app/lib/errors.server.ts'
import { apiText } from '#app/i18n/api-text.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { canManageCompany } from '#app/modules/auth/permissions.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import { detectFileType, mimeType, storage } from '#app/modules/storage/storage.server.ts'
import { LICENCE_MAX_BYTES } from '#app/lib/upload-limits.ts'
import type { VerificationApplicationInput } from './schemas.ts'

/** A business licence by its bytes: an image (PNG, JPEG, WebP) or a PDF, at most 5 MB. */
export function checkLicence(bytes: Uint8Array | null) {
  if (!bytes || bytes.byteLength === 0)
    throw unprocessable('trust.verification.licenceMissing', [{ path: 'licence', key: 'trust.verification.licenceMissing' }])
  if (bytes.byteLength > LICENCE_MAX_BYTES)
    throw unprocessable('trust.verification.licenceTooBig', [{ path: 'licence', key: 'trust.verification.licenceTooBig' }])
  const type = detectFileType(bytes)
  if (!type) throw unprocessable('trust.verification.licenceType', [{ path: 'licence', key: 'trust.verification.licenceType' }])
  return type
}

/** The other company that holds, or has applied with, this code, if any. */
async function otherHolderOf(tx: Tx, companyId: string, creditCode: string) {
  const holder = await tx.company.findFirst({ where: { creditCode, id: { not: companyId } }, select: { id: true } })
  if (holder) return holder.id
  const applicant = await tx.companyVerification.findFirst({
    where: { creditCode, companyId: { not: companyId }, status: { in: ['pending', 'approved'] } },
    select: { companyId: true },
  })
  return applicant?.companyId ?? null
}

export async function applyForVerification(
  actor: SessionUser,
  companyId: string,
  input: VerificationApplicationInput,
  licence: Uint8Array | null,
  now = new Date(),
) {
  if (!canManageCompany(actor, companyId)) throw notFound()
  const type = checkLicence(licence)
  const licenceKey = `licences/${companyId.toLowerCase()}-${randomBytes(8).toString('hex')}.${type}`
  await storage.put(licenceKey, licence as Uint8Array)
  try {
    return await prisma.$transaction(async (tx) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { legalName: true, creditCode: true, licenceVerifiedAt: true } })
      if (!company) throw notFound()
      // New facts about the firm: the verification of the old ones no longer holds.
      if (company.licenceVerifiedAt && (company.legalName !== input.legalName || company.creditCode !== input.creditCode)) {
        await tx.company.update({ where: { id: companyId }, data: { verifiedAt: null, licenceVerifiedAt: null }, select: { id: true } })
        await recordOutbox(tx, 'company', companyId)
        await recordAudit(tx, { actorId: actor.id, action: 'company.unverify-on-change', entity: 'company', entityId: companyId })
      }
      await tx.companyVerification.updateMany({ where: { companyId, status: 'pending' }, data: { status: 'superseded' } })
      const duplicateOfId = await otherHolderOf(tx, companyId, input.creditCode)
      const application = await tx.companyVerification.create({
        data: {
          companyId,
          legalName: input.legalName,
          creditCode: input.creditCode,
          licenceKey,
          licenceType: type,
          licenceSize: (licence as Uint8Array).byteLength,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          duplicateOfId,
          submittedById: actor.id,
          createdAt: now,
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'company.verification-apply',
        entity: 'company',
        entityId: companyId,
        data: { applicationId: application.id, duplicate: duplicateOfId !== null },
      })
      return { id: application.id, duplicate: duplicateOfId !== null }
    })
  } catch (error) {
    await storage.delete(licenceKey)
    throw error
  }
}

/** What the company sees: its verification and its latest application. */
export async function verificationForCompany(actor: SessionUser, companyId: string) {
  if (!canManageCompany(actor, companyId)) throw notFound()
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      licenceVerifiedAt: true,
      legalName: true,
      creditCode: true,
      verificationApplications: {
        where: { status: { not: 'superseded' } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: {
          id: true,
          status: true,
          legalName: true,
          creditCode: true,
          contactName: true,
          contactPhone: true,
          decisionNote: true,
          createdAt: true,
          decidedAt: true,
        },
      },
    },
  })
  if (!company) throw notFound()
  return {
    verifiedAt: company.licenceVerifiedAt,
    legalName: company.legalName,
    creditCode: company.creditCode,
    latest: company.verificationApplications[0] ?? null,
  }
}

/** The admin's queue: pending applications, oldest first, duplicates marked. */
export async function verificationQueue(admin: SessionUser) {
  if (!hasRole(admin, 'admin')) throw notFound()
  const applications = await prisma.companyVerification.findMany({
    where: { status: 'pending' },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      legalName: true,
      creditCode: true,
      contactName: true,
      contactPhone: true,
      licenceType: true,
      duplicateOfId: true,
      createdAt: true,
      company: { select: { id: true, nameZh: true, nameEn: true } },
    },
  })
  const others = await prisma.company.findMany({
    where: { id: { in: applications.flatMap((a) => (a.duplicateOfId ? [a.duplicateOfId] : [])) } },
    select: { id: true, nameZh: true, nameEn: true },
  })
  const nameOf = new Map(others.map((c) => [c.id, apiText(c.nameZh, c.nameEn)]))
  return applications.map(({ company, duplicateOfId, ...application }) => ({
    ...application,
    company: { id: company.id, name: apiText(company.nameZh, company.nameEn) },
    duplicateOf: duplicateOfId ? { id: duplicateOfId, name: nameOf.get(duplicateOfId) ?? apiText(null, null) } : null,
  }))
}

/** The licence file, for admins only. */
export async function licenceFile(admin: SessionUser, applicationId: string) {
  if (!hasRole(admin, 'admin')) throw notFound()
  const application = await prisma.companyVerification.findUnique({ where: { id: applicationId }, select: { licenceKey: true, licenceType: true } })
  if (!application) throw notFound()
  const bytes = await storage.get(application.licenceKey)
  if (!bytes) throw notFound()
  const type = application.licenceType as Parameters<typeof mimeType>[0]
  return { bytes, contentType: mimeType(type), filename: `licence-${applicationId}.${type}` }
}

async function notifyMembers(tx: Tx, companyId: string, type: string, data: Record<string, string>) {
  const members = await tx.companyMember.findMany({ where: { companyId }, select: { userId: true } })
  for (const { userId } of members) await notify(tx, { userId, type, data, link: '/company/verification' })
}

export async function decideVerification(
  admin: SessionUser,
  applicationId: string,
  decision: { approve: true } | { approve: false; note: string },
  now = new Date(),
) {
  if (!hasRole(admin, 'admin')) throw notFound()
  await prisma.$transaction(async (tx) => {
    const application = await tx.companyVerification.findUnique({
      where: { id: applicationId },
      select: { id: true, status: true, companyId: true, legalName: true, creditCode: true },
    })
    if (!application) throw notFound()
    if (application.status !== 'pending') throw unprocessable('trust.verification.notPending')
    if (decision.approve) {
      // One code, one company: a duplicate is approved only once the other company lets go of it.
      const holder = await tx.company.findFirst({ where: { creditCode: application.creditCode, id: { not: application.companyId } }, select: { id: true } })
      if (holder) throw conflict('trust.verification.codeTaken')
      await tx.company.update({
        where: { id: application.companyId },
        data: { legalName: application.legalName, creditCode: application.creditCode, verifiedAt: now, licenceVerifiedAt: now },
        select: { id: true },
      })
      await recordOutbox(tx, 'company', application.companyId)
    }
    await tx.companyVerification.update({
      where: { id: applicationId },
      data: {
        status: decision.approve ? 'approved' : 'rejected',
        decisionNote: decision.approve ? null : decision.note,
        decidedById: admin.id,
        decidedAt: now,
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: admin.id,
      action: decision.approve ? 'company.verification-approve' : 'company.verification-reject',
      entity: 'company',
      entityId: application.companyId,
      data: decision.approve ? { applicationId } : { applicationId, note: decision.note },
    })
    await notifyMembers(
      tx,
      application.companyId,
      decision.approve ? 'company.verificationApproved' : 'company.verificationRejected',
      decision.approve ? { legalName: application.legalName } : { legalName: application.legalName, note: decision.note },
    )
  })
}
