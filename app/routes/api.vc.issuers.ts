// GET /api/vc/issuers — the public issuer registry: each issuer's DIDs, name and kind.
import { apiHandler, json } from '#app/modules/api/api.server.ts'
import { issuerRegistry } from '#app/modules/credentials/issuers.server.ts'

export const loader = apiHandler(async () => {
  const issuers = await issuerRegistry()
  return json(issuers.map(({ id, name, kind, dids }) => ({ id, name, kind, dids })))
})
