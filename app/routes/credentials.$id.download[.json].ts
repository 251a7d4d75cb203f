// GET /credentials/{id}/download.json — the student's own signed credential, as a download.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { pageLoader } from '#app/lib/page.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { credentialFile } from '#app/modules/credentials/wallet.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  const file = await credentialFile(user.studentProfileId, params.id ?? '')
  return new Response(file.body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
})
