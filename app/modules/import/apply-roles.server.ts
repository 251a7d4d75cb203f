// Import writer for internship roles: the roles service's own write path (saveRolesByKey),
// so imported roles follow the same posting rules, review and closing time as the form
// and the API.
import { saveRolesByKey } from '#app/modules/roles/roles.server.ts'
import { roleFieldsFromImport } from '#app/modules/roles/schemas.ts'
import { newCounts, type Counts, type ImportContext } from './apply-context.server.ts'
import type { ImportRole } from './schema.ts'

export async function applyRoles(ctx: ImportContext, roles: ImportRole[]): Promise<Counts> {
  const counts = newCounts()
  await ctx.resolve(
    'companies',
    roles.map((r) => r.company),
  )
  await ctx.resolve(
    'skills',
    roles.flatMap((r) => r.skills.map((s) => s.skill)),
  )
  const writes = roles.map((role) => ({ companyId: ctx.id('companies', role.company), fields: roleFieldsFromImport(role), status: role.status }))
  // The service writes its own outbox rows, in the same transaction.
  for (const { outcome } of await saveRolesByKey(ctx.tx, ctx.actorId, writes, ctx.ids.skills, ctx.now)) counts[outcome]++
  return counts
}
