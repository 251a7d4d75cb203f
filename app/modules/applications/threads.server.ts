// The message thread of an application (student ↔ the company's members) and the
// company's private notes. A company message counts as the company acting on it.
import { prisma } from '#app/lib/db.server.ts'
import { notFound, tooMany, UserFacingError } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'

/** The retention job anonymised the application for the company (retention.server.ts). */
const anonymisedNoContact = () => new UserFacingError(409, 'privacy.anonymisedNoContact', undefined, [{ path: 'body', key: 'privacy.anonymisedNoContact' }])

const bilingual = (zh: string | null, en: string | null) => ({ zh: zh ?? en ?? '', en: en ?? zh ?? '' })

export async function postMessage(user: SessionUser, applicationId: string, body: string) {
  return prisma.$transaction(
    async (tx) => {
      const application = await tx.application.findUnique({
        where: { id: applicationId },
        select: {
          id: true,
          studentId: true,
          firstResponseAt: true,
          anonymisedAt: true,
          student: { select: { userId: true } },
          role: { select: { companyId: true, titleZh: true, titleEn: true, company: { select: { members: { select: { userId: true } } } } } },
        },
      })
      const side = !application
        ? null
        : application.studentId === user.studentProfileId
          ? 'student'
          : user.companyIds.includes(application.role.companyId)
            ? 'company'
            : null
      if (!application || !side) throw notFound()
      if (application.anonymisedAt && side === 'company') throw anonymisedNoContact()
      if ((await tx.message.count({ where: { applicationId } })) >= listCaps.messagesPerApplication) throw tooMany(listCaps.messagesPerApplication, 'body')
      const message = await tx.message.create({ data: { applicationId, authorId: user.id, body }, select: { id: true, createdAt: true } })
      const now = new Date()
      const data = { from: user.name, role: bilingual(application.role.titleZh, application.role.titleEn) }
      if (side === 'company') {
        await tx.application.update({
          where: { id: applicationId },
          data: { companyActedAt: now, firstResponseAt: application.firstResponseAt ?? now },
          select: { id: true },
        })
        await notify(tx, { userId: application.student.userId, type: 'application.message', data, link: `/applications/${applicationId}` })
      } else {
        for (const member of application.role.company.members) {
          await notify(tx, { userId: member.userId, type: 'application.message', data, link: `/company/applications/${applicationId}` })
        }
      }
      return message
    },
    { timeout: 15_000 },
  )
}

export async function addPrivateNote(user: SessionUser, applicationId: string, body: string) {
  const application = await prisma.application.findFirst({
    where: { id: applicationId, role: { companyId: { in: user.companyIds } } },
    select: { id: true, anonymisedAt: true },
  })
  if (!application) throw notFound()
  if (application.anonymisedAt) throw anonymisedNoContact()
  if ((await prisma.applicationNote.count({ where: { applicationId } })) >= listCaps.notesPerApplication) throw tooMany(listCaps.notesPerApplication, 'body')
  return prisma.applicationNote.create({ data: { applicationId, authorId: user.id, body }, select: { id: true } })
}
