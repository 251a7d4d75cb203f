// GET /api/v1/students/me/credentials — the calling student's credentials.
import { apiHandler, json, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { studentCredentialsForApi } from '#app/modules/credentials/wallet.server.ts'

export const loader = apiHandler(async (context) => {
  const user = requireApiScope(context, 'credentials:read')
  if (!user.studentProfileId) throw notFound()
  return json({ items: await studentCredentialsForApi(user.studentProfileId) })
})
