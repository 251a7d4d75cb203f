// Development only: one written e-mail, raw (RFC 822), as the recipient's client gets it.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { env } from '#app/lib/env.server.ts'
import { notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { readMailFile } from '#app/modules/mail/transport.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  if (env.isProduction) throw notFoundResponse()
  const raw = await readMailFile(params.name ?? '')
  if (raw === null) throw notFoundResponse()
  return new Response(raw, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
})
