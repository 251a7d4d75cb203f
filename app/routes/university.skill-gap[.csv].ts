// The university's skill-gap report as CSV (UTF-8 with BOM, so Excel reads Chinese).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { toCsv } from '#app/lib/csv.ts'
import { gapFilterFromParams, gapFilterSchema } from '#app/modules/matching/schemas.ts'
import { skillGapCsvRows, skillGapReport } from '#app/modules/matching/skill-gap.server.ts'
import { requireOneUniversity } from './university-context.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const { university } = await requireOneUniversity(request)
  const parsed = gapFilterSchema.safeParse(gapFilterFromParams(new URL(request.url).searchParams))
  const report = await skillGapReport({ universityId: university.id, ...(parsed.success ? parsed.data : {}) })
  return new Response(toCsv(skillGapCsvRows(report.items)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="skill-gap-${university.key ?? university.id}.csv"` },
  })
})
