// POST /api/vc/presentations/verify (VC-API) — the holder's proof against the challenge
// and domain, and every credential in the presentation.
import { apiHandler } from '#app/modules/api/api.server.ts'
import { verifyPresentationRequestSchema } from '#app/modules/credentials/schemas.ts'
import { presentationVerificationResponse, readVcApiBody } from '#app/modules/credentials/vc-api.server.ts'
import { verifyPresentationReport } from '#app/modules/credentials/verify.server.ts'

export const action = apiHandler(async (context) => {
  const body = await readVcApiBody(context, verifyPresentationRequestSchema)
  return presentationVerificationResponse(context.locale, await verifyPresentationReport(body.verifiablePresentation, body.options ?? {}))
})
