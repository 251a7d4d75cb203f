// GET /api/v1/applications — a student's own applications; a company member's for one
// role (`?role=ID` or `key:KEY`) or for all of their companies' roles.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json, readQuery, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { applicationListQuerySchema } from '#app/modules/applications/schemas.ts'
import { apiListApplications } from '#app/modules/applications/review.server.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(async (context) => {
    const user = requireApiScope(context, 'applications')
    const { role } = readQuery(context, applicationListQuerySchema, (params) => ({ role: params.get('role') ?? undefined }))
    const items = await apiListApplications(user, role ?? null)
    if (!items) throw notFound()
    return json({ items })
  })(args)
