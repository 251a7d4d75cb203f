// The organizer's view of an event: counts, registrations over time, by university and by
// track, the CSV export, and messages to registrants of one status.
import { toCsv } from '#app/lib/csv.ts'
import { prisma } from '#app/lib/db.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { assertEventStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { notificationTitle } from './event-lock.server.ts'
import { listRegistrations } from './registrations.server.ts'
import type { RegistrationStatusValue } from './schemas.ts'
import { shanghaiTimestamp, TIME_ZONE } from '#app/lib/time.ts'

/**
 * The counts include the anonymous rows a deleted account left (AnonymousRegistration,
 * docs/decisions/029), so a student deleting their account does not change an event's history.
 */
export async function eventDashboard(eventId: string) {
  const [byStatus, anonymousByStatus, checkedIn, anonymousCheckedIn, perDay, byUniversity, byTrack] = await Promise.all([
    prisma.registration.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } }),
    prisma.anonymousRegistration.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } }),
    prisma.registration.count({ where: { eventId, checkedInAt: { not: null } } }),
    prisma.anonymousRegistration.count({ where: { eventId, checkedInAt: { not: null } } }),
    prisma.$queryRaw<Array<{ day: string; count: number }>>`
      SELECT to_char((at AT TIME ZONE 'UTC') AT TIME ZONE ${TIME_ZONE}, 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM (SELECT "createdAt" AS at FROM "Registration" WHERE "eventId" = ${eventId}
            UNION ALL SELECT "registeredAt" FROM "AnonymousRegistration" WHERE "eventId" = ${eventId}) r
      GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<Array<{ nameZh: string | null; nameEn: string | null; count: number }>>`
      SELECT u."nameZh", u."nameEn", count(*)::int AS count
      FROM (SELECT sp."universityId" FROM "Registration" r
              JOIN "User" usr ON usr.id = r."userId"
              LEFT JOIN "StudentProfile" sp ON sp."userId" = usr.id
             WHERE r."eventId" = ${eventId} AND r.status IN ('confirmed', 'waitlisted', 'pending')
            UNION ALL
            SELECT a."universityId" FROM "AnonymousRegistration" a
             WHERE a."eventId" = ${eventId} AND a.status IN ('confirmed', 'waitlisted', 'pending')) r
      LEFT JOIN "University" u ON u.id = r."universityId"
      GROUP BY u.id, u."nameZh", u."nameEn" ORDER BY count DESC, u."nameZh" NULLS LAST`,
    prisma.$queryRaw<Array<{ key: string | null; nameZh: string | null; nameEn: string | null; count: number }>>`
      SELECT tr.key, tr."nameZh", tr."nameEn", count(*)::int AS count
      FROM "Registration" r
      JOIN "Team" t ON t.id = r."teamId"
      LEFT JOIN "EventTrack" tr ON tr.id = t."trackId"
      WHERE r."eventId" = ${eventId} AND r.status IN ('confirmed', 'waitlisted', 'pending')
      GROUP BY tr.id, tr.key, tr."nameZh", tr."nameEn" ORDER BY count DESC, tr.key NULLS LAST`,
  ])
  const counts = { confirmed: 0, waitlisted: 0, pending: 0, cancelled: 0, declined: 0 }
  for (const row of [...byStatus, ...anonymousByStatus]) counts[row.status] += row._count._all
  return { counts: { ...counts, checkedIn: checkedIn + anonymousCheckedIn }, perDay, byUniversity, byTrack }
}

/** UTF-8 with a byte-order mark and CRLF rows, so Excel shows Chinese correctly. */
export async function registrationsCsv(eventId: string, header: string[], pick: (university: { zh: string | null; en: string | null } | null) => string) {
  const rows = await listRegistrations(eventId)
  const time = (d: Date | null) => (d ? shanghaiTimestamp(d) : '')
  return toCsv([
    header,
    ...rows.map((row) => {
      const university = row.user.studentProfile?.university
      return [
        row.user.name,
        row.user.email,
        pick(university ? { zh: university.nameZh, en: university.nameEn } : null),
        row.status,
        row.team?.name ?? '',
        time(row.createdAt),
        time(row.checkedInAt),
        row.ticketCode,
      ]
    }),
  ])
}

/**
 * Tells every registrant of a status something, in-app. E-mail delivery belongs to the
 * mail module: it can send these with `registrantsForEmail` (same recipients).
 */
export async function messageRegistrants(actor: SessionUser, eventId: string, input: { status: RegistrationStatusValue; subject: string; body: string }) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  return prisma.$transaction(async (tx) => {
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, titleZh: true, titleEn: true } })
    const recipients = await tx.registration.findMany({ where: { eventId, status: input.status }, select: { userId: true } })
    for (const r of recipients) {
      await notify(tx, {
        userId: r.userId,
        type: 'event.message',
        data: { ...notificationTitle(event), subject: input.subject, body: input.body },
        link: `/events/${eventId}`,
      })
    }
    await recordAudit(tx, { actorId, action: 'event.message', entity: 'event', entityId: eventId, data: { status: input.status, count: recipients.length } })
    return recipients.length
  })
}

/** Everything the organizer's dashboard shows. */
export async function organizerDashboard(eventId: string, status?: RegistrationStatusValue) {
  const [event, stats, rows] = await Promise.all([
    prisma.event.findUniqueOrThrow({
      where: { id: eventId },
      select: {
        id: true,
        kind: true,
        status: true,
        titleZh: true,
        titleEn: true,
        startsAt: true,
        endsAt: true,
        registrationClosesAt: true,
        staff: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      },
    }),
    eventDashboard(eventId),
    listRegistrations(eventId, { status }),
  ])
  return {
    event: { ...event, staff: event.staff.map((s) => ({ userId: s.userId, role: s.role, name: s.user.name })) },
    stats,
    status: status ?? null,
    registrations: rows.map((r) => ({
      id: r.id,
      status: r.status,
      name: r.user.name,
      email: r.user.email,
      university: r.user.studentProfile?.university ? { zh: r.user.studentProfile.university.nameZh, en: r.user.studentProfile.university.nameEn } : null,
      team: r.team?.name ?? null,
      createdAt: r.createdAt,
      checkedInAt: r.checkedInAt,
    })),
  }
}
