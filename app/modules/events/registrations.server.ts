// The registration engine. Every change that can move a seat (register, cancel, approve,
// promote) runs in one transaction that first locks the event's row, so they happen one
// after another per event; `Event.confirmedCount` moves in the same transaction and the
// database's CHECK constraint (confirmedCount <= capacity) makes overbooking impossible
// even if this code were wrong. Unique constraints make duplicates impossible.
import { randomInt } from 'node:crypto'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, conflict, notFound, type FieldProblem } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, requireVerifiedEmail, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { LOCKING_TX, lockEvent, notificationTitle, questionsOf, type LockedEvent } from './event-lock.server.ts'
import type { RegisterInput, RegistrationStatusValue } from './schemas.ts'

const TICKET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** Eight characters without look-alikes (0/O, 1/I), easy to read out at the door. */
export function newTicketCode() {
  let code = ''
  for (let i = 0; i < 8; i++) code += TICKET_ALPHABET[randomInt(TICKET_ALPHABET.length)]
  return code
}

export function normaliseTicketCode(value: string) {
  return value.toUpperCase().replace(/[\s-]/g, '')
}

function seatFree(event: Pick<LockedEvent, 'capacity' | 'confirmedCount'>) {
  return event.capacity === null || event.confirmedCount < event.capacity
}

function checkAnswers(event: LockedEvent, input: RegisterInput): Record<string, string> {
  const problems: FieldProblem[] = []
  const answers: Record<string, string> = {}
  for (const question of questionsOf(event.questions)) {
    const answer = input.answers?.[question.id]?.trim() ?? ''
    if (question.required && !answer) problems.push({ path: `answers.${question.id}`, key: 'validation.required' })
    if (answer) answers[question.id] = answer
  }
  if ((event.rulesZh || event.rulesEn) && !input.acceptRules) {
    problems.push({ path: 'acceptRules', key: 'events.rulesRequired' })
  }
  if (problems.length > 0) throw new UserFacingError(422, 'validation.formErrors', undefined, problems)
  return answers
}

async function checkTeam(tx: Tx, event: LockedEvent, userId: string, teamId: string | undefined) {
  if (event.kind !== 'contest') return null
  if (!teamId) throw new UserFacingError(422, 'events.teamRequired', undefined, [{ path: 'teamId', key: 'events.teamRequired' }])
  const team = await tx.team.findUnique({
    where: { id: teamId },
    select: { id: true, eventId: true, captainId: true, _count: { select: { members: true } } },
  })
  if (!team || team.eventId !== event.id || team.captainId !== userId) {
    throw new UserFacingError(422, 'events.notCaptain', undefined, [{ path: 'teamId', key: 'events.notCaptain' }])
  }
  if (event.teamSizeMin && team._count.members < event.teamSizeMin) {
    throw new UserFacingError(422, 'events.teamTooSmall', { min: event.teamSizeMin }, [
      { path: 'teamId', key: 'events.teamTooSmall', params: { min: event.teamSizeMin } },
    ])
  }
  return team.id
}

const existingSelect = { id: true, status: true, createdAt: true } as const

function alreadyRegistered(existing: { id: string; status: string; createdAt: Date }) {
  return conflict('events.alreadyRegistered', {
    registration: { id: existing.id, status: existing.status, createdAt: existing.createdAt.toISOString() },
  })
}

export type RegistrationResult = { id: string; status: 'confirmed' | 'waitlisted' | 'pending' }

/**
 * Registers the user (for a contest: the captain's team). Documented outcomes: the new
 * registration, 409 with the existing one, 422 when closed, full without a waitlist, or
 * the answers are incomplete, 403 when the user is not eligible.
 */
export async function registerForEvent(eventId: string, user: SessionUser, input: RegisterInput, now = new Date()): Promise<RegistrationResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const event = await lockEvent(tx, eventId)
      if (event.status === 'draft') throw notFound()
      await requireVerifiedEmail(tx, user.id)
      if (event.status !== 'published' || now < event.registrationOpensAt || now >= event.registrationClosesAt) {
        throw new UserFacingError(422, 'events.registrationClosed')
      }
      if (event.eligibility === 'students' && !hasRole(user, 'student')) throw new UserFacingError(403, 'events.studentsOnly')
      const existing = await tx.registration.findUnique({ where: { eventId_userId: { eventId, userId: user.id } }, select: existingSelect })
      if (existing && existing.status !== 'cancelled') throw alreadyRegistered(existing)
      const answers = checkAnswers(event, input)
      const teamId = await checkTeam(tx, event, user.id, input.teamId)

      let status: RegistrationResult['status']
      if (event.approvalRequired) status = 'pending'
      else if (seatFree(event)) status = 'confirmed'
      else if (event.waitlist) status = 'waitlisted'
      else throw new UserFacingError(422, 'events.full')

      if (status === 'confirmed') {
        await tx.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: 1 } }, select: { id: true } })
      }
      const data = {
        status,
        answers,
        teamId,
        rulesAcceptedAt: input.acceptRules ? now : null,
        // Waitlist order is first come: a returning registrant queues anew.
        createdAt: now,
        checkedInAt: null,
        remindedAt: null,
      }
      const registration = existing
        ? await tx.registration.update({ where: { id: existing.id }, data, select: { id: true } })
        : await tx.registration.create({ data: { ...data, eventId, userId: user.id, ticketCode: newTicketCode() }, select: { id: true } })
      return { id: registration.id, status }
    }, LOCKING_TX)
  } catch (error) {
    // A unique constraint is the last line against duplicates (the same person twice, a
    // team registered by two captains): answer with what already exists.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const existing = await prisma.registration.findUnique({ where: { eventId_userId: { eventId, userId: user.id } }, select: existingSelect })
      if (existing) throw alreadyRegistered(existing)
      if (input.teamId) throw conflict('events.teamAlreadyRegistered')
    }
    throw error
  }
}

/**
 * Fills free seats from the waitlist, first come first served (createdAt, then id), and
 * tells each promoted registrant. The caller holds the event's row lock.
 */
export async function promoteWaitlisted(tx: Tx, eventId: string) {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { id: true, titleZh: true, titleEn: true, capacity: true, confirmedCount: true, status: true },
  })
  if (event.status === 'cancelled') return []
  const free = event.capacity === null ? undefined : event.capacity - event.confirmedCount
  if (free !== undefined && free <= 0) return []
  const next = await tx.registration.findMany({
    where: { eventId, status: 'waitlisted' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: free,
    select: { id: true, userId: true },
  })
  if (next.length === 0) return []
  await tx.registration.updateMany({ where: { id: { in: next.map((r) => r.id) } }, data: { status: 'confirmed' } })
  await tx.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: next.length } }, select: { id: true } })
  for (const registration of next) {
    await notify(tx, { userId: registration.userId, type: 'event.promoted', data: notificationTitle(event), link: `/events/${eventId}` })
  }
  return next.map((r) => r.id)
}

/** Cancels the user's own registration; a freed seat goes to the waitlist in the same transaction. */
export async function cancelRegistration(eventId: string, userId: string) {
  return prisma.$transaction(async (tx) => {
    await lockEvent(tx, eventId)
    const registration = await tx.registration.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { id: true, status: true } })
    if (!registration || registration.status === 'cancelled' || registration.status === 'declined') throw notFound()
    await tx.registration.update({ where: { id: registration.id }, data: { status: 'cancelled' }, select: { id: true } })
    if (registration.status === 'confirmed') {
      await tx.event.update({ where: { id: eventId }, data: { confirmedCount: { decrement: 1 } }, select: { id: true } })
    }
    const promoted = await promoteWaitlisted(tx, eventId)
    await recordAudit(tx, { actorId: userId, action: 'registration.cancel', entity: 'registration', entityId: registration.id })
    return { status: 'cancelled' as const, promoted }
  }, LOCKING_TX)
}

export type DecisionSummary = { approved: number; waitlisted: number; declined: number; full: number }

/**
 * Approves or declines pending registrations, oldest first. An approval takes a seat if
 * one is free, else a waitlist place, else it stays pending and counts as `full`.
 */
export async function decideRegistrations(eventId: string, registrationIds: string[], decision: 'approve' | 'decline', actorId: string) {
  return prisma.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId)
    const pending = await tx.registration.findMany({
      where: { eventId, id: { in: registrationIds }, status: 'pending' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, userId: true },
    })
    const summary: DecisionSummary = { approved: 0, waitlisted: 0, declined: 0, full: 0 }
    let confirmed = event.confirmedCount
    for (const registration of pending) {
      let status: 'confirmed' | 'waitlisted' | 'declined'
      if (decision === 'decline') status = 'declined'
      else if (event.capacity === null || confirmed < event.capacity) status = 'confirmed'
      else if (event.waitlist) status = 'waitlisted'
      else {
        summary.full++
        continue
      }
      await tx.registration.update({ where: { id: registration.id }, data: { status }, select: { id: true } })
      if (status === 'confirmed') {
        confirmed++
        await tx.event.update({ where: { id: eventId }, data: { confirmedCount: { increment: 1 } }, select: { id: true } })
      }
      summary[status === 'confirmed' ? 'approved' : status]++
      await notify(tx, {
        userId: registration.userId,
        type: status === 'declined' ? 'event.declined' : status === 'confirmed' ? 'event.approved' : 'event.approvedWaitlisted',
        data: notificationTitle(event),
        link: `/events/${eventId}`,
      })
    }
    await recordAudit(tx, { actorId, action: `registration.${decision}`, entity: 'event', entityId: eventId, data: summary })
    return summary
  }, LOCKING_TX)
}

/** The viewer's own registration, if any. */
export async function myRegistration(eventId: string, userId: string) {
  return prisma.registration.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: { id: true, status: true, ticketCode: true, checkedInAt: true, createdAt: true, teamId: true },
  })
}

/** Where a waitlisted registration stands in the queue (1 = next). */
export async function waitlistPosition(eventId: string, registration: { id: string; createdAt: Date }) {
  const ahead = await prisma.registration.count({
    where: {
      eventId,
      status: 'waitlisted',
      OR: [{ createdAt: { lt: registration.createdAt } }, { createdAt: registration.createdAt, id: { lt: registration.id } }],
    },
  })
  return ahead + 1
}

const studentSelect = {
  id: true,
  name: true,
  email: true,
  studentProfile: { select: { id: true, key: true, university: { select: { id: true, nameZh: true, nameEn: true } } } },
} as const

/** The organizer's list (also the API's and the CSV export's source). */
export async function listRegistrations(eventId: string, filter: { status?: RegistrationStatusValue } = {}) {
  const rows = await prisma.registration.findMany({
    where: { eventId, ...(filter.status ? { status: filter.status } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      answers: true,
      createdAt: true,
      checkedInAt: true,
      ticketCode: true,
      team: { select: { id: true, name: true, track: { select: { key: true, nameZh: true, nameEn: true } } } },
      user: { select: studentSelect },
    },
  })
  return rows
}
export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number]

export function registrationApiView(row: RegistrationRow) {
  const profile = row.user.studentProfile
  return {
    id: row.id,
    status: row.status,
    student: {
      id: profile?.id ?? null,
      userId: row.user.id,
      key: profile?.key ?? null,
      name: row.user.name,
      email: row.user.email,
      university: profile?.university
        ? { ...(profile.university.nameZh ? { zh: profile.university.nameZh } : {}), ...(profile.university.nameEn ? { en: profile.university.nameEn } : {}) }
        : null,
    },
    team: row.team ? { id: row.team.id, name: row.team.name } : null,
    answers: row.answers,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

/**
 * "My events": the user's registrations and their contest teams', except cancelled ones,
 * split into those still to come (soonest first) and past ones (latest first).
 */
export async function registrationsOfUser(userId: string, now = new Date()) {
  const rows = await prisma.registration.findMany({
    where: { status: { not: 'cancelled' }, OR: [{ userId }, { team: { members: { some: { userId } } } }] },
    orderBy: [{ event: { startsAt: 'asc' } }, { id: 'asc' }],
    select: {
      id: true,
      status: true,
      checkedInAt: true,
      team: { select: { name: true } },
      event: { select: { id: true, kind: true, status: true, titleZh: true, titleEn: true, startsAt: true, endsAt: true } },
    },
  })
  const items = rows.map((r) => ({ ...r, team: r.team?.name ?? null }))
  return {
    upcoming: items.filter((r) => r.event.endsAt > now),
    past: items.filter((r) => r.event.endsAt <= now).reverse(),
  }
}
