// Admin input for the skill taxonomy, shared by the forms and the actions.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'
import { i18n } from '#app/i18n/validation.ts'
import { KEY_PATTERN } from '#app/modules/import/schema.ts'

const keyField = z.string().trim().toLowerCase().refine((v) => KEY_PATTERN.test(v), i18n('validation.key'))

/** Aliases typed one per line or separated by commas (、，, in either language). */
export const aliasesField = z
  .string()
  .max(2000)
  .optional()
  .transform((v) => [...new Set((v ?? '').split(/[\n,，、;；]/).map((a) => a.trim()).filter(Boolean))])

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
