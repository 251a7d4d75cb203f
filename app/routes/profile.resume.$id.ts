// A student's own résumé PDF.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { readResume } from '#app/modules/students/profile.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  const resume = await readResume(user.studentProfileId, params.id ?? '')
  return new Response(Buffer.from(resume.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(resume.filename)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
