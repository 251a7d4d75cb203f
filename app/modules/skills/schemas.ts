// Admin input for the skill taxonomy, shared by the forms and the actions.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'
import { i18n } from '#app/i18n/validation.ts'
import { KEY_PATTERN } from '#app/modules/import/schema.ts'

const keyField = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => KEY_PATTERN.test(v), i18n('validation.key'))

/** Aliases typed one per line or separated by commas (、，, in either language). */
export const aliasesField = z
  .string()
  .max(2000)
  .optional()
  .transform((v) => [
    ...new Set(
      (v ?? '')
        .split(/[\n,，、;；]/)
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  ])

const skillFields = {
  nameZh: optionalText(100),
  nameEn: optionalText(100),
  aliases: aliasesField,
  parentKey: optionalText(100),
  category: optionalText(40),
}

const needsAName = (v: { nameZh?: string; nameEn?: string }, ctx: z.RefinementCtx) => {
  if (!v.nameZh && !v.nameEn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['nameZh'], ...i18n('skills.nameRequired') })
}

export const createSkillSchema = z.object({ key: keyField, ...skillFields }).superRefine(needsAName)
export const updateSkillSchema = z.object(skillFields).superRefine(needsAName)
export const mergeSkillsSchema = z
  .object({ sourceKey: keyField, targetKey: keyField })
  .refine((v) => v.sourceKey !== v.targetKey, { path: ['targetKey'], ...i18n('skills.mergeSame') })

/** The query parameter of the skill picker's search (a GET form without JavaScript). */
export const SKILL_SEARCH_PARAM = 'skillq'
export const skillLevels = [1, 2, 3, 4, 5] as const

/** One chosen skill: a key (or a name, for the role form) and a level 1–5. */
export const skillRow = z.object({ skill: z.string().trim().min(1).max(100), level: z.number().int().min(1).max(5) })

/**
 * The skills a picker submits: rows `skills[i].skill` and `skills[i].level` (a role's rows
 * add `required`). A row without a level is a search result the user did not choose.
 */
export function skillRowsField<Row extends z.ZodType<{ skill: string; level: number }>>(row: Row) {
  return z
    .preprocess(
      (rows) =>
        Array.isArray(rows) ? rows.filter((r) => r && typeof r === 'object' && (r as { skill?: unknown }).skill && (r as { level?: unknown }).level) : rows,
      z
        .array(row)
        .max(100)
        .refine((rows) => new Set(rows.map((r) => r.skill.toLowerCase())).size === rows.length, i18n('skills.chosenTwice')),
    )
    .default([])
}
