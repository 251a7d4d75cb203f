// Contest teams: created by a captain, joined by request (via invite link or code) that
// the captain accepts. One team per person per contest is the database's rule
// (TeamMember unique on eventId+userId); the size limit is checked under the team's row
// lock so two acceptances cannot overfill a team.
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError, conflict, notFound } from '#app/lib/errors.server.ts'
import { randomToken } from '#app/lib/hash.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { isEventStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'

/** A unique violation, optionally on a constraint that includes `field`. */
function isUnique(error: unknown, field?: string) {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return false
  if (!field) return true
  // The pg adapter reports the constraint's columns here, quoted; the classic engine in `target`.
  const meta = error.meta as { target?: string[]; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target ?? []
  return fields.some((f) => f.replace(/"/g, '') === field)
}

async function contestOf(eventId: string) {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { id: true, kind: true, status: true, teamSizeMax: true } })
  if (!event || event.status === 'draft') throw notFound()
  if (event.kind !== 'contest') throw new UserFacingError(422, 'teams.notContest')
  return event
}

export async function createTeam(eventId: string, user: SessionUser, input: { name: string; trackId?: string }) {
  await contestOf(eventId)
  if (input.trackId) {
    const track = await prisma.eventTrack.findFirst({ where: { id: input.trackId, eventId }, select: { id: true } })
    if (!track) throw new UserFacingError(422, 'validation.formErrors', undefined, [{ path: 'trackId', key: 'validation.required' }])
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { eventId, name: input.name, trackId: input.trackId || null, captainId: user.id, inviteCode: randomToken(6) },
        select: { id: true, inviteCode: true },
      })
      await tx.teamMember.create({ data: { teamId: team.id, userId: user.id, eventId }, select: { teamId: true } })
      await recordAudit(tx, { actorId: user.id, action: 'team.create', entity: 'team', entityId: team.id })
      return team
    })
  } catch (error) {
    if (isUnique(error, 'name')) throw new UserFacingError(409, 'teams.nameTaken', undefined, [{ path: 'name', key: 'teams.nameTaken' }])
    if (isUnique(error)) throw conflict('teams.alreadyInTeam')
    throw error
  }
}

/** Asks to join the team with this invite code; the captain is told. */
export async function requestToJoin(code: string, user: SessionUser) {
  const team = await prisma.team.findUnique({ where: { inviteCode: code.trim() }, select: { id: true, name: true, eventId: true, captainId: true } })
  if (!team) throw new UserFacingError(422, 'teams.badCode', undefined, [{ path: 'code', key: 'teams.badCode' }])
  await contestOf(team.eventId)
  const member = await prisma.teamMember.findUnique({ where: { eventId_userId: { eventId: team.eventId, userId: user.id } }, select: { teamId: true } })
  if (member) throw conflict('teams.alreadyInTeam')
  await prisma.$transaction(async (tx) => {
    await tx.teamJoinRequest.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      create: { teamId: team.id, userId: user.id },
      update: { status: 'pending' },
      select: { id: true },
    })
    await notify(tx, {
      userId: team.captainId,
      type: 'team.joinRequest',
      data: { name: user.name, team: team.name, teamId: team.id },
      link: `/teams/${team.id}`,
    })
  })
  return team
}

/** The captain accepts or declines; acceptance respects the size limit and one team per person. */
export async function decideJoinRequest(requestId: string, captainId: string, accept: boolean) {
  try {
    return await prisma.$transaction(async (tx) => {
      const request = await tx.teamJoinRequest.findUnique({
        where: { id: requestId },
        select: {
          id: true,
          status: true,
          userId: true,
          team: { select: { id: true, name: true, eventId: true, captainId: true, event: { select: { teamSizeMax: true } } } },
        },
      })
      if (!request || request.team.captainId !== captainId || request.status !== 'pending') throw notFound()
      await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${request.team.id} FOR UPDATE`
      if (accept) {
        const size = await tx.teamMember.count({ where: { teamId: request.team.id } })
        // An event without a team size still has a ceiling.
        const max = request.team.event.teamSizeMax ?? listCaps.membersPerTeam
        if (size >= max) throw new UserFacingError(422, 'teams.full', { max })
        await tx.teamMember.create({ data: { teamId: request.team.id, userId: request.userId, eventId: request.team.eventId }, select: { teamId: true } })
      }
      await tx.teamJoinRequest.update({ where: { id: request.id }, data: { status: accept ? 'accepted' : 'declined' }, select: { id: true } })
      await notify(tx, {
        userId: request.userId,
        type: accept ? 'team.joinAccepted' : 'team.joinDeclined',
        data: { team: request.team.name, teamId: request.team.id },
        link: `/teams/${request.team.id}`,
      })
      return request.team.id
    })
  } catch (error) {
    if (isUnique(error)) throw conflict('teams.alreadyInTeam')
    throw error
  }
}

/** The user's team in a contest, if any. */
export async function myTeamForEvent(eventId: string, userId: string) {
  const member = await prisma.teamMember.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: {
      team: {
        select: { id: true, name: true, captainId: true, inviteCode: true, registration: { select: { status: true } }, _count: { select: { members: true } } },
      },
    },
  })
  return member?.team ?? null
}

/** A team page: its members, the organizers and, once results are out, everyone may see it. */
export async function getTeam(teamId: string, viewer: SessionUser | null) {
  const team = await prisma.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      eventId: true,
      captainId: true,
      inviteCode: true,
      track: { select: { id: true, key: true, nameZh: true, nameEn: true } },
      event: {
        select: {
          id: true,
          titleZh: true,
          titleEn: true,
          teamSizeMin: true,
          teamSizeMax: true,
          submissionDeadline: true,
          resultsPublishedAt: true,
          status: true,
          tracks: { select: { id: true, nameZh: true, nameEn: true } },
        },
      },
      members: { orderBy: { createdAt: 'asc' }, select: { userId: true, user: { select: { name: true } } } },
      joinRequests: { where: { status: 'pending' }, orderBy: { createdAt: 'asc' }, select: { id: true, user: { select: { id: true, name: true } } } },
      registration: { select: { id: true, status: true } },
      submission: {
        select: { id: true, title: true, description: true, repoUrl: true, videoUrl: true, screenshots: true, trackId: true, updatedAt: true, hiddenAt: true },
      },
      awards: { orderBy: { rank: 'asc' }, select: { id: true, titleZh: true, titleEn: true, rank: true } },
    },
  })
  if (!team) throw notFound()
  const isMember = Boolean(viewer && team.members.some((m) => m.userId === viewer.id))
  const isStaff = await isEventStaff(viewer, team.eventId)
  const published = Boolean(team.event.resultsPublishedAt)
  if (!isMember && !isStaff && !published) throw notFound()
  const isCaptain = viewer?.id === team.captainId
  return {
    ...team,
    // A submission a moderator hid stays with its team and the staff only.
    submission: team.submission?.hiddenAt && !isMember && !isStaff ? null : team.submission,
    inviteCode: isMember ? team.inviteCode : null,
    joinRequests: isCaptain ? team.joinRequests : [],
    awards: published || isStaff ? team.awards : [],
    isMember,
    isCaptain,
    isStaff,
  }
}
