// GET /api/v1/events/{id} — one event; `key:KEY` works for {id} (docs/api-v1.md).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { eventApiView, getEventForViewer, resolveEventId } from '#app/modules/events/events.server.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(
    async (context) => {
      const eventId = await resolveEventId(args.params.id ?? '')
      if (!eventId) throw notFound()
      const event = await getEventForViewer(eventId, context.user)
      return json({
        ...eventApiView(event),
        description: { ...(event.descriptionZh ? { zh: event.descriptionZh } : {}), ...(event.descriptionEn ? { en: event.descriptionEn } : {}) },
        registrationOpensAt: event.registrationOpensAt.toISOString(),
        registrationClosesAt: event.registrationClosesAt.toISOString(),
        waitlist: event.waitlist,
        approvalRequired: event.approvalRequired,
        eligibility: event.eligibility,
        questions: event.questions,
        teamSize: event.teamSizeMin && event.teamSizeMax ? { min: event.teamSizeMin, max: event.teamSizeMax } : null,
        tracks: event.tracks.map((t) => ({ id: t.id, key: t.key, name: { ...(t.nameZh ? { zh: t.nameZh } : {}), ...(t.nameEn ? { en: t.nameEn } : {}) } })),
      })
    },
    { scope: 'events' },
  )(args)
