// POST /api/vc/credentials/verify (VC-API) — VC 2.0 and 1.1; no token needed.
import { apiHandler } from '#app/modules/api/api.server.ts'
import { verifyCredentialRequestSchema } from '#app/modules/credentials/schemas.ts'
import { credentialVerificationResponse, readVcApiBody } from '#app/modules/credentials/vc-api.server.ts'
import { verifyCredentialReport } from '#app/modules/credentials/verify.server.ts'

export const action = apiHandler(async (context) => {
  const body = await readVcApiBody(context, verifyCredentialRequestSchema)
  return credentialVerificationResponse(context.locale, await verifyCredentialReport(body.verifiableCredential))
})
