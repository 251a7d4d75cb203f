// Internship roles: every write checks that the actor manages the role's company, applies
// the posting rules, and records an outbox entry in the same transaction so search follows.
import { Prisma } from '#app/generated/prisma/client.ts'
import type { RoleKind as DbRoleKind } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { conflict, notFound, unprocessable, UserFacingError, type FieldProblem } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, isCompanyMember, requireVerifiedEmail, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { isOpen, kindToApi, roleDocumentSelect, toRoleDocument } from '#app/modules/search/documents.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import { toRoleHit } from '#app/modules/search/search.server.ts'
import { apiText } from '#app/i18n/api-text.ts'
import { postingProblems } from './posting-rules.ts'
import { type RoleFields, type RoleStatusValue } from './schemas.ts'
import { calendarDayAsDate, endOfShanghaiDay } from '#app/lib/time.ts'

export function canManageCompany(user: SessionUser | null, companyId: string) {
  return isCompanyMember(user, companyId) || hasRole(user, 'admin')
}

/**
 * Who sees a role: everyone once it is out of draft and its company is verified; the
 * company's members and admins always. Anyone else gets a 404 (docs/decisions/016).
 */
export function canSeeRole(viewer: SessionUser | null, role: { status: string; companyId: string; company: { verifiedAt: Date | null } }) {
  if (canManageCompany(viewer, role.companyId)) return true
  return role.status !== 'draft' && role.company.verifiedAt !== null
}

/** Publishing reaches students, so the company must be verified; drafts may be prepared before. */
async function checkMayPublish(tx: Tx, companyId: string, status: RoleStatusValue) {
  if (status !== 'published') return
  const company = await tx.company.findUnique({ where: { id: companyId }, select: { verifiedAt: true } })
  if (!company?.verifiedAt) throw new UserFacingError(403, 'access.companyUnverifiedPublish')
}

/** A role id from a path segment: the id itself, or `key:KEY` (the import format's key). */
export async function resolveRoleRef(ref: string): Promise<string | null> {
  if (!ref.startsWith('key:')) return ref
  const found = await prisma.internshipRole.findUnique({ where: { key: ref.slice(4) }, select: { id: true } })
  return found?.id ?? null
}

const dbKind = (kind: RoleFields['kind']) => kind.replace(/-/g, '_') as DbRoleKind

async function skillIdsFor(tx: Tx, skills: RoleFields['skills']) {
  const found = await tx.skill.findMany({ where: { key: { in: skills.map((s) => s.skill) } }, select: { id: true, key: true } })
  const idOf = new Map(found.map((s) => [s.key, s.id]))
  const problems: FieldProblem[] = []
  skills.forEach((s, i) => {
    if (!idOf.has(s.skill)) problems.push({ path: `skills.${i}.skill`, key: 'roles.unknownSkill', params: { skill: s.skill } })
    // A role lists a skill once; a repeat would otherwise fail as a unique-key conflict.
    else if (skills.findIndex((other) => other.skill === s.skill) < i) problems.push({ path: `skills.${i}.skill`, key: 'roles.duplicateSkill', params: { skill: s.skill } })
  })
  return { idOf, problems }
}

function columns(fields: RoleFields) {
  return {
    ...(fields.key !== undefined ? { key: fields.key } : {}),
    titleZh: fields.title.zh ?? null,
    titleEn: fields.title.en ?? null,
    descriptionZh: fields.description.zh ?? null,
    descriptionEn: fields.description.en ?? null,
    kind: dbKind(fields.kind),
    city: canonicalCity(fields.city),
    workMode: fields.workMode,
    stipendMin: fields.stipendMonthly.min,
    stipendMax: fields.stipendMonthly.max,
    daysPerWeek: fields.daysPerWeek,
    durationMonths: fields.durationMonths,
    languages: fields.languages,
    openings: fields.openings,
    deadline: calendarDayAsDate(fields.deadline),
    closesAt: endOfShanghaiDay(fields.deadline),
  }
}

async function checkAndResolve(tx: Tx, fields: RoleFields, status: RoleStatusValue, now: Date) {
  const problems = postingProblems(fields, status, now)
  if (fields.skills.length > listCaps.skillsPerRole) problems.push({ path: 'skills', key: 'limits.tooMany', params: { max: listCaps.skillsPerRole } })
  const { idOf, problems: skillProblems } = await skillIdsFor(tx, fields.skills)
  problems.push(...skillProblems)
  if (problems.length > 0) throw unprocessable('roles.rule.failed', problems)
  return idOf
}

function rethrowKeyTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw conflict('roles.keyTaken')
  }
  throw error
}

export async function createRole(actor: SessionUser, companyId: string, fields: RoleFields, status: RoleStatusValue, now = new Date()) {
  if (!canManageCompany(actor, companyId)) throw notFound()
  return prisma
    .$transaction(async (tx) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } })
      if (!company) throw notFound()
      await checkMayPublish(tx, companyId, status)
      if (status === 'published') await requireVerifiedEmail(tx, actor.id)
      const idOf = await checkAndResolve(tx, fields, status, now)
      const role = await tx.internshipRole.create({
        data: {
          ...columns(fields),
          companyId,
          status,
          createdById: actor.id,
          publishedAt: status === 'published' ? now : null,
          closedAt: status === 'closed' ? now : null,
          skills: { createMany: { data: fields.skills.map((s) => ({ skillId: idOf.get(s.skill) as string, level: s.level, required: s.required })) } },
        },
        select: { id: true },
      })
      await recordOutbox(tx, 'role', role.id)
      await recordAudit(tx, { actorId: actor.id, action: 'role.create', entity: 'role', entityId: role.id, data: { status } })
      return role
    })
    .catch(rethrowKeyTaken)
}

async function lockManagedRole(tx: Tx, actor: SessionUser, roleId: string) {
  const role = await tx.internshipRole.findUnique({ where: { id: roleId }, select: { id: true, companyId: true, status: true, publishedAt: true } })
  if (!role || !canManageCompany(actor, role.companyId)) throw notFound()
  return role
}

/** Saves every field of the role; publishing a closed role with a later deadline reopens it. */
export async function updateRole(actor: SessionUser, roleId: string, fields: RoleFields, status: RoleStatusValue, now = new Date()) {
  return prisma
    .$transaction(async (tx) => {
      const current = await lockManagedRole(tx, actor, roleId)
      await checkMayPublish(tx, current.companyId, status)
      if (status === 'published') await requireVerifiedEmail(tx, actor.id)
      const idOf = await checkAndResolve(tx, fields, status, now)
      await tx.roleSkill.deleteMany({ where: { roleId } })
      await tx.internshipRole.update({
        where: { id: roleId },
        data: {
          ...columns(fields),
          status,
          publishedAt: status === 'published' ? (current.publishedAt ?? now) : current.publishedAt,
          closedAt: status === 'closed' ? (current.status === 'closed' ? undefined : now) : null,
          skills: { createMany: { data: fields.skills.map((s) => ({ skillId: idOf.get(s.skill) as string, level: s.level, required: s.required })) } },
        },
        select: { id: true },
      })
      await recordOutbox(tx, 'role', roleId)
      await recordAudit(tx, { actorId: actor.id, action: 'role.update', entity: 'role', entityId: roleId, data: { from: current.status, to: status } })
      return { id: roleId }
    })
    .catch(rethrowKeyTaken)
}

/** The role's fields as the import format has them (for editing, PATCH and duplicating). */
export async function roleFields(actor: SessionUser, roleId: string): Promise<{ fields: RoleFields; status: RoleStatusValue; companyId: string }> {
  const role = await prisma.internshipRole.findUnique({
    where: { id: roleId },
    select: {
      key: true,
      companyId: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      kind: true,
      city: true,
      workMode: true,
      stipendMin: true,
      stipendMax: true,
      daysPerWeek: true,
      durationMonths: true,
      languages: true,
      openings: true,
      deadline: true,
      status: true,
      skills: { select: { level: true, required: true, skill: { select: { key: true } } }, orderBy: [{ required: 'desc' }, { level: 'desc' }] },
    },
  })
  if (!role || !canManageCompany(actor, role.companyId)) throw notFound()
  return {
    companyId: role.companyId,
    status: role.status,
    fields: {
      ...(role.key ? { key: role.key } : {}),
      title: apiText(role.titleZh, role.titleEn),
      description: apiText(role.descriptionZh, role.descriptionEn),
      kind: kindToApi(role.kind),
      city: role.city,
      workMode: role.workMode,
      stipendMonthly: { min: role.stipendMin, max: role.stipendMax },
      daysPerWeek: role.daysPerWeek,
      durationMonths: role.durationMonths,
      skills: role.skills.map((s) => ({ skill: s.skill.key, level: s.level, required: s.required })),
      languages: role.languages,
      openings: role.openings,
      deadline: role.deadline.toISOString().slice(0, 10),
    },
  }
}

/** Publish or close by hand; publishing checks the posting rules like a save does. */
export async function changeRoleStatus(actor: SessionUser, roleId: string, status: 'published' | 'closed', now = new Date()) {
  const { fields } = await roleFields(actor, roleId)
  return updateRole(actor, roleId, fields, status, now)
}

/** A copy as a new draft (without the external key), to post a similar role quickly. */
export async function duplicateRole(actor: SessionUser, roleId: string, now = new Date()) {
  const { fields, companyId } = await roleFields(actor, roleId)
  const { key: _key, ...rest } = fields
  return createRole(actor, companyId, rest, 'draft', now)
}

/** Closes published roles whose deadline day has ended (the scheduled job). */
export async function closeExpiredRoles(now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const expired = await tx.internshipRole.findMany({ where: { status: 'published', closesAt: { lte: now } }, select: { id: true } })
    if (expired.length === 0) return 0
    const ids = expired.map((r) => r.id)
    await tx.internshipRole.updateMany({ where: { id: { in: ids } }, data: { status: 'closed', closedAt: now } })
    await recordOutbox(tx, 'role', ids)
    await recordAudit(tx, { action: 'role.close-expired', entity: 'role', data: { count: ids.length } })
    return ids.length
  })
}

/** Everything the role page shows; drafts only to the company's members and admins. */
export async function getRoleForViewer(roleId: string, viewer: SessionUser | null, now = new Date()) {
  const role = await prisma.internshipRole.findUnique({
    where: { id: roleId },
    select: {
      ...roleDocumentSelect,
      company: {
        select: {
          ...roleDocumentSelect.company.select,
          city: true,
          website: true,
          descriptionZh: true,
          descriptionEn: true,
          logoKey: true,
        },
      },
    },
  })
  if (!role) throw notFound()
  if (!canSeeRole(viewer, { status: role.status, companyId: role.company.id, company: role.company })) throw notFound()
  const document = toRoleDocument(role)
  return {
    document,
    hit: toRoleHit(document),
    description: apiText(role.descriptionZh, role.descriptionEn),
    status: role.status,
    open: isOpen(role, now),
    closesAt: role.closesAt,
    company: {
      id: role.company.id,
      name: apiText(role.company.nameZh, role.company.nameEn),
      city: role.company.city,
      website: role.company.website,
      description: apiText(role.company.descriptionZh, role.company.descriptionEn),
      hasLogo: role.company.logoKey !== null,
      parkIncubated: role.company.parkIncubated && role.company.parkVerifiedAt !== null,
      parkClaimPending: role.company.parkIncubated && role.company.parkVerifiedAt === null,
    },
    canManage: canManageCompany(viewer, role.company.id),
  }
}

/** `GET /api/v1/roles/{id}`: a RoleHit plus the role's details. */
export async function roleApiView(roleId: string, viewer: SessionUser | null) {
  const role = await getRoleForViewer(roleId, viewer)
  const { highlight: _h, ...hit } = role.hit
  return {
    ...hit,
    description: role.description,
    daysPerWeek: role.document.daysPerWeek,
    durationMonths: role.document.durationMonths,
    languages: role.document.languages,
    openings: role.document.openings,
    status: role.status,
    open: role.open,
  }
}

export async function listCompanyRoles(companyId: string) {
  const roles = await prisma.internshipRole.findMany({
    where: { companyId },
    orderBy: [{ updatedAt: 'desc' }],
    select: { id: true, titleZh: true, titleEn: true, status: true, deadline: true, closesAt: true, publishedAt: true, _count: { select: { applications: true } } },
  })
  return roles.map((r) => ({
    id: r.id,
    title: apiText(r.titleZh, r.titleEn),
    status: r.status,
    deadline: r.deadline.toISOString().slice(0, 10),
    expired: r.closesAt.getTime() <= Date.now(),
    applications: r._count.applications,
  }))
}

