// Company profiles: members edit them (logo checked by content), admins verify the
// park-incubated claim and the firm itself; changes reach search through the outbox.
import { randomBytes } from 'node:crypto'
import { prisma } from '#app/lib/db.server.ts'
import { notFound, payloadTooLarge, unprocessable } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canManageCompany, hasRole, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { shanghaiDay } from '#app/lib/time.ts'
import { openRoleWhere } from '#app/modules/roles/open.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import { apiText } from '#app/i18n/api-text.ts'
import { detectFileType, mimeType, storage } from '#app/modules/storage/storage.server.ts'
import { LOGO_MAX_BYTES } from '#app/lib/upload-limits.ts'
import type { CompanyProfileInput } from './schemas.ts'

/** A company id from a path segment: the id, or `key:KEY`. */
export async function resolveCompanyRef(ref: string): Promise<string | null> {
  if (!ref.startsWith('key:')) return ref
  const found = await prisma.company.findUnique({ where: { key: ref.slice(4) }, select: { id: true } })
  return found?.id ?? null
}

/** The company a member works on: the one asked for if they belong to it, else their first. */
export function memberCompanyId(user: SessionUser, requested?: string | null): string | null {
  if (requested && user.companyIds.includes(requested)) return requested
  return user.companyIds[0] ?? null
}

/** The company named by an API client (its key or id), or the user's only company. */
export async function companyForApi(user: SessionUser, ref: string | undefined): Promise<string> {
  if (ref === undefined) {
    if (user.companyIds.length === 1 && user.companyIds[0]) return user.companyIds[0]
    throw unprocessable('companies.companyRequired', [{ path: 'company', key: 'companies.companyRequired' }])
  }
  const found = await prisma.company.findFirst({ where: { OR: [{ key: ref }, { id: ref }] }, select: { id: true } })
  if (!found || !canManageCompany(user, found.id)) throw unprocessable('companies.notYourCompany', [{ path: 'company', key: 'companies.notYourCompany' }])
  return found.id
}

const profileSelect = {
  id: true,
  key: true,
  nameZh: true,
  nameEn: true,
  city: true,
  descriptionZh: true,
  descriptionEn: true,
  website: true,
  parkIncubated: true,
  parkVerifiedAt: true,
  verifiedAt: true,
  licenceVerifiedAt: true,
  logoKey: true,
} as const

export async function getCompanyProfile(actor: SessionUser, companyId: string) {
  if (!canManageCompany(actor, companyId)) throw notFound()
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: profileSelect })
  if (!company) throw notFound()
  return company
}

/** Checks an uploaded logo by its bytes: PNG, JPEG or WebP, at most 1 MB. */
export function checkLogo(bytes: Uint8Array) {
  if (bytes.byteLength > LOGO_MAX_BYTES) throw payloadTooLarge('companies.logoTooBig', 'logo')
  const type = detectFileType(bytes)
  if (type !== 'png' && type !== 'jpeg' && type !== 'webp') throw unprocessable('companies.logoType', [{ path: 'logo', key: 'companies.logoType' }])
  return type
}

type CompanyIdentity = { nameZh: string | null; nameEn: string | null; website: string | null }

/**
 * Whether an admin's verification still holds after a change: it vouches for the company's
 * legal identity (its names, standing in for the legal name, and its website), so changing
 * any of them needs a new verification. The one place this rule lives; extend it here.
 */
export function verificationSurvives(before: CompanyIdentity, after: CompanyIdentity) {
  const same = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim()
  return same(before.nameZh, after.nameZh) && same(before.nameEn, after.nameEn) && same(before.website, after.website)
}

export async function updateCompanyProfile(actor: SessionUser, companyId: string, input: CompanyProfileInput, logo?: Uint8Array | null) {
  if (!canManageCompany(actor, companyId)) throw notFound()
  const logoType = logo && logo.byteLength > 0 ? checkLogo(logo) : null
  const newLogoKey = logoType ? `logos/${companyId.toLowerCase()}-${randomBytes(6).toString('hex')}.${logoType}` : null
  try {
    await prisma.$transaction(async (tx) => {
      if (newLogoKey && logo) await storage.put(newLogoKey, logo, tx)
      const current = await tx.company.findUnique({
        where: { id: companyId },
        select: { parkIncubated: true, parkVerifiedAt: true, logoKey: true, nameZh: true, nameEn: true, website: true, verifiedAt: true },
      })
      if (!current) throw notFound()
      // A changed claim needs a new verification; an unchanged one keeps its badge.
      const parkVerifiedAt = input.parkIncubated && current.parkIncubated ? current.parkVerifiedAt : null
      await tx.company.update({
        where: { id: companyId },
        data: {
          nameZh: input.nameZh,
          nameEn: input.nameEn ?? null,
          city: canonicalCity(input.city),
          descriptionZh: input.descriptionZh ?? null,
          descriptionEn: input.descriptionEn ?? null,
          website: input.website ?? null,
          parkIncubated: input.parkIncubated,
          parkVerifiedAt,
          verifiedAt: verificationSurvives(current, { nameZh: input.nameZh, nameEn: input.nameEn ?? null, website: input.website ?? null })
            ? current.verifiedAt
            : null,
          ...(newLogoKey ? { logoKey: newLogoKey } : input.removeLogo ? { logoKey: null } : {}),
        },
        select: { id: true },
      })
      await recordOutbox(tx, 'company', companyId)
      await recordAudit(tx, { actorId: actor.id, action: 'company.update', entity: 'company', entityId: companyId })
      if (current.logoKey && (newLogoKey || input.removeLogo)) await storage.delete(current.logoKey, tx)
    })
  } catch (error) {
    // Only a backend outside Postgres keeps a file the rolled-back transaction wrote.
    if (newLogoKey) await storage.delete(newLogoKey)
    throw error
  }
}

/** An admin confirms (or withdraws) that the company is incubated in the park. */
export async function setParkVerification(admin: SessionUser, companyId: string, verified: boolean, now = new Date()) {
  if (!hasRole(admin, 'admin')) throw notFound()
  await prisma.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: companyId }, select: { parkIncubated: true } })
    if (!company) throw notFound()
    await tx.company.update({ where: { id: companyId }, data: { parkVerifiedAt: verified && company.parkIncubated ? now : null }, select: { id: true } })
    await recordOutbox(tx, 'company', companyId)
    await recordAudit(tx, { actorId: admin.id, action: verified ? 'company.park-verify' : 'company.park-unverify', entity: 'company', entityId: companyId })
  })
}

/** An admin verifies (or withdraws verification of) the firm itself: verified companies may see discoverable students. */
export async function setCompanyVerification(admin: SessionUser, companyId: string, verified: boolean, now = new Date()) {
  if (!hasRole(admin, 'admin')) throw notFound()
  await prisma.$transaction(async (tx) => {
    const updated = await tx.company.updateMany({ where: { id: companyId }, data: { verifiedAt: verified ? now : null } })
    if (updated.count === 0) throw notFound()
    // Its roles enter or leave search with it.
    await recordOutbox(tx, 'company', companyId)
    await recordAudit(tx, { actorId: admin.id, action: verified ? 'company.verify' : 'company.unverify', entity: 'company', entityId: companyId })
  })
}

export async function listCompaniesForAdmin() {
  const companies = await prisma.company.findMany({
    orderBy: [{ parkVerifiedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      city: true,
      parkIncubated: true,
      parkVerifiedAt: true,
      verifiedAt: true,
      _count: { select: { roles: true } },
    },
  })
  return companies.map((c) => ({
    id: c.id,
    name: apiText(c.nameZh, c.nameEn),
    city: c.city,
    parkIncubated: c.parkIncubated,
    parkVerified: c.parkVerifiedAt !== null,
    verified: c.verifiedAt !== null,
    roles: c._count.roles,
  }))
}

/** The public company page: profile and its open roles. */
export async function getPublicCompany(companyId: string, now = new Date()) {
  const company = await prisma.company.findUnique({
    where: { id: companyId },
    select: {
      ...profileSelect,
      roles: {
        where: openRoleWhere(now),
        orderBy: { publishedAt: 'desc' },
        select: { id: true, titleZh: true, titleEn: true, city: true, stipendMin: true, stipendMax: true, deadline: true },
      },
    },
  })
  if (!company) throw notFound()
  return {
    id: company.id,
    name: apiText(company.nameZh, company.nameEn),
    city: company.city,
    website: company.website,
    description: apiText(company.descriptionZh, company.descriptionEn),
    hasLogo: company.logoKey !== null,
    parkIncubated: company.parkIncubated && company.parkVerifiedAt !== null,
    parkClaimPending: company.parkIncubated && company.parkVerifiedAt === null,
    licenceVerifiedOn: company.licenceVerifiedAt ? shanghaiDay(company.licenceVerifiedAt) : null,
    roles: company.roles.map((r) => ({
      id: r.id,
      title: apiText(r.titleZh, r.titleEn),
      city: r.city,
      stipendMonthly: { min: r.stipendMin, max: r.stipendMax },
      deadline: r.deadline.toISOString().slice(0, 10),
    })),
  }
}

export async function companyLogo(companyId: string) {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { logoKey: true } })
  if (!company?.logoKey) throw notFound()
  const bytes = await storage.get(company.logoKey)
  const type = bytes ? detectFileType(bytes) : null
  if (!bytes || !type) throw notFound()
  return { bytes, contentType: mimeType(type) }
}
