// A company marks an accepted application's internship completed, with its dates and the
// skills it confirms; the internship credential follows in the background.
import { prisma } from '#app/lib/db.server.ts'
import { conflict, notFound, UserFacingError } from '#app/lib/errors.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { hasRole, isCompanyMember, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { queueCredentialTask } from './tasks.server.ts'

export type InternshipCompletionInput = { startedOn: string; endedOn: string; skills: string[] }

/**
 * What the completion form needs: the role's skills and whether it is done.
 * @public for the company's completion form, which is not built yet (completeInternship is).
 */
export async function internshipCompletionView(user: SessionUser, applicationId: string) {
  const application = await prisma.application.findUnique({
    where: { id: applicationId },
    select: {
      status: true,
      completion: { select: { startedOn: true, endedOn: true, skills: { select: { skill: { select: { key: true } } } } } },
      role: {
        select: {
          companyId: true,
          company: { select: { verifiedAt: true } },
          skills: { select: { skill: { select: { key: true, nameZh: true, nameEn: true } } } },
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
          skills: application.completion.skills.map((s) => s.skill.key),
        }
      : null,
    skills: application.role.skills.map((s) => s.skill),
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
  const skills = await prisma.skill.findMany({ where: { key: { in: input.skills } }, select: { id: true, key: true } })
  const missing = input.skills.find((key) => !skills.some((s) => s.key === key))
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
        skills: { createMany: { data: skills.map((s) => ({ skillId: s.id })) } },
      },
      select: { applicationId: true },
    })
    await queueCredentialTask(tx, { kind: 'internship', subjectId: applicationId, requestedById: user.id })
    await recordAudit(tx, { actorId: user.id, action: 'application.internship-completed', entity: 'application', entityId: applicationId })
  })
}
