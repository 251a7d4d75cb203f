import { prisma } from '#app/lib/db.server.ts'

/** Universities for pickers, in a stable order. */
export function listUniversityOptions() {
  return prisma.university.findMany({ orderBy: [{ nameZh: 'asc' }], select: { id: true, nameZh: true, nameEn: true } })
}
