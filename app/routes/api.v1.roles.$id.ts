// GET /api/v1/roles/{id} — one role; PATCH — its company's members change it. `key:KEY`
// works for {id}; a role the caller may not see or change is a 404 (docs/api-v1.md).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json, problem, readJson, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { resolveRoleRef, roleApiView, roleFields, updateRole } from '#app/modules/roles/roles.server.ts'
import { apiRolePatchSchema, patchRoleFields } from '#app/modules/roles/schemas.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(
    async (context) => {
      const roleId = await resolveRoleRef(args.params.id ?? '')
      if (!roleId) throw notFound()
      return json(await roleApiView(roleId, context.user))
    },
    { scope: 'roles:read' },
  )(args)

export const action = (args: ActionFunctionArgs) =>
  apiHandler(async (context) => {
    if (context.request.method !== 'PATCH') return problem({ status: 405, title: 'Method Not Allowed' }, { Allow: 'GET, PATCH' })
    const user = requireApiScope(context, 'roles:write')
    const roleId = await resolveRoleRef(args.params.id ?? '')
    if (!roleId) throw notFound()
    // Ownership first, so another company's role is a 404 even for a malformed body.
    const current = await roleFields(user, roleId)
    const patch = await readJson(context, apiRolePatchSchema)
    await updateRole(user, roleId, patchRoleFields(current.fields, patch), patch.status ?? 'keep')
    return json(await roleApiView(roleId, user))
  })(args)
