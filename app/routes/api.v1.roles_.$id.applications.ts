// POST /api/v1/roles/{id}/applications — a student applies (docs/api-v1.md): 201
// { id, status }, 409 with the existing application, 422 when the role is not open.
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiHandler, json, problem, readJson, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { apiApplySchema } from '#app/modules/applications/schemas.ts'

export const loader = apiHandler(async () => problem({ status: 405, title: 'Method Not Allowed' }, { Allow: 'POST' }))

export const action = (args: ActionFunctionArgs) =>
  apiHandler(async (context) => {
    if (context.request.method !== 'POST') return problem({ status: 405, title: 'Method Not Allowed' }, { Allow: 'POST' })
    const user = requireApiScope(context, 'applications')
    if (!user.studentProfileId) throw notFound()
    const body = await readJson(context, apiApplySchema)
    const created = await applyToRole(user, args.params.id ?? '', { note: body.note?.trim() || undefined, answers: body.answers })
    return json({ id: created.id, status: created.status, createdAt: created.createdAt.toISOString() }, 201)
  })(args)
