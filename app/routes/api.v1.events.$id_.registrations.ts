// GET /api/v1/events/{id}/registrations (the event's organizers, or an admin) and
// POST /api/v1/events/{id}/registrations (register the caller) — docs/api-v1.md.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json, readJson, requireApiScope } from '#app/modules/api/api.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { isEventStaff } from '#app/modules/auth/permissions.server.ts'
import { getEventForViewer, resolveEventId } from '#app/modules/events/events.server.ts'
import { listRegistrations, registerForEvent, registrationApiView } from '#app/modules/events/registrations.server.ts'
import { registerApiSchema } from '#app/modules/events/schemas.ts'

async function eventIdFrom(param: string | undefined) {
  const eventId = await resolveEventId(param ?? '')
  if (!eventId) throw notFound()
  return eventId
}

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(async (context) => {
    const user = requireApiScope(context, 'events')
    const eventId = await eventIdFrom(args.params.id)
    await getEventForViewer(eventId, user)
    if (!(await isEventStaff(user, eventId))) throw new UserFacingError(403, 'error.forbidden')
    const rows = await listRegistrations(eventId)
    return json({ items: rows.map(registrationApiView) })
  })(args)

export const action = (args: ActionFunctionArgs) =>
  apiHandler(async (context) => {
    if (context.request.method !== 'POST') throw notFound()
    const user = requireApiScope(context, 'events')
    const eventId = await eventIdFrom(args.params.id)
    const input = await readJson(context, registerApiSchema)
    const registration = await registerForEvent(eventId, user, input)
    return json({ id: registration.id, status: registration.status }, 201)
  })(args)
