// /companies/:id/logo — the company's logo, served with the type its content has.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { companyLogo, resolveCompanyRef } from '#app/modules/companies/companies.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const companyId = await resolveCompanyRef(params.id ?? '')
  const logo = companyId ? await companyLogo(companyId) : null
  if (!logo) throw notFoundResponse()
  return new Response(Buffer.from(logo.bytes), {
    headers: { 'Content-Type': logo.contentType, 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' },
  })
})
