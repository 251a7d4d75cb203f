// POST /api/vc/credentials/issue (VC-API) — signs the credential as the issuer it names.
import { apiHandler, json, requireApiScope } from '#app/modules/api/api.server.ts'
import { issueForApi } from '#app/modules/credentials/issue.server.ts'
import { issueRequestSchema } from '#app/modules/credentials/schemas.ts'
import { readVcApiBody } from '#app/modules/credentials/vc-api.server.ts'

export const action = apiHandler(async (context) => {
  const user = requireApiScope(context, 'credentials:issue')
  const body = await readVcApiBody(context, issueRequestSchema)
  return json({ verifiableCredential: await issueForApi(user, body.credential) }, 201)
})
