// DELETE /api/v1/events/{id}/registrations/me — cancel the caller's registration; the
// first waitlisted registration is promoted in the same transaction (docs/api-v1.md).
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiHandler, json, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { resolveEventId } from '#app/modules/events/events.server.ts'
import { cancelRegistration } from '#app/modules/events/registrations.server.ts'

export const action = (args: ActionFunctionArgs) =>
  apiHandler(async (context) => {
    if (context.request.method !== 'DELETE') throw notFound()
    const user = requireApiScope(context, 'events')
    const eventId = await resolveEventId(args.params.id ?? '')
    if (!eventId) throw notFound()
    const result = await cancelRegistration(eventId, user.id)
    return json({ status: result.status })
  })(args)
