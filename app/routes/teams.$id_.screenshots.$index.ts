// A submission's screenshot, for those who may see the team.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUser, notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { screenshotFile } from '#app/modules/events/submissions.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const index = Number(params.index)
  if (!Number.isInteger(index) || index < 0) throw notFoundResponse()
  const file = await screenshotFile(params.id ?? '', index, await getUser(request))
  return new Response(Buffer.from(file.bytes), {
    headers: { 'Content-Type': file.contentType, 'Cache-Control': 'private, max-age=300', 'X-Content-Type-Options': 'nosniff' },
  })
})
