// The role form's save: the form's fields become a role's fields, the intent its status,
// and a rule's problems come back at the form's own field names.
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { createRole, roleFields, updateRole } from './roles.server.ts'
import { formPathFor, roleFieldsFromForm, type RoleFields, type RoleFormValue, type RoleStatusValue } from './schemas.ts'

function onForm(error: unknown): never {
  if (error instanceof UserFacingError && error.fields.length > 0) {
    throw new UserFacingError(
      error.status,
      error.key,
      error.params,
      error.fields.map((f) => ({ ...f, path: formPathFor(f.path) })),
      error.body,
    )
  }
  throw error
}

/**
 * The picker offers skill keys, but an author may type a skill's name in either language
 * or an alias (the form says so): those become the key. Anything else stays as typed for
 * the posting rules to report.
 */
async function withSkillKeys(fields: RoleFields): Promise<RoleFields> {
  if (fields.skills.length === 0) return fields
  const taxonomy = await prisma.skill.findMany({ select: { key: true, nameZh: true, nameEn: true, aliases: true } })
  const keyOf = new Map<string, string>()
  for (const skill of taxonomy) keyOf.set(skill.key, skill.key)
  for (const skill of taxonomy) {
    for (const name of [skill.key, skill.nameZh, skill.nameEn, ...skill.aliases]) {
      const folded = name?.trim().toLowerCase()
      if (folded && !keyOf.has(folded)) keyOf.set(folded, skill.key)
    }
  }
  return { ...fields, skills: fields.skills.map((s) => ({ ...s, skill: keyOf.get(s.skill) ?? keyOf.get(s.skill.trim().toLowerCase()) ?? s.skill })) }
}

export async function saveRoleForm(actor: SessionUser, target: { companyId: string } | { roleId: string }, value: RoleFormValue) {
  const fields = await withSkillKeys(roleFieldsFromForm(value))
  if ('companyId' in target) {
    return createRole(actor, target.companyId, fields, value.intent === 'publish' ? 'published' : 'draft').catch(onForm)
  }
  const status: RoleStatusValue | 'keep' = value.intent === 'publish' ? 'published' : value.intent === 'draft' ? 'draft' : 'keep'
  // The form has no key field, so an imported role keeps its external key.
  return updateRole(actor, target.roleId, fields, status).catch(onForm)
}

/** The form's starting values for an existing role. */
export async function roleFormDefaults(actor: SessionUser, roleId: string) {
  const { fields, status, companyId, review } = await roleFields(actor, roleId)
  return {
    status,
    review,
    companyId,
    defaults: {
      titleZh: fields.title.zh,
      titleEn: fields.title.en,
      descriptionZh: fields.description.zh,
      descriptionEn: fields.description.en,
      kind: fields.kind,
      city: fields.city,
      workMode: fields.workMode,
      stipendMin: fields.stipendMonthly.min,
      stipendMax: fields.stipendMonthly.max,
      daysPerWeek: fields.daysPerWeek,
      durationMonths: fields.durationMonths,
      languages: fields.languages,
      openings: fields.openings,
      deadline: fields.deadline,
      skills: fields.skills,
    },
  }
}
