// University staff: the skill-gap report for their university.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SkillGapReport } from '#app/components/skill-gap-report.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { gapFilterFromParams, gapFilterSchema } from '#app/modules/matching/schemas.ts'
import { skillGapReport } from '#app/modules/matching/skill-gap.server.ts'
import { requireOneUniversity } from './university-context.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const { university } = await requireOneUniversity(request)
  const params = new URL(request.url).searchParams
  const parsed = gapFilterSchema.safeParse(gapFilterFromParams(params))
  const filter = parsed.success ? parsed.data : {}
  const report = await skillGapReport({ universityId: university.id, ...filter })
  const csv = new URLSearchParams({ u: university.id, ...(filter.city ? { city: filter.city } : {}), ...(filter.kind ? { kind: filter.kind } : {}) })
  return { university, filter, items: report.items, csvHref: `/university/skill-gap.csv?${csv}` }
})

export default function UniversitySkillGap() {
  const { university, filter, items, csvHref } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('gap.title', { name: pickText(locale, university.nameZh, university.nameEn) })}</h1>
      <p className="hint">{t('gap.intro')}</p>
      <SkillGapReport items={items} filter={filter} csvHref={csvHref} hidden={{ u: university.id }} />
    </section>
  )
}
