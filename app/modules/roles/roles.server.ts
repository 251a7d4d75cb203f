// Internship roles: every write checks that the actor manages the role's company, applies
// the posting rules, and records an outbox entry in the same transaction so search follows.
import { Prisma } from '#app/generated/prisma/client.ts'
import type { RoleKind as DbRoleKind } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { conflict, notFound, unprocessable, UserFacingError, type FieldProblem } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { canManageCompany, requireVerifiedEmail, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { kindToApi, roleDocumentSelect, toRoleDocument } from '#app/modules/search/documents.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import { toRoleHit } from '#app/modules/search/search.server.ts'
import { apiText } from '#app/i18n/api-text.ts'
import { sha256Hex } from '#app/lib/hash.server.ts'
import { calendarDayAsDate, endOfShanghaiDay, shanghaiDay } from '#app/lib/time.ts'
import { postingProblems, reviewReasonsFor } from './posting-rules.ts'
import { isOpen } from './open.ts'
import { roleContentSelect } from './role-select.server.ts'
import { type RoleFields, type RoleStatusValue } from './schemas.ts'

/**
 * Who sees a role: everyone once it is out of draft and its company is verified, unless a
 * moderator hid it; the company's members and admins always. Anyone else gets a 404
 * (docs/decisions/016, 024).
 */
export function canSeeRole(
  viewer: SessionUser | null,
  role: { status: string; companyId: string; hiddenAt: Date | null; company: { verifiedAt: Date | null } },
) {
  if (canManageCompany(viewer, role.companyId)) return true
  return role.status !== 'draft' && !role.hiddenAt && role.company.verifiedAt !== null
}

/** Publishing reaches students, so the company must be verified and not suspended; drafts may be prepared before. */
async function checkMayPublish(tx: Tx, companyId: string, status: RoleStatusValue) {
  if (status !== 'published') return
  const company = await tx.company.findUnique({ where: { id: companyId }, select: { verifiedAt: true, suspendedAt: true } })
  if (!company?.verifiedAt) throw new UserFacingError(403, 'access.companyUnverifiedPublish')
  if (company.suspendedAt) throw unprocessable('trust.moderation.suspended')
}

/** A role id from a path segment: the id itself, or `key:KEY` (the import format's key). */
export async function resolveRoleRef(ref: string): Promise<string | null> {
  if (!ref.startsWith('key:')) return ref
  const found = await prisma.internshipRole.findUnique({ where: { key: ref.slice(4) }, select: { id: true } })
  return found?.id ?? null
}

const dbKind = (kind: RoleFields['kind']) => kind.replace(/-/g, '_') as DbRoleKind

async function skillIdsFor(tx: Tx, skills: RoleFields['skills'], known?: Map<string, string>) {
  const missing = skills.map((s) => s.skill).filter((key) => !known?.has(key))
  const found = missing.length > 0 ? await tx.skill.findMany({ where: { key: { in: missing } }, select: { id: true, key: true } }) : []
  const idOf = new Map([...(known ?? []), ...found.map((s) => [s.key, s.id] as const)])
  const problems: FieldProblem[] = []
  skills.forEach((s, i) => {
    if (!idOf.has(s.skill)) problems.push({ path: `skills.${i}.skill`, key: 'roles.unknownSkill', params: { skill: s.skill } })
    // A role lists a skill once; a repeat would otherwise fail as a unique-key conflict.
    else if (skills.findIndex((other) => other.skill === s.skill) < i)
      problems.push({ path: `skills.${i}.skill`, key: 'roles.duplicateSkill', params: { skill: s.skill } })
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

/** What an admin's approval refers to: the content the review reasons were found in. */
function reviewFingerprint(fields: RoleFields) {
  return sha256Hex(JSON.stringify([fields.title, fields.description, fields.kind, fields.stipendMonthly]))
}

/** A role as stored, with what saving it again needs to know. */
const storedRoleSelect = {
  id: true,
  ...roleContentSelect,
  closesAt: true,
  publishedAt: true,
  closedAt: true,
  review: true,
  reviewReasons: true,
  reviewNote: true,
  reviewFingerprint: true,
  skills: { select: { skillId: true, level: true, required: true } },
} satisfies Prisma.InternshipRoleSelect

type StoredRole = Prisma.InternshipRoleGetPayload<{ select: typeof storedRoleSelect }>

/**
 * The status a save ends in. A role the posting rules flag for review (off-platform
 * contact, a stipend far outside the regional range) waits as a draft "in review" instead
 * of being published, until an admin approves that content.
 */
function publication(fields: RoleFields, requested: RoleStatusValue, stored: StoredRole | null, now: Date) {
  const reasons = reviewReasonsFor(fields)
  const fingerprint = reasons.length > 0 ? reviewFingerprint(fields) : null
  const approved = fingerprint !== null && stored?.review === 'approved' && stored.reviewFingerprint === fingerprint
  const held = requested === 'published' && reasons.length > 0 && !approved
  const status: RoleStatusValue = held ? 'draft' : requested
  const review = approved
    ? { review: 'approved' as const, reviewReasons: reasons, reviewNote: null, reviewFingerprint: fingerprint }
    : held
      ? { review: 'pending' as const, reviewReasons: reasons, reviewNote: null, reviewFingerprint: fingerprint }
      : { review: 'none' as const, reviewReasons: [], reviewNote: null, reviewFingerprint: null }
  return {
    status,
    ...review,
    // First publication is kept; closing is stamped while closed and cleared on reopening.
    publishedAt: stored?.publishedAt ?? (status === 'published' ? now : null),
    closedAt: status === 'closed' ? (stored?.closedAt ?? now) : null,
  }
}

type WriteResult = { id: string; outcome: 'created' | 'updated' | 'unchanged'; inReview: boolean }

/** One role to save: where it belongs, its fields, the status its author asked for. */
export type RoleWrite = { companyId: string; fields: RoleFields; status: RoleStatusValue }

function rethrowKeyTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    throw conflict('roles.keyTaken')
  }
  throw error
}

/**
 * The one write path of roles, for the form, the API and the importer: checks the posting
 * rules, decides publication and review, and writes the role, its skills, the outbox and
 * the audit log. Saving what is already stored writes nothing ("unchanged").
 */
async function writeRole(
  tx: Tx,
  actorId: string | null,
  stored: StoredRole | null,
  write: RoleWrite,
  now: Date,
  knownSkills?: Map<string, string>,
): Promise<WriteResult> {
  const problems = postingProblems(write.fields, write.status, now)
  if (write.fields.skills.length > listCaps.skillsPerRole) problems.push({ path: 'skills', key: 'limits.tooMany', params: { max: listCaps.skillsPerRole } })
  const { idOf, problems: skillProblems } = await skillIdsFor(tx, write.fields.skills, knownSkills)
  problems.push(...skillProblems)
  if (problems.length > 0) throw unprocessable('roles.rule.failed', problems)
  await checkMayPublish(tx, write.companyId, write.status)
  const data = { ...columns(write.fields), companyId: write.companyId, ...publication(write.fields, write.status, stored, now) }
  const skills = write.fields.skills.map((s) => ({ skillId: idOf.get(s.skill) as string, level: s.level, required: s.required }))
  if (!stored) {
    const role = await tx.internshipRole.create({
      data: { ...data, createdById: actorId, skills: { createMany: { data: skills } } },
      select: { id: true },
    })
    await recordOutbox(tx, 'role', role.id)
    await recordAudit(tx, { actorId, action: 'role.create', entity: 'role', entityId: role.id, data: { status: data.status, review: data.review } })
    return { id: role.id, outcome: 'created', inReview: data.review === 'pending' }
  }
  const changes = changedColumns(stored, data)
  const sameSkills =
    skills.length === stored.skills.length &&
    skills.every((s) => stored.skills.some((t) => t.skillId === s.skillId && t.level === s.level && t.required === s.required))
  if (!changes && sameSkills) return { id: stored.id, outcome: 'unchanged', inReview: data.review === 'pending' }
  if (!sameSkills) await tx.roleSkill.deleteMany({ where: { roleId: stored.id } })
  await tx.internshipRole.update({
    where: { id: stored.id },
    data: { ...changes, updatedAt: now, ...(sameSkills ? {} : { skills: { createMany: { data: skills } } }) },
    select: { id: true },
  })
  await recordOutbox(tx, 'role', stored.id)
  await recordAudit(tx, {
    actorId,
    action: 'role.update',
    entity: 'role',
    entityId: stored.id,
    data: { from: stored.status, to: data.status, review: data.review },
  })
  return { id: stored.id, outcome: 'updated', inReview: data.review === 'pending' }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  return a === b
}

/** The columns of `desired` that differ from the stored role, or null when none do. */
function changedColumns<D extends Record<string, unknown>>(stored: Record<string, unknown>, desired: D): Partial<D> | null {
  const changes = Object.fromEntries(Object.entries(desired).filter(([column, value]) => !sameValue(stored[column], value)))
  return Object.keys(changes).length > 0 ? (changes as Partial<D>) : null
}

export async function createRole(actor: SessionUser, companyId: string, fields: RoleFields, status: RoleStatusValue, now = new Date()) {
  if (!canManageCompany(actor, companyId)) throw notFound()
  return prisma
    .$transaction(async (tx) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } })
      if (!company) throw notFound()
      // Publishing reaches students: it needs a proven address (docs/decisions/014).
      if (status === 'published') await requireVerifiedEmail(tx, actor.id)
      const { id, inReview } = await writeRole(tx, actor.id, null, { companyId, fields, status }, now)
      return { id, inReview }
    })
    .catch(rethrowKeyTaken)
}

async function lockManagedRole(tx: Tx, actor: SessionUser, roleId: string) {
  const role = await tx.internshipRole.findUnique({ where: { id: roleId }, select: storedRoleSelect })
  if (!role || !canManageCompany(actor, role.companyId)) throw notFound()
  return role
}

/**
 * Saves every field of the role; publishing a closed role with a later deadline reopens it.
 * `keep` keeps the status the author last asked for (a role in review stays in review).
 */
export async function updateRole(actor: SessionUser, roleId: string, fields: RoleFields, status: RoleStatusValue | 'keep', now = new Date()) {
  return prisma
    .$transaction(async (tx) => {
      const stored = await lockManagedRole(tx, actor, roleId)
      const requested = status === 'keep' ? requestedStatus(stored) : status
      if (requested === 'published' && stored.status !== 'published') await requireVerifiedEmail(tx, actor.id)
      const { inReview } = await writeRole(tx, actor.id, stored, { companyId: stored.companyId, fields, status: requested }, now)
      return { id: roleId, inReview }
    })
    .catch(rethrowKeyTaken)
}

/** The status the author asked for: a role held for review was meant to be published. */
function requestedStatus(role: { status: RoleStatusValue; review: string }): RoleStatusValue {
  return role.review === 'pending' ? 'published' : role.status
}

/**
 * The importer's batch form of the same write path: roles by key, created or updated in
 * the caller's transaction (one file, all or nothing), with the same rules and outcomes.
 */
export async function saveRolesByKey(tx: Tx, actorId: string | null, writes: RoleWrite[], knownSkills: Map<string, string>, now: Date) {
  const keys = writes.map((w) => w.fields.key).filter((key): key is string => key !== undefined)
  const stored = await tx.internshipRole.findMany({ where: { key: { in: keys } }, select: storedRoleSelect })
  const byKey = new Map(stored.map((r) => [r.key, r]))
  const outcomes: WriteResult[] = []
  for (const write of writes) {
    outcomes.push(await writeRole(tx, actorId, byKey.get(write.fields.key ?? null) ?? null, write, now, knownSkills))
  }
  return outcomes
}

/** The role's fields as the import format has them (for editing, PATCH and duplicating). */
export async function roleFields(actor: SessionUser, roleId: string) {
  const role = await prisma.internshipRole.findUnique({
    where: { id: roleId },
    select: {
      ...roleContentSelect,
      review: true,
      reviewReasons: true,
      reviewNote: true,
      skills: { select: { level: true, required: true, skill: { select: { key: true } } }, orderBy: [{ required: 'desc' }, { level: 'desc' }] },
    },
  })
  if (!role || !canManageCompany(actor, role.companyId)) throw notFound()
  return {
    companyId: role.companyId,
    status: role.status as RoleStatusValue,
    review: { state: role.review, reasons: role.reviewReasons, note: role.reviewNote },
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
    } satisfies RoleFields as RoleFields,
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
      review: true,
      reviewReasons: true,
      reviewNote: true,
      hiddenReason: true,
      company: {
        select: {
          ...roleDocumentSelect.company.select,
          city: true,
          website: true,
          descriptionZh: true,
          descriptionEn: true,
          logoKey: true,
          verifiedAt: true,
          licenceVerifiedAt: true,
        },
      },
    },
  })
  if (!role) throw notFound()
  if (!canSeeRole(viewer, { status: role.status, companyId: role.company.id, hiddenAt: role.hiddenAt, company: role.company })) throw notFound()
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
      licenceVerifiedOn: role.company.licenceVerifiedAt ? shanghaiDay(role.company.licenceVerifiedAt) : null,
    },
    canManage: canManageCompany(viewer, role.company.id),
    review: { state: role.review, reasons: role.reviewReasons, note: role.reviewNote },
    hidden: role.hiddenAt ? { reason: role.hiddenReason ?? '' } : null,
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
    // The company sees why its role is not published yet ("in review").
    ...(role.canManage ? { review: role.review } : {}),
  }
}

export async function listCompanyRoles(companyId: string) {
  const roles = await prisma.internshipRole.findMany({
    where: { companyId },
    orderBy: [{ updatedAt: 'desc' }],
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      status: true,
      review: true,
      deadline: true,
      closesAt: true,
      publishedAt: true,
      // A deleted account's application still counts (decision 029).
      _count: { select: { applications: true, anonymousApplications: true } },
    },
  })
  return roles.map((r) => ({
    id: r.id,
    title: apiText(r.titleZh, r.titleEn),
    status: r.status,
    review: r.review,
    deadline: r.deadline.toISOString().slice(0, 10),
    expired: r.closesAt.getTime() <= Date.now(),
    applications: r._count.applications + r._count.anonymousApplications,
  }))
}
