// GET /api/v1/students/{id}/recommendations?limit=N — the student themself (`me` works) or
// an admin; anyone else gets a 404 (docs/api-v1.md).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json, readQuery, requireApiScope } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { hasRole } from '#app/modules/auth/permissions.server.ts'
import { recommendationsFor, resolveStudentRef } from '#app/modules/matching/matching.server.ts'
import { limitFromParams, limitQuerySchema } from '#app/modules/matching/schemas.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(async (context) => {
    const user = requireApiScope(context, 'matching')
    const studentId = await resolveStudentRef(args.params.id ?? '', user)
    if (!studentId || (studentId !== user.studentProfileId && !hasRole(user, 'admin'))) throw notFound()
    const { limit } = readQuery(context, limitQuerySchema, limitFromParams)
    return json(await recommendationsFor(studentId, { limit, locale: context.locale }))
  })(args)
