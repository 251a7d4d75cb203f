// GET /api/v1/roles — search published, open roles; POST — a company member posts a role
// (body: a Role of the import format). See docs/api-v1.md.
import { apiHandler, json, problem, readJson, readQuery, requireApiScope } from '#app/modules/api/api.server.ts'
import { companyForApi } from '#app/modules/companies/companies.server.ts'
import { rankingForSearch } from '#app/modules/matching/matching.server.ts'
import { createRole, roleApiView } from '#app/modules/roles/roles.server.ts'
import { apiRoleCreateSchema, roleFieldsFromImport } from '#app/modules/roles/schemas.ts'
import { roleSearchSchema, searchParamsToQuery } from '#app/modules/search/schemas.ts'
import { searchRoles } from '#app/modules/search/search.server.ts'

export const loader = apiHandler(
  async (context) => {
    const query = readQuery(context, roleSearchSchema, searchParamsToQuery)
    const result = await searchRoles(query, undefined, await rankingForSearch(query.sort, context.user?.studentProfileId), 'api')
    const { city, skill, kind, workMode } = result.facets
    return json({
      ...result,
      hits: result.hits.map(({ highlight: _highlight, ...hit }) => hit),
      facets: { city, skill, kind, workMode },
    })
  },
  { scope: 'roles:read' },
)

export const action = apiHandler(async (context) => {
  if (context.request.method !== 'POST') return problem({ status: 405, title: 'Method Not Allowed' }, { Allow: 'GET, POST' })
  const user = requireApiScope(context, 'roles:write')
  const body = await readJson(context, apiRoleCreateSchema)
  const companyId = await companyForApi(user, body.company)
  const role = await createRole(user, companyId, roleFieldsFromImport(body), body.status)
  return json(await roleApiView(role.id, user), 201, { Location: `/api/v1/roles/${role.id}` })
})
