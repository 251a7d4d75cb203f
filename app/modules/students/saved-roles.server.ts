// Roles a student saved to come back to: saved from the role page while the role is open,
// removed there or from the home, where their deadlines are listed.
import { prisma } from '#app/lib/db.server.ts'
import { notFound, tooMany } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { openRoleWhere } from '#app/modules/roles/open.ts'

/** Saves an open role for the student; saving it again changes nothing. A role that is not open is a 404. */
export async function saveRole(studentId: string, roleId: string, now = new Date()) {
  const role = await prisma.internshipRole.findFirst({ where: { id: roleId, ...openRoleWhere(now) }, select: { id: true } })
  if (!role) throw notFound()
  await prisma.$transaction(async (tx) => {
    const saved = await tx.savedRole.count({ where: { studentId } })
    if (
      saved >= listCaps.savedRolesPerStudent &&
      !(await tx.savedRole.findUnique({ where: { studentId_roleId: { studentId, roleId } }, select: { roleId: true } }))
    ) {
      throw tooMany(listCaps.savedRolesPerStudent)
    }
    await tx.savedRole.upsert({ where: { studentId_roleId: { studentId, roleId } }, create: { studentId, roleId }, update: {}, select: { roleId: true } })
  })
}

export async function unsaveRole(studentId: string, roleId: string) {
  await prisma.savedRole.deleteMany({ where: { studentId, roleId } })
}

export async function isRoleSaved(studentId: string, roleId: string) {
  return (await prisma.savedRole.findUnique({ where: { studentId_roleId: { studentId, roleId } }, select: { roleId: true } })) !== null
}
