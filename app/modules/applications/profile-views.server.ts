// Who may see a student's profile, and the access log the student reads ("who viewed my
// profile"). A company sees a student who applied to one of its roles, or a discoverable
// student when the company is verified; every view is logged.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { discoverableStudentWhere } from '#app/modules/students/profile.server.ts'

export async function companyMayViewStudent(tx: Tx, companyId: string, studentId: string) {
  const student = await tx.studentProfile.findUnique({
    where: { id: studentId },
    select: {
      applications: { where: { role: { companyId } }, take: 1, select: { id: true } },
    },
  })
  if (!student) return false
  if (student.applications.length > 0) return true
  const discoverable = await tx.studentProfile.count({ where: { id: studentId, ...discoverableStudentWhere } })
  if (discoverable === 0) return false
  const company = await tx.company.findUnique({ where: { id: companyId }, select: { verifiedAt: true } })
  return Boolean(company?.verifiedAt)
}

/**
 * Logs that a member of a company opened a student's profile. Throws 404 when the company
 * may not see the student, so callers cannot show a profile without logging it.
 */
export async function recordProfileView(tx: Tx, view: { studentId: string; viewerId: string; companyId: string; context?: string }) {
  if (!(await companyMayViewStudent(tx, view.companyId, view.studentId))) throw notFound()
  await tx.profileView.create({
    data: { studentId: view.studentId, viewerId: view.viewerId, companyId: view.companyId, context: view.context ?? null },
    select: { id: true },
  })
}

export async function listProfileViews(studentProfileId: string, limit = 200) {
  return prisma.profileView.findMany({
    where: { studentId: studentProfileId },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { id: true, createdAt: true, context: true, viewer: { select: { name: true } }, company: { select: { nameZh: true, nameEn: true } } },
  })
}
