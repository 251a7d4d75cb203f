// GET /api/v1/universities/{id}/skill-gap — that university's staff or an admin
// (docs/api-v1.md); `city` and `kind` filter the demand side.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json, readQuery, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { hasRole, isUniversityStaff } from '#app/modules/auth/permissions.server.ts'
import { gapFilterFromParams, gapFilterSchema } from '#app/modules/matching/schemas.ts'
import { resolveUniversityRef, skillGapReport } from '#app/modules/matching/skill-gap.server.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(async (context) => {
    const user = requireApiScope(context, 'matching')
    const universityId = await resolveUniversityRef(args.params.id ?? '')
    if (!universityId || (!isUniversityStaff(user, universityId) && !hasRole(user, 'admin'))) throw notFound()
    const filter = readQuery(context, gapFilterSchema, gapFilterFromParams)
    return json(await skillGapReport({ universityId, ...filter }))
  })(args)
