// The .ics file of a confirmed registration's event.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { pickText } from '#app/i18n/translate.ts'
import { notFoundResponse, requireUser } from '#app/modules/auth/permissions.server.ts'
import { calendarEntry } from '#app/modules/events/calendar.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const entry = await calendarEntry(params.id ?? '', user.id, (zh, en) => pickText(requestLocale(request), zh, en), new URL(request.url).origin)
  if (!entry) throw notFoundResponse()
  return new Response(entry.ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${entry.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
})
