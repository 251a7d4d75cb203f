// Everything stored about the signed-in student, as a JSON download.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { exportStudentData } from '#app/modules/students/data-rights.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  const body = JSON.stringify(await exportStudentData(user.id), null, 2)
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="lianqiao-my-data.json"',
      'Cache-Control': 'no-store',
    },
  })
})
