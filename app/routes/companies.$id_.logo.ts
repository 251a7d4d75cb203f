// /companies/:id/logo — the company's logo, served with the type its content has.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { companyLogo, resolveCompanyRef } from '#app/modules/companies/companies.server.ts'

export async function loader({ params }: LoaderFunctionArgs) {
  const companyId = await resolveCompanyRef(params.id ?? '')
  const logo = companyId
    ? await companyLogo(companyId).catch((error: unknown) => {
        if (error instanceof UserFacingError) return null
        throw error
      })
    : null
  if (!logo) throw notFoundResponse()
  return new Response(Buffer.from(logo.bytes), {
    headers: { 'Content-Type': logo.contentType, 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' },
  })
}
