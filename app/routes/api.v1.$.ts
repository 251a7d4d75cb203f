// Unknown API paths answer problem+json, not the HTML 404 page.
import { apiHandler } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'

const handler = apiHandler(async () => {
  throw notFound()
})

export const loader = handler
export const action = handler
