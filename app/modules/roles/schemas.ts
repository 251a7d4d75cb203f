// Role input, shared by the company's role form, the JSON API and (through the import
// schema it derives from) the importer: one definition of what a role is.
import { z } from 'zod'
import { checkbox, optionalText } from '#app/lib/form-fields.ts'
import { i18n } from '#app/i18n/validation.ts'
import { keySchema, roleKinds, roleSchema } from '#app/modules/import/schema.ts'
import { shanghaiDay } from '#app/lib/time.ts'
import { skillRow, skillRowsField } from '#app/modules/skills/schemas.ts'

export { roleKinds }
export const workModes = ['onsite', 'hybrid', 'remote'] as const
export const roleStatuses = ['draft', 'published', 'closed'] as const
/** Languages offered as checkboxes on the form (ISO 639-1): Chinese, English and ASEAN's. */
export const formLanguages = ['zh', 'en', 'vi', 'th', 'id', 'ms', 'lo', 'km', 'my', 'tl'] as const

export type RoleKind = (typeof roleKinds)[number]
export type WorkModeValue = (typeof workModes)[number]
export type RoleStatusValue = (typeof roleStatuses)[number]

const roleObject = roleSchema.innerType()

/** `POST /api/v1/roles`: a Role of the import format; `company` may be left out when the user belongs to one company, `key` when the client has none. */
export const apiRoleCreateSchema = roleObject
  .extend({ key: keySchema.optional(), company: keySchema.optional(), status: roleObject.shape.status.default('draft') })
  .strict()

/** `PATCH /api/v1/roles/{id}`: any Role fields except the company, which never changes. */
export const apiRolePatchSchema = roleObject.omit({ company: true }).partial().strict()

/** The fields a role is made of, whatever the channel (form, API, import). */
export type RoleFields = {
  key?: string
  title: { zh?: string; en?: string }
  description: { zh?: string; en?: string }
  kind: RoleKind
  city: string
  workMode: WorkModeValue
  stipendMonthly: { min: number; max: number }
  daysPerWeek: number
  durationMonths: number
  skills: Array<{ skill: string; level: number; required: boolean }>
  languages: string[]
  openings: number
  /** Calendar day in Shanghai, YYYY-MM-DD. */
  deadline: string
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === ''

/** The role form: flat fields (Conform), skills as rows from the skill picker. */
export const roleFormSchema = z.preprocess(
  // "One language at least" is checked before the fields: a refinement after them would
  // be skipped while any field is invalid, so the author would meet it only in a second round.
  (input, ctx) => {
    const v = input && typeof input === 'object' ? (input as Record<string, unknown>) : {}
    if (blank(v.titleZh) && blank(v.titleEn)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['titleZh'], ...i18n('validation.text') })
    if (blank(v.descriptionZh) && blank(v.descriptionEn)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['descriptionZh'], ...i18n('validation.text') })
    return input
  },
  z.object({
    titleZh: optionalText(200),
    titleEn: optionalText(200),
    descriptionZh: optionalText(20_000),
    descriptionEn: optionalText(20_000),
    kind: z.enum(roleKinds),
    city: z.string().trim().min(1).max(60),
    workMode: z.enum(workModes),
    stipendMin: z.number().int().min(0).max(1_000_000),
    stipendMax: z.number().int().min(0).max(1_000_000),
    daysPerWeek: z.number().int().min(1).max(7),
    durationMonths: z.number().int().min(1).max(24),
    languages: z.array(z.enum(formLanguages)).default([]),
    openings: z.number().int().min(1).max(10_000),
    deadline: z
      .string()
      .trim()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), i18n('validation.date')),
    skills: skillRowsField(skillRow.extend({ required: checkbox })),
    /** draft / publish; `save` keeps the role's current status. */
    intent: z.enum(['draft', 'publish', 'save']).default('draft'),
  }),
)

export type RoleFormValue = z.output<typeof roleFormSchema>

export function roleFieldsFromForm(value: RoleFormValue): RoleFields {
  return {
    title: { zh: value.titleZh, en: value.titleEn },
    description: { zh: value.descriptionZh, en: value.descriptionEn },
    kind: value.kind,
    city: value.city,
    workMode: value.workMode,
    stipendMonthly: { min: value.stipendMin, max: value.stipendMax },
    daysPerWeek: value.daysPerWeek,
    durationMonths: value.durationMonths,
    skills: value.skills,
    languages: value.languages,
    openings: value.openings,
    deadline: value.deadline,
  }
}

/** Where a rule's problem shows on the form, from its import-format path. */
export function formPathFor(path: string): string {
  const map: Record<string, string> = {
    'title.zh': 'titleZh',
    'title.en': 'titleEn',
    title: 'titleZh',
    'description.zh': 'descriptionZh',
    'description.en': 'descriptionEn',
    description: 'descriptionZh',
    'stipendMonthly.min': 'stipendMin',
    'stipendMonthly.max': 'stipendMax',
  }
  // A skill row's problem ("skills.1.skill") goes to Conform's field name ("skills[1].skill").
  return map[path] ?? path.replace(/\.(\d+)(?=\.|$)/g, '[$1]')
}

type ImportRoleFields = Omit<z.output<typeof apiRoleCreateSchema>, 'company' | 'status'>

/** An import-format role (deadline already parsed to an instant) as the fields a role is made of. */
export function roleFieldsFromImport(role: ImportRoleFields): RoleFields {
  return {
    ...(role.key !== undefined ? { key: role.key } : {}),
    title: role.title,
    description: role.description,
    kind: role.kind,
    city: role.city,
    workMode: role.workMode,
    stipendMonthly: role.stipendMonthly,
    daysPerWeek: role.daysPerWeek,
    durationMonths: role.durationMonths,
    skills: role.skills,
    languages: role.languages ?? [],
    openings: role.openings,
    deadline: shanghaiDay(role.deadline),
  }
}

/** A PATCH body applied over the role's current fields. */
export function patchRoleFields(current: RoleFields, patch: z.output<typeof apiRolePatchSchema>): RoleFields {
  const { deadline, status: _status, ...rest } = patch
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<RoleFields>
  return { ...current, ...defined, ...(deadline ? { deadline: shanghaiDay(deadline) } : {}) }
}
