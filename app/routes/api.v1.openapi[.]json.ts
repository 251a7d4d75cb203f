// GET /api/v1/openapi.json — the API's description (OpenAPI 3.1).
import { json } from '#app/modules/api/api.server.ts'
import { openApiDocument } from '#app/modules/api-docs/openapi.server.ts'

export async function loader() {
  return json(openApiDocument, 200, { 'Cache-Control': 'public, max-age=300' })
}
