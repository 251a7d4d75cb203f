// The résumé sent with an application, for the company's members; every download is
// written to the student's access log.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { companyResume } from '#app/modules/applications/review.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { detectFileType, mimeType } from '#app/modules/storage/storage.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'company_member')
  const file = await companyResume(user, params.id ?? '')
  if (!file) throw notFoundResponse()
  const type = detectFileType(file.bytes)
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': type ? mimeType(type) : 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
