// Invitations: single-use, expiring, signed links that make someone a company member,
// university staff, an organizer, or an event's co-organizer or judge. An event invitation
// grants only the event staff row: the platform `organizer` role (creating events) comes
// from an admin's organizer invitation or `user promote`, never from judging one contest.
import { timingSafeEqual } from 'node:crypto'
import type { z } from 'zod'
import type { AccountRole, InvitationKind } from '#app/generated/prisma/enums.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, tooMany } from '#app/lib/errors.server.ts'
import { sha256Hex } from '#app/lib/hash.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { signToken, verifyToken } from '#app/lib/signed-token.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { createInvitationSchema } from './schemas.ts'

const INVITATION_DAYS = 7
const PURPOSE = 'invitation'

const roleForKind: Record<InvitationKind, AccountRole | null> = {
  company_member: 'company_member',
  university_staff: 'university_staff',
  organizer: 'organizer',
  event_coorganizer: null,
  event_judge: null,
}

/** Where the invitee lands once the invitation is used. */
function landingFor(invitation: { kind: InvitationKind; eventId: string | null }) {
  if (invitation.kind === 'event_judge' && invitation.eventId) return `/judge/events/${invitation.eventId}`
  if (invitation.kind === 'event_coorganizer' && invitation.eventId) return `/organize/events/${invitation.eventId}`
  return '/'
}

export type InvitationView = {
  id: string
  kind: InvitationKind
  email: string | null
  /** The platform role it grants; null for event invitations (staff of that event only). */
  role: AccountRole | null
  landing: string
  companyName: { zh: string | null; en: string | null } | null
  universityName: { zh: string | null; en: string | null } | null
  eventTitle: { zh: string | null; en: string | null } | null
}

const invalidInvitation = () => new UserFacingError(404, 'auth.invitationInvalid')

export async function createInvitation(input: z.output<typeof createInvitationSchema>, createdById: string | null) {
  const needs: Record<InvitationKind, 'companyId' | 'universityId' | 'eventId' | null> = {
    company_member: 'companyId',
    university_staff: 'universityId',
    organizer: null,
    event_coorganizer: 'eventId',
    event_judge: 'eventId',
  }
  const field = needs[input.kind]
  if (field && !input[field]) {
    throw new UserFacingError(422, 'validation.required', undefined, [{ path: field, key: 'validation.required' }])
  }
  if (createdById) {
    const open = await prisma.invitation.count({ where: { createdById, usedAt: null, expiresAt: { gt: new Date() } } })
    if (open >= listCaps.openInvitationsPerInviter) throw tooMany(listCaps.openInvitationsPerInviter)
  }
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
  const token = await prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: {
        kind: input.kind,
        email: input.email ?? null,
        companyId: field === 'companyId' ? input.companyId : null,
        universityId: field === 'universityId' ? input.universityId : null,
        eventId: field === 'eventId' ? input.eventId : null,
        // The token names the row's id, so the row comes first; until then it holds the hash
        // of a value nobody has. A shared placeholder would make two inviters collide.
        tokenHash: sha256Hex(crypto.randomUUID()),
        expiresAt,
        createdById,
      },
      select: { id: true },
    })
    const signed = signToken(PURPOSE, { id: invitation.id, n: crypto.randomUUID() }, expiresAt)
    await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash: sha256Hex(signed) }, select: { id: true } })
    return signed
  })
  return { token, path: `/invite/${encodeURIComponent(token)}`, expiresAt }
}

async function findUsable(tx: Tx, token: string) {
  const payload = verifyToken<{ id: string; n: string }>(PURPOSE, token)
  if (!payload) throw invalidInvitation()
  const invitation = await tx.invitation.findUnique({
    where: { id: payload.id },
    select: {
      id: true,
      kind: true,
      email: true,
      tokenHash: true,
      expiresAt: true,
      usedAt: true,
      companyId: true,
      universityId: true,
      eventId: true,
      company: { select: { nameZh: true, nameEn: true } },
      university: { select: { nameZh: true, nameEn: true } },
      event: { select: { titleZh: true, titleEn: true } },
    },
  })
  const hash = Buffer.from(sha256Hex(token))
  if (
    !invitation ||
    invitation.usedAt ||
    invitation.expiresAt < new Date() ||
    hash.length !== invitation.tokenHash.length ||
    !timingSafeEqual(hash, Buffer.from(invitation.tokenHash))
  ) {
    throw invalidInvitation()
  }
  return invitation
}

export async function describeInvitation(token: string): Promise<InvitationView> {
  const invitation = await findUsable(prisma, token)
  return {
    id: invitation.id,
    kind: invitation.kind,
    email: invitation.email,
    role: roleForKind[invitation.kind],
    landing: landingFor(invitation),
    companyName: invitation.company ? { zh: invitation.company.nameZh, en: invitation.company.nameEn } : null,
    universityName: invitation.university ? { zh: invitation.university.nameZh, en: invitation.university.nameEn } : null,
    eventTitle: invitation.event ? { zh: invitation.event.titleZh, en: invitation.event.titleEn } : null,
  }
}

/**
 * Uses the invitation for `userId` inside the caller's transaction. Marking it used is
 * conditional on it being unused, so two simultaneous uses cannot both succeed.
 */
export async function consumeInvitation(tx: Tx, token: string, userId: string, userEmail: string) {
  const invitation = await findUsable(tx, token)
  if (invitation.email && invitation.email !== userEmail) {
    throw new UserFacingError(403, 'auth.invitationOtherEmail', { email: invitation.email })
  }
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, usedAt: null },
    data: { usedAt: new Date(), usedById: userId },
  })
  if (claimed.count !== 1) throw invalidInvitation()
  const role = roleForKind[invitation.kind]
  if (role) {
    await tx.userRole.upsert({
      where: { userId_role: { userId, role } },
      create: { userId, role },
      update: {},
      select: { userId: true },
    })
  }
  if (invitation.companyId) {
    await tx.companyMember.upsert({
      where: { userId_companyId: { userId, companyId: invitation.companyId } },
      create: { userId, companyId: invitation.companyId },
      update: {},
      select: { userId: true },
    })
  }
  if (invitation.universityId) {
    await tx.universityStaff.upsert({
      where: { userId_universityId: { userId, universityId: invitation.universityId } },
      create: { userId, universityId: invitation.universityId },
      update: {},
      select: { userId: true },
    })
  }
  if (invitation.eventId) {
    const staffRole = invitation.kind === 'event_judge' ? 'judge' : 'coorganizer'
    await tx.eventStaff.upsert({
      where: { eventId_userId_role: { eventId: invitation.eventId, userId, role: staffRole } },
      create: { eventId: invitation.eventId, userId, role: staffRole },
      update: {},
      select: { userId: true },
    })
  }
  await recordAudit(tx, { actorId: userId, action: 'invitation.use', entity: 'invitation', entityId: invitation.id })
  return role
}

export async function acceptInvitation(token: string, user: { id: string; email: string }) {
  return prisma.$transaction((tx) => consumeInvitation(tx, token, user.id, user.email))
}
