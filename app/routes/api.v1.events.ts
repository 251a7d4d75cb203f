// GET /api/v1/events — published, upcoming events (docs/api-v1.md).
import { apiHandler, json, readQuery } from '#app/modules/api/api.server.ts'
import { eventApiView, listPublishedEvents } from '#app/modules/events/events.server.ts'
import { eventListQuerySchema } from '#app/modules/events/schemas.ts'

export const loader = apiHandler(
  async (context) => {
    const query = readQuery(context, eventListQuerySchema, (params) => Object.fromEntries(params))
    const result = await listPublishedEvents(query)
    return json({ items: result.items.map(eventApiView), total: result.total, page: result.page, perPage: result.perPage })
  },
  { scope: 'events' },
)
