// A company marks an accepted application's internship completed, with its dates and the
// skills it confirms; the internship credential follows in the background.
import { prisma } from '#app/lib/db.server.ts'
import { conflict, notFound, UserFacingError } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, isCompanyMember, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import type { z } from 'zod'
import type { internshipCompletionSchema } from './schemas.ts'
import { queueCredentialTask } from './tasks.server.ts'

const skillChoiceSelect = { key: true, nameZh: true, nameEn: true, category: true } as const

export type InternshipCompletionInput = z.output<typeof internshipCompletionSchema>

/** What the completion form needs: the role's skills (to confirm or change) and whether it is done. */
export async function internshipCompletionView(user: SessionUser, applicationId: string) {
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      status: true,
      completion: { select: { startedOn: true, endedOn: true, skills: { select: { level: true, skill: { select: skillChoiceSelect } } } } },
      role: {
        select: {
          companyId: true,
          company: { select: { verifiedAt: true } },
          skills: { select: { level: true, skill: { select: skillChoiceSelect } } },
        },
      },
    },
  })
  if (!application || !(isCompanyMember(user, application.role.companyId) || hasRole(user, 'admin'))) return null
  return {
    eligible: application.status === 'accepted' && Boolean(application.role.company.verifiedAt),
    completion: application.completion
      ? {
          startedOn: application.completion.startedOn.toISOString().slice(0, 10),
          endedOn: application.completion.endedOn.toISOString().slice(0, 10),
          skills: application.completion.skills,
        }
      : null,
    /** What the form offers to confirm: the skills the role asked for, at the levels it asked. */
    skills: application.role.skills,
  }
}

export async function completeInternship(user: SessionUser, applicationId: string, input: InternshipCompletionInput, today = new Date()) {
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: { status: true, completion: { select: { applicationId: true } }, role: { select: { companyId: true, company: { select: { verifiedAt: true } } } } },
  })
  if (!application || !isCompanyMember(user, application.role.companyId)) throw notFound()
  if (application.status !== 'accepted') throw new UserFacingError(422, 'credentials.notAccepted')
  if (!application.role.company.verifiedAt) throw new UserFacingError(403, 'credentials.companyNotVerified')
  if (application.completion) throw conflict('credentials.alreadyCompleted')
  if (input.endedOn > today.toISOString().slice(0, 10))
    throw new UserFacingError(422, 'credentials.endInFuture', undefined, [{ path: 'endedOn', key: 'credentials.endInFuture' }])
  const keys = input.skills.map((row) => row.skill)
  const skills = await prisma.skill.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })
  const missing = keys.find((key) => !skills.some((s) => s.key === key))
  if (missing)
    throw new UserFacingError(422, 'credentials.unknownSkill', { key: missing }, [
      { path: 'skills', key: 'credentials.unknownSkill', params: { key: missing } },
    ])
  await prisma.$transaction(async (tx) => {
    await tx.internshipCompletion.create({
      data: {
        applicationId,
        startedOn: new Date(`${input.startedOn}T00:00:00Z`),
        endedOn: new Date(`${input.endedOn}T00:00:00Z`),
        completedById: user.id,
        skills: { createMany: { data: input.skills.map((row) => ({ skillId: skills.find((s) => s.key === row.skill)!.id, level: row.level })) } },
      },
      select: { applicationId: true },
    })
    await queueCredentialTask(tx, { kind: 'internship', subjectId: applicationId, requestedById: user.id })
    await recordAudit(tx, { actorId: user.id, action: 'application.internship-completed', entity: 'application', entityId: applicationId })
  })
}
