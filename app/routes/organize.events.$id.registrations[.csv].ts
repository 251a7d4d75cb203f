// The registrations as CSV (UTF-8 with BOM, so Excel shows Chinese correctly).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { pickText, translate } from '#app/i18n/translate.ts'
import { requireEventOrganizer } from '#app/modules/auth/permissions.server.ts'
import { registrationsCsv } from '#app/modules/events/dashboard.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requireEventOrganizer(request, params.id ?? '')
  const locale = requestLocale(request)
  const header = (['name', 'email', 'university', 'status', 'team', 'registeredAt', 'checkedInAt', 'ticketCode'] as const).map((k) =>
    translate(locale, `organize.csv.${k}`),
  )
  const csv = await registrationsCsv(params.id ?? '', header, (u) => (u ? pickText(locale, u.zh, u.en) : ''))
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="registrations-${params.id}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
})
