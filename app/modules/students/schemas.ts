// A student's own profile input, shared by the form and the action.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'
import { i18n } from '#app/i18n/validation.ts'
import { parseSkillList } from '#app/modules/universities/schemas.ts'

export const visibilities = ['private', 'applied', 'discoverable'] as const
export const workModeValues = ['onsite', 'hybrid', 'remote'] as const

/** `zh:native; en:CET-6; vi` — an ISO 639-1 code with an optional free-form level. */
export function parseLanguageList(text: string) {
  const languages: Array<{ language: string; level: string | null }> = []
  const bad: string[] = []
  for (const raw of text.split(/[;；\n]/)) {
    const item = raw.trim()
    if (!item) continue
    const match = /^([a-z]{2})\s*(?:[:：]\s*(.{1,40}))?$/i.exec(item)
    if (!match || languages.some((l) => l.language === match[1]!.toLowerCase())) bad.push(item)
    else languages.push({ language: match[1]!.toLowerCase(), level: match[2]?.trim() || null })
  }
  return { languages, bad }
}

export const profileSchema = z
  .object({
    universityId: optionalText(40),
    major: optionalText(100),
    graduationYear: z.number().int().min(1990).max(2100).optional(),
    preferredCities: z
      .string()
      .max(500)
      .optional()
      .transform((v) => [...new Set((v ?? '').split(/[,，、;；\n]/).map((c) => c.trim()).filter(Boolean))]),
    workModes: z.array(z.enum(workModeValues)).optional().default([]),
    availableFrom: z.date().optional(),
    daysPerWeek: z.number().int().min(1).max(7).optional(),
    languages: z.string().max(1000).optional().default(''),
    skills: z.string().max(2000).optional().default(''),
  })
  .superRefine((v, ctx) => {
    for (const item of parseLanguageList(v.languages).bad) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['languages'], ...i18n('profile.badLanguage', { item }) })
    for (const p of parseSkillList(v.skills).problems) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['skills'], ...i18n(p.key, p.params) })
  })

export const visibilitySchema = z.object({ visibility: z.enum(visibilities) })

export const claimedCourseSchema = z.object({
  courseId: z.string().trim().min(1).max(40),
  grade: z.number().int().min(0).max(100).optional(),
})

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1).max(254),
})
