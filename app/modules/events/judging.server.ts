// Judging: the organizer's rubric, judges' conflicts and scores, the leaderboard, awards
// and the publication of results. A judge never sees or scores a team they declared a
// conflict with: every judge query filters conflicts out, and saving checks again.
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError, notFound, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { assertEventStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { notificationTitle } from './event-lock.server.ts'
import { normalisedStandings } from './judging-math.ts'
import { queueCredentialTask } from '#app/modules/credentials/tasks.server.ts'

type RubricInput = { criteria: Array<{ key: string; nameZh?: string; nameEn?: string; weight: number }> }

export async function getRubric(eventId: string) {
  return prisma.rubricCriterion.findMany({
    where: { eventId },
    orderBy: { position: 'asc' },
    select: { id: true, key: true, nameZh: true, nameEn: true, weight: true },
  })
}

/** Replaces the rubric; refused once scores exist, so no score loses its criterion. */
export async function setRubric(actor: SessionUser, eventId: string, input: RubricInput) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  if (input.criteria.length > listCaps.criteriaPerRubric) throw tooMany(listCaps.criteriaPerRubric, 'criteria')
  await prisma.$transaction(async (tx) => {
    const scored = await tx.judgeScore.count({ where: { criterion: { eventId } } })
    if (scored > 0) throw new UserFacingError(409, 'judging.rubricLocked')
    await tx.rubricCriterion.deleteMany({ where: { eventId } })
    await tx.rubricCriterion.createMany({
      data: input.criteria.map((c, position) => ({ eventId, key: c.key, nameZh: c.nameZh ?? null, nameEn: c.nameEn ?? null, weight: c.weight, position })),
    })
    await recordAudit(tx, { actorId, action: 'event.rubric', entity: 'event', entityId: eventId })
  })
}

async function conflictedTeamIds(eventId: string, judgeId: string) {
  const rows = await prisma.judgeConflict.findMany({ where: { eventId, judgeId }, select: { teamId: true } })
  return rows.map((r) => r.teamId)
}

/** Registered teams of the contest (all, for declaring conflicts). */
async function registeredTeams(eventId: string, excludeIds: string[] = []) {
  return prisma.team.findMany({
    where: { eventId, id: { notIn: excludeIds }, registration: { status: 'confirmed' } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      track: { select: { nameZh: true, nameEn: true } },
      submission: { select: { id: true, title: true, description: true, repoUrl: true, videoUrl: true, screenshots: true } },
    },
  })
}

/** What a judge sees: the rubric, teams without their conflicts, and their own scores. */
export async function judgeView(eventId: string, judgeId: string) {
  const conflicts = await conflictedTeamIds(eventId, judgeId)
  const [event, rubric, teams, allTeams, scores] = await Promise.all([
    prisma.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, titleZh: true, titleEn: true } }),
    getRubric(eventId),
    registeredTeams(eventId, conflicts),
    prisma.team.findMany({
      where: { eventId, id: { notIn: conflicts }, registration: { status: 'confirmed' } },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.judgeScore.findMany({
      where: { judgeId, team: { eventId }, teamId: { notIn: conflicts } },
      select: { teamId: true, criterionId: true, value: true },
    }),
  ])
  return { event, rubric, teams, conflictCandidates: allTeams, conflictCount: conflicts.length, scores }
}

export async function declareConflict(eventId: string, judgeId: string, teamId: string) {
  const team = await prisma.team.findFirst({ where: { id: teamId, eventId }, select: { id: true } })
  if (!team) throw notFound()
  await prisma.$transaction(async (tx) => {
    await tx.judgeConflict.upsert({
      where: { judgeId_teamId: { judgeId, teamId } },
      create: { eventId, judgeId, teamId },
      update: {},
      select: { teamId: true },
    })
    // Scores given before the declaration must not count either.
    await tx.judgeScore.deleteMany({ where: { judgeId, teamId } })
    await recordAudit(tx, { actorId: judgeId, action: 'judge.conflict', entity: 'team', entityId: teamId })
  })
}

/** Saves a judge's scores (1–10, the database checks the range too) for every criterion. */
export async function saveScores(eventId: string, judgeId: string, input: { teamId: string; scores: Record<string, number> }) {
  const [rubric, team, conflict] = await Promise.all([
    getRubric(eventId),
    prisma.team.findFirst({ where: { id: input.teamId, eventId, registration: { status: 'confirmed' } }, select: { id: true } }),
    prisma.judgeConflict.findUnique({ where: { judgeId_teamId: { judgeId, teamId: input.teamId } }, select: { teamId: true } }),
  ])
  if (!team || conflict) throw notFound()
  if (rubric.length === 0) throw new UserFacingError(422, 'judging.noRubric')
  const missing = rubric.filter((c) => !Number.isInteger(input.scores[c.id]))
  if (missing.length > 0) {
    throw new UserFacingError(
      422,
      'judging.scoreIncomplete',
      undefined,
      missing.map((c) => ({ path: `scores.${c.id}`, key: 'judging.scoreIncomplete' as const })),
    )
  }
  await prisma.$transaction(async (tx) => {
    for (const criterion of rubric) {
      const value = input.scores[criterion.id]!
      await tx.judgeScore.upsert({
        where: { judgeId_teamId_criterionId: { judgeId, teamId: input.teamId, criterionId: criterion.id } },
        create: { judgeId, teamId: input.teamId, criterionId: criterion.id, value },
        update: { value },
        select: { value: true },
      })
    }
  })
}

/** The organizer's leaderboard, normalised per judge. */
export async function leaderboard(eventId: string) {
  const [rubric, scores, teams] = await Promise.all([
    getRubric(eventId),
    prisma.judgeScore.findMany({ where: { team: { eventId } }, select: { judgeId: true, teamId: true, criterionId: true, value: true } }),
    prisma.team.findMany({ where: { eventId }, select: { id: true, name: true, awards: { select: { id: true, titleZh: true, titleEn: true, rank: true } } } }),
  ])
  const byId = new Map(teams.map((t) => [t.id, t]))
  return normalisedStandings(scores, rubric).map((s, i) => ({
    ...s,
    rank: i + 1,
    name: byId.get(s.teamId)?.name ?? '',
    awards: byId.get(s.teamId)?.awards ?? [],
  }))
}

export async function addAward(actor: SessionUser, eventId: string, input: { teamId: string; titleZh?: string; titleEn?: string; rank: number }) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  const team = await prisma.team.findFirst({ where: { id: input.teamId, eventId }, select: { id: true } })
  if (!team) throw notFound()
  await prisma.award.create({
    data: { teamId: team.id, titleZh: input.titleZh ?? null, titleEn: input.titleEn ?? null, rank: input.rank },
    select: { id: true },
  })
  await recordAudit(prisma, { actorId, action: 'event.award', entity: 'team', entityId: team.id })
}

/** Publishes the results: awards become visible on team pages and profiles; members are told. */
export async function publishResults(actor: SessionUser, eventId: string) {
  await assertEventStaff(actor, eventId)
  const actorId = actor.id
  await prisma.$transaction(async (tx) => {
    const published = await tx.event.updateMany({ where: { id: eventId, resultsPublishedAt: null }, data: { resultsPublishedAt: new Date() } })
    if (published.count !== 1) throw new UserFacingError(409, 'judging.resultsPublished')
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { id: true, titleZh: true, titleEn: true } })
    const members = await tx.teamMember.findMany({
      where: { eventId, team: { registration: { status: 'confirmed' } } },
      select: { userId: true, teamId: true },
    })
    for (const m of members) {
      await notify(tx, { userId: m.userId, type: 'event.resultsPublished', data: notificationTitle(event), link: `/teams/${m.teamId}` })
    }
    await queueCredentialTask(tx, { kind: 'award', subjectId: eventId, requestedById: actorId })
    await recordAudit(tx, { actorId, action: 'event.results', entity: 'event', entityId: eventId })
  })
}

/** Published awards of the user's teams, for the student's profile page. */
export async function awardsForUser(userId: string) {
  const rows = await prisma.award.findMany({
    where: { team: { members: { some: { userId } }, event: { resultsPublishedAt: { not: null } } } },
    orderBy: [{ team: { event: { startsAt: 'desc' } } }, { rank: 'asc' }],
    select: {
      id: true,
      titleZh: true,
      titleEn: true,
      rank: true,
      team: { select: { id: true, name: true, event: { select: { id: true, titleZh: true, titleEn: true, startsAt: true } } } },
    },
  })
  return rows.map((r) => ({
    id: r.id,
    title: { zh: r.titleZh, en: r.titleEn },
    rank: r.rank,
    team: { id: r.team.id, name: r.team.name },
    event: { id: r.team.event.id, title: { zh: r.team.event.titleZh, en: r.team.event.titleEn }, startsAt: r.team.event.startsAt },
  }))
}
