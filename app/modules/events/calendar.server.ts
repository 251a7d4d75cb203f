// The calendar file for a confirmed registration.
import { prisma } from '#app/lib/db.server.ts'
import { buildIcs } from './ics.ts'

export async function calendarEntry(eventId: string, userId: string, pick: (zh: string | null, en: string | null) => string, origin: string) {
  const registration = await prisma.registration.findUnique({
    where: { eventId_userId: { eventId, userId } },
    select: {
      id: true,
      status: true,
      event: {
        select: {
          id: true,
          titleZh: true,
          titleEn: true,
          descriptionZh: true,
          descriptionEn: true,
          venue: true,
          onlineUrl: true,
          startsAt: true,
          endsAt: true,
        },
      },
    },
  })
  if (!registration || registration.status !== 'confirmed') return null
  const event = registration.event
  const url = `${origin}/events/${event.id}`
  const ics = buildIcs({
    uid: `${registration.id}@lianqiao`,
    title: pick(event.titleZh, event.titleEn),
    description: [pick(event.descriptionZh, event.descriptionEn), url].filter(Boolean).join('\n\n'),
    location: event.venue ?? event.onlineUrl ?? undefined,
    url,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  })
  return { ics, filename: `event-${event.id}.ics` }
}
