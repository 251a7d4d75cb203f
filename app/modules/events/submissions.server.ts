// Contest submissions: a team's project, editable by its members until the deadline and
// locked after. Screenshots are checked by their content (not their name), at most 2 MB
// each, and kept in file storage.
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError, notFound, payloadTooLarge } from '#app/lib/errors.server.ts'
import { randomToken } from '#app/lib/hash.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { isEventStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { detectFileType, mimeType, storage } from '#app/modules/storage/storage.server.ts'
import { MAX_SCREENSHOT_BYTES, MAX_SCREENSHOTS } from '#app/lib/upload-limits.ts'

type SubmissionInput = { title: string; description: string; trackId?: string; repoUrl?: string; videoUrl?: string }

export async function saveSubmission(teamId: string, userId: string, input: SubmissionInput, screenshots: Uint8Array[], now = new Date()) {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: { id: true, eventId: true, event: { select: { submissionDeadline: true } }, members: { where: { userId }, select: { userId: true } } },
  })
  if (!team) throw notFound()
  if (team.members.length === 0) throw new UserFacingError(403, 'submission.notMember')
  if (team.event.submissionDeadline && now >= team.event.submissionDeadline) throw new UserFacingError(422, 'submission.locked')
  if (input.trackId && !(await prisma.eventTrack.findFirst({ where: { id: input.trackId, eventId: team.eventId }, select: { id: true } }))) {
    throw new UserFacingError(422, 'validation.formErrors', undefined, [{ path: 'trackId', key: 'validation.required' }])
  }
  if (screenshots.length > MAX_SCREENSHOTS)
    throw new UserFacingError(422, 'submission.tooMany', undefined, [{ path: 'screenshots', key: 'submission.tooMany' }])
  const files: Array<{ bytes: Uint8Array; ext: string }> = []
  for (const bytes of screenshots) {
    if (bytes.byteLength > MAX_SCREENSHOT_BYTES) throw payloadTooLarge('submission.tooLarge', 'screenshots')
    const type = detectFileType(bytes)
    if (type !== 'png' && type !== 'jpeg' && type !== 'webp') {
      throw new UserFacingError(422, 'submission.notImage', undefined, [{ path: 'screenshots', key: 'submission.notImage' }])
    }
    files.push({ bytes, ext: type })
  }
  const keyed = files.map((file) => ({ ...file, key: `events/${team.eventId}/submissions/${team.id}/${randomToken(10)}.${file.ext}` }))
  const keys = keyed.map((file) => file.key)
  const data = {
    title: input.title,
    description: input.description,
    trackId: input.trackId || null,
    repoUrl: input.repoUrl ?? null,
    videoUrl: input.videoUrl ?? null,
    ...(keys.length > 0 ? { screenshots: keys } : {}),
  }
  try {
    await prisma.$transaction(async (tx) => {
      // Files first: with a backend outside Postgres a failed write leaves unreferenced files, never a row pointing at nothing.
      for (const file of keyed) await storage.put(file.key, file.bytes, tx)
      const previous = await tx.submission.findUnique({ where: { teamId }, select: { screenshots: true } })
      await tx.submission.upsert({ where: { teamId }, create: { teamId, screenshots: [], ...data }, update: data, select: { id: true } })
      await recordAudit(tx, { actorId: userId, action: 'submission.save', entity: 'team', entityId: teamId })
      if (keys.length > 0 && previous) for (const key of previous.screenshots) await storage.delete(key, tx)
    })
  } catch (error) {
    for (const key of keys) await storage.delete(key)
    throw error
  }
}

/** A screenshot for a team member, the event's staff (judges without a conflict), or anyone once results are out (unless a moderator hid the submission). */
export async function screenshotFile(teamId: string, index: number, viewer: SessionUser | null) {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: {
      eventId: true,
      event: { select: { resultsPublishedAt: true } },
      submission: { select: { screenshots: true, hiddenAt: true } },
      members: { select: { userId: true } },
    },
  })
  const key = team?.submission?.screenshots[index]
  if (!team || !key) throw notFound()
  const member = Boolean(viewer && team.members.some((m) => m.userId === viewer.id))
  const organizer = await isEventStaff(viewer, team.eventId)
  const judge = viewer
    ? Boolean(
        await prisma.eventStaff.findFirst({
          where: { eventId: team.eventId, userId: viewer.id, role: 'judge', user: { judgeConflicts: { none: { teamId } } } },
          select: { userId: true },
        }),
      )
    : false
  if (!member && !organizer && !judge && (!team.event.resultsPublishedAt || team.submission?.hiddenAt)) throw notFound()
  const bytes = await storage.get(key)
  const type = bytes ? detectFileType(bytes) : null
  if (!bytes || !type) throw notFound()
  return { bytes, contentType: mimeType(type) }
}
