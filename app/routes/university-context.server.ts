// Which university a staff page is about: `?u=` when given (admins, staff of several),
// otherwise the staff member's own. Anyone else gets a 404.
import { notFoundResponse, requireRole, requireUniversityStaff } from '#app/modules/auth/permissions.server.ts'
import { getUniversity } from '#app/modules/universities/catalogue.server.ts'

export async function requireUniversityContext(request: Request) {
  const user = await requireRole(request, 'university_staff', 'admin')
  const universityId = new URL(request.url).searchParams.get('u') || user.universityIds[0]
  if (!universityId) return { user, university: null }
  await requireUniversityStaff(request, universityId)
  const university = await getUniversity(universityId)
  if (!university) throw notFoundResponse()
  return { user, university }
}

/** Like requireUniversityContext, for pages that make no sense without one university. */
export async function requireOneUniversity(request: Request) {
  const { user, university } = await requireUniversityContext(request)
  if (!university) throw notFoundResponse()
  return { user, university }
}
