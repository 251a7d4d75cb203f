// GET /api/v1/roles/{id}/candidates?limit=N — members of the role's company (once it is
// verified) or admins; discoverable students only (docs/api-v1.md).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json, readQuery, requireApiScope } from '#app/modules/api/api.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { candidateAccess, candidatesFor, resolveRoleRef } from '#app/modules/matching/matching.server.ts'
import { limitFromParams, limitQuerySchema } from '#app/modules/matching/schemas.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(async (context) => {
    const user = requireApiScope(context, 'matching')
    const roleId = await resolveRoleRef(args.params.id ?? '')
    if (!roleId) throw notFound()
    const { allowed } = await candidateAccess(user, roleId)
    if (!allowed) throw new UserFacingError(403, 'match.companyNotVerified')
    const { limit } = readQuery(context, limitQuerySchema, limitFromParams)
    return json(await candidatesFor(roleId, { limit, locale: context.locale }))
  })(args)
