// PATCH /api/v1/applications/{id} — the role's company moves an application (docs/
// api-v1.md). Another company's application is a 404; an illegal step a 422.
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiHandler, json, problem, readJson, requireApiScope } from '#app/modules/api/api.server.ts'
import { changeStatus } from '#app/modules/applications/applications.server.ts'
import { apiStatusSchema } from '#app/modules/applications/schemas.ts'

export const loader = apiHandler(async () => problem({ status: 405, title: 'Method Not Allowed' }, { Allow: 'PATCH' }))

export const action = (args: ActionFunctionArgs) =>
  apiHandler(async (context) => {
    if (context.request.method !== 'PATCH') return problem({ status: 405, title: 'Method Not Allowed' }, { Allow: 'PATCH' })
    const user = requireApiScope(context, 'applications')
    const body = await readJson(context, apiStatusSchema)
    const changed = await changeStatus(user, args.params.id ?? '', body.status)
    return json({ id: changed.id, status: changed.status })
  })(args)
