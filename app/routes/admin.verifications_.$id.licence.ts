// The business licence of a verification application, for admins only (stored privately).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { pageLoader } from '#app/lib/page.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { licenceFile } from '#app/modules/verification/verification.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const admin = await requireRole(request, 'admin')
  const file = await licenceFile(admin, params.id ?? '')
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
