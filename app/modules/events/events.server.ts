// Events: what organizers create, edit, publish and cancel, and what everyone may read.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, notFound, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { assertEventStaff, canCreateEvents, hasRole, isEventStaff } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { LOCKING_TX, lockEvent, notificationTitle, questionsOf } from './event-lock.server.ts'
import { promoteWaitlisted } from './registrations.server.ts'
import { parseQuestionLines, parseTrackLines, type EventFormInput, type EventKindValue } from './schemas.ts'
import { isoInShanghai } from '#app/lib/time.ts'

/** `{id}` in paths: a database id, or `key:KEY` for an imported event. */
export async function resolveEventId(ref: string): Promise<string | null> {
  const where = ref.startsWith('key:') ? { key: ref.slice(4) } : { id: ref }
  const found = await prisma.event.findUnique({ where, select: { id: true } })
  return found?.id ?? null
}

export const eventSummarySelect = {
  id: true,
  key: true,
  kind: true,
  titleZh: true,
  titleEn: true,
  venue: true,
  onlineUrl: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  capacity: true,
  confirmedCount: true,
  waitlist: true,
  status: true,
} as const satisfies Prisma.EventSelect

type Summary = Prisma.EventGetPayload<{ select: typeof eventSummarySelect }>

export function isRegistrationOpen(event: Pick<Summary, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>, now = new Date()) {
  return event.status === 'published' && event.registrationOpensAt <= now && now < event.registrationClosesAt
}

async function waitlistCounts(eventIds: string[]) {
  if (eventIds.length === 0) return new Map<string, number>()
  const rows = await prisma.registration.groupBy({
    by: ['eventId'],
    where: { eventId: { in: eventIds }, status: 'waitlisted' },
    _count: { _all: true },
  })
  return new Map(rows.map((row) => [row.eventId, row._count._all]))
}

function withCounts<E extends Summary>(event: E, waitlistCount: number, now: Date) {
  return { ...event, waitlistCount, registrationOpen: isRegistrationOpen(event, now) }
}
export type EventSummary = ReturnType<typeof withCounts<Summary>>

/** Published events, soonest first, upcoming before past. */
export async function listPublishedEvents(query: { kind?: EventKindValue; page: number; perPage: number }, now = new Date()) {
  const where: Prisma.EventWhereInput = { status: 'published', hiddenAt: null, endsAt: { gte: now }, ...(query.kind ? { kind: query.kind } : {}) }
  const [total, events] = await Promise.all([
    prisma.event.count({ where }),
    prisma.event.findMany({
      where,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
      select: eventSummarySelect,
    }),
  ])
  const waitlisted = await waitlistCounts(events.map((e) => e.id))
  return { total, page: query.page, perPage: query.perPage, items: events.map((e) => withCounts(e, waitlisted.get(e.id) ?? 0, now)) }
}

/** Everything about one event that its page and its edit form show. */
const eventDetailSelect = {
  ...eventSummarySelect,
  descriptionZh: true,
  descriptionEn: true,
  approvalRequired: true,
  eligibility: true,
  questions: true,
  rulesZh: true,
  rulesEn: true,
  teamSizeMin: true,
  teamSizeMax: true,
  submissionDeadline: true,
  resultsPublishedAt: true,
  tracks: { select: { id: true, key: true, nameZh: true, nameEn: true }, orderBy: { key: 'asc' } },
} as const satisfies Prisma.EventSelect

/** Drafts are visible to their staff only; everyone else gets a 404. */
export async function getEventForViewer(eventId: string, viewer: SessionUser | null, now = new Date()) {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: { ...eventDetailSelect, hiddenAt: true },
  })
  if (!event) throw notFound()
  // A draft, or an event a moderator hid, is for its staff (and admins) only.
  if ((event.status === 'draft' || event.hiddenAt) && !(await isEventStaff(viewer, eventId))) {
    if (event.status === 'draft' || !viewer?.roles.includes('admin')) throw notFound()
  }
  const waitlisted = await waitlistCounts([eventId])
  return { ...withCounts(event, waitlisted.get(eventId) ?? 0, now), questions: questionsOf(event.questions) }
}

export function eventApiView(event: EventSummary) {
  return {
    id: event.id,
    key: event.key,
    kind: event.kind,
    title: { ...(event.titleZh ? { zh: event.titleZh } : {}), ...(event.titleEn ? { en: event.titleEn } : {}) },
    startsAt: isoInShanghai(event.startsAt),
    endsAt: isoInShanghai(event.endsAt),
    timeZone: event.timeZone,
    venue: event.venue,
    capacity: event.capacity,
    confirmedCount: event.confirmedCount,
    waitlistCount: event.waitlistCount,
    registrationOpen: event.registrationOpen,
    status: event.status,
  }
}

function eventData(input: EventFormInput) {
  return {
    key: input.key ?? null,
    kind: input.kind,
    titleZh: input.titleZh ?? null,
    titleEn: input.titleEn ?? null,
    descriptionZh: input.descriptionZh ?? null,
    descriptionEn: input.descriptionEn ?? null,
    venue: input.venue ?? null,
    onlineUrl: input.onlineUrl ?? null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    registrationOpensAt: input.registrationOpensAt,
    registrationClosesAt: input.registrationClosesAt,
    capacity: input.capacity ?? null,
    waitlist: input.waitlist,
    approvalRequired: input.approvalRequired,
    eligibility: input.eligibility,
    questions: parseQuestionLines(input.questions) as unknown as Prisma.InputJsonValue,
    rulesZh: input.rulesZh ?? null,
    rulesEn: input.rulesEn ?? null,
    teamSizeMin: input.teamSizeMin ?? null,
    teamSizeMax: input.teamSizeMax ?? null,
    submissionDeadline: input.submissionDeadline ?? null,
    ...contestOnlyFields(input.kind),
  }
}

const keyTaken = () => new UserFacingError(409, 'events.keyTaken', undefined, [{ path: 'key', key: 'events.keyTaken' }])

async function ensureKeyFree(tx: Tx, key: string | undefined, exceptId?: string) {
  if (!key) return
  const found = await tx.event.findUnique({ where: { key }, select: { id: true } })
  if (found && found.id !== exceptId) throw keyTaken()
}

async function syncTracks(tx: Tx, eventId: string, text: string | undefined) {
  const tracks = parseTrackLines(text) ?? []
  if (tracks.length > listCaps.tracksPerEvent) throw tooMany(listCaps.tracksPerEvent, 'tracks')
  const keys = tracks.map((t) => t.key)
  await tx.eventTrack.deleteMany({ where: { eventId, key: { notIn: keys } } })
  for (const track of tracks) {
    await tx.eventTrack.upsert({
      where: { eventId_key: { eventId, key: track.key } },
      create: { eventId, key: track.key, nameZh: track.nameZh ?? null, nameEn: track.nameEn ?? null },
      update: { nameZh: track.nameZh ?? null, nameEn: track.nameEn ?? null },
      select: { id: true },
    })
  }
}

/** The skills the event teaches become exactly the chosen ones; a key not in the taxonomy is refused (422 on `skills`). */
async function syncSkills(tx: Tx, eventId: string, rows: EventFormInput['skills']) {
  if (rows.length > listCaps.skillsPerEvent) throw tooMany(listCaps.skillsPerEvent, 'skills')
  const keys = rows.map((r) => r.skill)
  const found = await tx.skill.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })
  const unknown = keys.filter((key) => !found.some((s) => s.key === key))
  if (unknown.length > 0) {
    const params = { skill: unknown.join(', ') }
    throw new UserFacingError(422, 'roles.unknownSkill', params, [{ path: 'skills', key: 'roles.unknownSkill', params }])
  }
  const idOf = new Map(found.map((s) => [s.key, s.id]))
  await tx.eventSkill.deleteMany({ where: { eventId } })
  await tx.eventSkill.createMany({ data: rows.map((r) => ({ eventId, skillId: idOf.get(r.skill)!, level: r.level })) })
}

/** A draft event; its creator becomes its organizer. */
export async function createEvent(user: SessionUser, input: EventFormInput) {
  if (!canCreateEvents(user)) throw new UserFacingError(403, 'error.forbidden')
  return prisma.$transaction(async (tx) => {
    await ensureKeyFree(tx, input.key)
    const event = await tx.event.create({ data: { ...eventData(input), status: 'draft' }, select: { id: true } })
    await tx.eventStaff.create({ data: { eventId: event.id, userId: user.id, role: 'organizer' }, select: { userId: true } })
    await syncTracks(tx, event.id, input.tracks)
    await syncSkills(tx, event.id, input.skills)
    await recordAudit(tx, { actorId: user.id, action: 'event.create', entity: 'event', entityId: event.id })
    return event
  })
}

/** Saves the organizer's changes (see saveEventChanges for the capacity rule). */
export async function updateEvent(actor: SessionUser, eventId: string, input: EventFormInput) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  return prisma.$transaction(async (tx) => {
    await ensureKeyFree(tx, input.key, eventId)
    await saveEventChanges(tx, eventId, eventData(input))
    await syncTracks(tx, eventId, input.tracks)
    await syncSkills(tx, eventId, input.skills)
    await recordAudit(tx, { actorId, action: 'event.update', entity: 'event', entityId: eventId })
  }, LOCKING_TX)
}

/**
 * Every change of a stored event goes through here, whatever the channel (the organizer's
 * form, the importer). The row is locked so a capacity change and concurrent registrations
 * see one order; a capacity below the confirmed count is refused, and a larger one (or a
 * waitlist turned on) promotes waitlisted registrations at once. Team size and the
 * submission deadline belong to contests only.
 */
export async function saveEventChanges(tx: Tx, eventId: string, changes: EventChanges) {
  const event = await lockEvent(tx, eventId)
  if (changes.capacity != null && changes.capacity < event.confirmedCount) {
    throw new UserFacingError(422, 'events.capacityBelowConfirmed', { count: event.confirmedCount }, [
      { path: 'capacity', key: 'events.capacityBelowConfirmed', params: { count: event.confirmedCount } },
    ])
  }
  await tx.event.update({ where: { id: eventId }, data: { ...changes, ...contestOnlyFields(changes.kind ?? event.kind) }, select: { id: true } })
  await promoteWaitlisted(tx, eventId)
}
/** Team size and the submission deadline mean something for contests only. */
export function contestOnlyFields(kind: EventKindValue) {
  return kind === 'contest' ? {} : { teamSizeMin: null, teamSizeMax: null, submissionDeadline: null }
}

export type EventChanges = Prisma.EventUpdateInput & { kind?: EventKindValue; capacity?: number | null }

export async function publishEvent(actor: SessionUser, eventId: string) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  const result = await prisma.event.updateMany({ where: { id: eventId, status: 'draft' }, data: { status: 'published' } })
  if (result.count !== 1) throw new UserFacingError(409, 'events.notDraft')
  await recordAudit(prisma, { actorId, action: 'event.publish', entity: 'event', entityId: eventId })
}

/** Cancels the event and tells everyone who held or waited for a place. */
export async function cancelEvent(actor: SessionUser, eventId: string) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  await prisma.$transaction(async (tx) => {
    const event = await lockEvent(tx, eventId)
    if (event.status === 'cancelled') throw new UserFacingError(409, 'events.alreadyCancelled')
    await tx.event.update({ where: { id: eventId }, data: { status: 'cancelled' }, select: { id: true } })
    const affected = await tx.registration.findMany({
      where: { eventId, status: { in: ['confirmed', 'waitlisted', 'pending'] } },
      select: { userId: true },
    })
    for (const registration of affected) {
      await notify(tx, {
        userId: registration.userId,
        type: 'event.cancelled',
        data: notificationTitle(event),
        link: `/events/${eventId}`,
      })
    }
    await recordAudit(tx, { actorId, action: 'event.cancel', entity: 'event', entityId: eventId })
  }, LOCKING_TX)
}

/** Events the user organizes (all of them for an admin), newest first. */
export async function listOrganizedEvents(user: SessionUser) {
  return prisma.event.findMany({
    where: hasRole(user, 'admin') ? {} : { staff: { some: { userId: user.id, role: { in: ['organizer', 'coorganizer'] } } } },
    orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
    select: eventSummarySelect,
    take: 200,
  })
}

/** Events the user judges. */
export async function listJudgedEvents(userId: string) {
  return prisma.event.findMany({
    where: { staff: { some: { userId, role: 'judge' } } },
    orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
    select: { id: true, titleZh: true, titleEn: true, startsAt: true },
  })
}

/** The edit form's values. */
export async function getEventForEdit(eventId: string) {
  const event = await prisma.event.findUnique({
    where: { id: eventId },
    select: {
      ...eventDetailSelect,
      skills: { orderBy: { level: 'desc' }, select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true, category: true } } } },
    },
  })
  if (!event) throw notFound()
  return { ...event, questions: questionsOf(event.questions) }
}

/** The organizer's start page: events they run, contests they judge. */
export async function organizerHome(user: SessionUser) {
  const [organized, judged] = await Promise.all([listOrganizedEvents(user), listJudgedEvents(user.id)])
  return { organized, judged, canCreate: canCreateEvents(user) }
}
