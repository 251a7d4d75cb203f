// Tickets and check-in. A ticket carries a signed token (in its QR code) and a short code
// to type; either checks the registration in once: the conditional update is atomic, so
// two scanners at two doors cannot both admit the same ticket.
import QRCode from 'qrcode'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { signToken, verifyToken } from '#app/lib/signed-token.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { assertEventStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { normaliseTicketCode } from './registrations.server.ts'
import { queueCredentialTask } from '#app/modules/credentials/tasks.server.ts'
import { shanghaiTimestamp } from '#app/lib/time.ts'

const PURPOSE = 'ticket'

export function ticketToken(registrationId: string, eventId: string) {
  return signToken(PURPOSE, { r: registrationId, e: eventId })
}

/** The participant's ticket: only for a confirmed registration. */
export async function getTicket(eventId: string, userId: string) {
  const registration = await prisma.registration.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: {
      id: true,
      status: true,
      ticketCode: true,
      checkedInAt: true,
      user: { select: { name: true } },
      event: { select: { id: true, titleZh: true, titleEn: true, startsAt: true, endsAt: true, venue: true } },
    },
  })
  if (!registration || registration.status !== 'confirmed') throw notFound()
  const token = ticketToken(registration.id, eventId)
  const svg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return {
    ...registration,
    token,
    qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  }
}

export type CheckInResult = {
  registrationId: string
  name: string
  email: string
  university: { zh: string | null; en: string | null } | null
  team: string | null
  checkedInAt: Date
}

/** Accepts a scanned token or a typed code for this event; refuses a second check-in. */
export async function checkIn(actor: SessionUser, eventId: string, ticket: string): Promise<CheckInResult> {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  const trimmed = ticket.trim()
  let where: { id: string } | { ticketCode: string }
  if (trimmed.includes('.')) {
    const payload = verifyToken<{ r: string; e: string }>(PURPOSE, trimmed)
    if (!payload) throw new UserFacingError(422, 'checkin.invalid', undefined, [{ path: 'ticket', key: 'checkin.invalid' }])
    if (payload.e !== eventId) throw new UserFacingError(422, 'checkin.otherEvent', undefined, [{ path: 'ticket', key: 'checkin.otherEvent' }])
    where = { id: payload.r }
  } else {
    where = { ticketCode: normaliseTicketCode(trimmed) }
  }
  const registration = await prisma.registration.findUnique({
    where,
    select: {
      id: true,
      eventId: true,
      status: true,
      checkedInAt: true,
      team: { select: { name: true } },
      user: { select: { name: true, email: true, studentProfile: { select: { university: { select: { nameZh: true, nameEn: true } } } } } },
    },
  })
  if (!registration) throw new UserFacingError(422, 'checkin.invalid', undefined, [{ path: 'ticket', key: 'checkin.invalid' }])
  if (registration.eventId !== eventId) throw new UserFacingError(422, 'checkin.otherEvent', undefined, [{ path: 'ticket', key: 'checkin.otherEvent' }])
  if (registration.status !== 'confirmed') {
    throw new UserFacingError(422, 'checkin.notConfirmed', { status: registration.status }, [
      { path: 'ticket', key: 'checkin.notConfirmed', params: { status: registration.status } },
    ])
  }
  const now = new Date()
  // The check-in and its participation credential task are written together.
  const claimed = await prisma.$transaction(async (tx) => {
    const updated = await tx.registration.updateMany({
      where: { id: registration.id, status: 'confirmed', checkedInAt: null },
      data: { checkedInAt: now },
    })
    if (updated.count === 1) await queueCredentialTask(tx, { kind: 'participation', subjectId: registration.id, requestedById: actorId })
    return updated
  })
  if (claimed.count !== 1) {
    const current = await prisma.registration.findUniqueOrThrow({ where: { id: registration.id }, select: { checkedInAt: true } })
    const time = current.checkedInAt ? shanghaiTimestamp(current.checkedInAt) : '-'
    throw new UserFacingError(409, 'checkin.already', { name: registration.user.name, time }, [
      { path: 'ticket', key: 'checkin.already', params: { name: registration.user.name, time } },
    ])
  }
  await recordAudit(prisma, { actorId, action: 'registration.checkin', entity: 'registration', entityId: registration.id })
  const university = registration.user.studentProfile?.university
  return {
    registrationId: registration.id,
    name: registration.user.name,
    email: registration.user.email,
    university: university ? { zh: university.nameZh, en: university.nameEn } : null,
    team: registration.team?.name ?? null,
    checkedInAt: now,
  }
}
