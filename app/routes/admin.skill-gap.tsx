// Admins: the skill-gap report for the whole region.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SkillGapReport } from '#app/components/skill-gap-report.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { gapFilterFromParams, gapFilterSchema } from '#app/modules/matching/schemas.ts'
import { skillGapReport } from '#app/modules/matching/skill-gap.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, 'admin')
  const parsed = gapFilterSchema.safeParse(gapFilterFromParams(new URL(request.url).searchParams))
  const filter = parsed.success ? parsed.data : {}
  const report = await skillGapReport({ universityId: null, ...filter })
  const csv = new URLSearchParams({ ...(filter.city ? { city: filter.city } : {}), ...(filter.kind ? { kind: filter.kind } : {}) })
  return { filter, items: report.items, csvHref: `/admin/skill-gap.csv?${csv}` }
})

export default function RegionSkillGap() {
  const { filter, items, csvHref } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('gap.title', { name: t('gap.region') })}</h1>
      <p className="hint">{t('gap.intro')}</p>
      <SkillGapReport items={items} filter={filter} csvHref={csvHref} />
    </section>
  )
}
