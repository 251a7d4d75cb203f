// GET /api/v1/students/me/credentials — the calling student's credentials.
import { apiHandler, json, requireApiUser } from '#app/lib/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { studentCredentialsForApi } from '#app/modules/credentials/wallet.server.ts'

export const loader = apiHandler(async (context) => {
  const user = requireApiUser(context)
  if (!user.studentProfileId) throw notFound()
  return json({ items: await studentCredentialsForApi(user.studentProfileId) })
})
