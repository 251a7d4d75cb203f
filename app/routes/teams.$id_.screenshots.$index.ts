// A submission's screenshot, for those who may see the team.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { getUser, notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { screenshotFile } from '#app/modules/events/submissions.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const index = Number(params.index)
  if (!Number.isInteger(index) || index < 0) throw notFoundResponse()
  const file = await screenshotFile(params.id ?? '', index, await getUser(request)).catch((error: unknown) => {
    if (error instanceof UserFacingError) throw notFoundResponse()
    throw error
  })
  return new Response(Buffer.from(file.bytes), { headers: { 'Content-Type': file.contentType, 'Cache-Control': 'private, max-age=300', 'X-Content-Type-Options': 'nosniff' } })
}
