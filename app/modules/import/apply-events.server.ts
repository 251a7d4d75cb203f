// Import writer for events and their contest tracks. New events are inserted in bulk;
// changes to stored ones go through the events module's saveEventChanges, the same path as
// the organizer's form, so capacity rules and waitlist promotion hold here too.
import { UserFacingError } from '#app/lib/errors.server.ts'
import { contestOnlyFields, saveEventChanges } from '#app/modules/events/events.server.ts'
import { ImportRecordError, changedFields, newCounts, textFields, type Counts, type ImportContext } from './apply-context.server.ts'
import type { ImportEvent } from './schema.ts'

export async function applyEvents(ctx: ImportContext, events: ImportEvent[]): Promise<Counts> {
  const { tx, now } = ctx
  const counts = newCounts()
  const existing = await tx.event.findMany({
    where: { key: { in: events.map((e) => e.key) } },
    select: {
      id: true,
      key: true,
      kind: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      capacity: true,
      waitlist: true,
      teamSizeMin: true,
      teamSizeMax: true,
      submissionDeadline: true,
      status: true,
      tracks: { select: { key: true, nameZh: true, nameEn: true } },
    },
  })
  const byKey = new Map(existing.map((e) => [e.key, e]))
  const fields = (e: ImportEvent) => ({
    kind: e.kind,
    ...textFields('title', e.title),
    ...textFields('description', e.description),
    venue: e.venue ?? null,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    capacity: e.capacity ?? null,
    waitlist: e.waitlist,
    teamSizeMin: e.teamSize?.min ?? null,
    teamSizeMax: e.teamSize?.max ?? null,
    status: e.status,
    ...contestOnlyFields(e.kind),
  })
  const trackRows = (eventId: string, e: ImportEvent) => (e.tracks ?? []).map((t) => ({ eventId, key: t.key, ...textFields('name', t.name) }))

  const newTracks: ReturnType<typeof trackRows> = []
  const fresh = events.filter((e) => !byKey.has(e.key))
  if (fresh.length > 0) {
    const created = await tx.event.createManyAndReturn({
      data: fresh.map((e) => ({ key: e.key, ...fields(e) })),
      select: { id: true, key: true },
    })
    const ids = new Map(created.map((e) => [e.key, e.id]))
    for (const event of fresh) newTracks.push(...trackRows(ids.get(event.key)!, event))
    counts.created += created.length
  }

  for (const [index, event] of events.entries()) {
    const current = byKey.get(event.key)
    if (!current) continue
    const changes = changedFields(current, fields(event))
    // Tracks are matched by key so that teams and submissions keep theirs.
    const currentTracks = new Map(current.tracks.map((t) => [t.key, t]))
    const wanted = trackRows(current.id, event)
    const toCreate = wanted.filter((t) => !currentTracks.has(t.key))
    const toRename = wanted.filter((t) => {
      const stored = currentTracks.get(t.key)
      return stored && (stored.nameZh !== t.nameZh || stored.nameEn !== t.nameEn)
    })
    const toRemove = current.tracks.filter((t) => !wanted.some((w) => w.key === t.key)).map((t) => t.key)
    if (!changes && toCreate.length + toRename.length + toRemove.length === 0) {
      counts.unchanged++
      continue
    }
    try {
      await saveEventChanges(tx, current.id, { ...changes, updatedAt: now })
    } catch (error) {
      if (error instanceof UserFacingError) throw new ImportRecordError(['events', index], error)
      throw error
    }
    if (toRemove.length > 0) await tx.eventTrack.deleteMany({ where: { eventId: current.id, key: { in: toRemove } } })
    for (const track of toRename) {
      await tx.eventTrack.update({
        where: { eventId_key: { eventId: current.id, key: track.key } },
        data: { nameZh: track.nameZh, nameEn: track.nameEn },
        select: { id: true },
      })
    }
    newTracks.push(...toCreate)
    counts.updated++
  }
  if (newTracks.length > 0) await tx.eventTrack.createMany({ data: newTracks })
  return counts
}
