// A student's own profile input, shared by the form and the action.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'
import { optionalHttpUrlSchema } from '#app/lib/http-url.ts'
import { i18n } from '#app/i18n/validation.ts'
import { skillRow, skillRowsField } from '#app/modules/skills/schemas.ts'
import { levelFits, studentLanguages } from './languages.ts'

export const visibilities = ['private', 'applied', 'discoverable'] as const
export const workModeValues = ['onsite', 'hybrid', 'remote'] as const

/** The language picker's rows; a row without a language is an empty row. */
const languageRows = z
  .preprocess(
    (rows) => (Array.isArray(rows) ? rows.filter((r) => r && typeof r === 'object' && (r as { language?: unknown }).language) : rows),
    z
      .array(z.object({ language: z.enum(studentLanguages), level: optionalText(40) }))
      .max(20)
      .superRefine((rows, ctx) => {
        rows.forEach((row, index) => {
          if (row.level && !levelFits(row.language, row.level)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [index, 'level'],
              ...i18n('languagePicker.levelDoesNotFit', { level: row.level, language: row.language }),
            })
          }
        })
        if (new Set(rows.map((r) => r.language)).size !== rows.length) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], ...i18n('languagePicker.twice') })
      }),
  )
  .default([])

const cityList = z
  .string()
  .max(500)
  .optional()
  .transform((v) => [
    ...new Set(
      (v ?? '')
        .split(/[,，、;；\n]/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ])

/** Onboarding step 1 (and the top of the profile form): where and what the student studies. */
export const studiesSchema = z.object({
  universityId: optionalText(40),
  major: optionalText(100),
  graduationYear: z.number().int().min(1990).max(2100).optional(),
})

/** Skills from the skill picker. */
export const skillsSchema = z.object({ skills: skillRowsField(skillRow) })

/** Onboarding step 4: what kind of internship, where, when, and in which languages. */
export const preferencesSchema = z.object({
  preferredCities: cityList,
  workModes: z.array(z.enum(workModeValues)).optional().default([]),
  availableFrom: z.date().optional(),
  daysPerWeek: z.number().int().min(1).max(7).optional(),
  languages: languageRows,
})

export const profileSchema = studiesSchema.merge(skillsSchema).merge(preferencesSchema)

export const visibilitySchema = z.object({ visibility: z.enum(visibilities) })

export const claimedCourseSchema = z.object({
  courseId: z.string().trim().min(1).max(40),
  grade: z.number().int().min(0).max(100).optional(),
})

export const deleteAccountSchema = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1).max(254),
})

export const evidenceKinds = ['course', 'project', 'work', 'contest'] as const

/** Evidence the student adds themselves; which fields matter depends on the kind. */
export const evidenceSchema = z
  .object({
    kind: z.enum(evidenceKinds),
    /** The course's or project's title, the employer, or the contest's name. */
    title: z.string().trim().min(1).max(200),
    url: optionalHttpUrlSchema,
    description: optionalText(2000),
    result: optionalText(100),
    startsOn: z.date().optional(),
    endsOn: z.date().optional(),
    skills: skillRowsField(skillRow),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['endsOn'], ...i18n('evidence.endsBeforeStart') })
  })

export const removeEvidenceSchema = z.object({ evidenceId: z.string().trim().min(1).max(40) })

/** Onboarding step 2: catalogue courses the student took (checkboxes). */
export const claimCoursesSchema = z.object({ courseIds: z.array(z.string().trim().min(1).max(40)).max(50).default([]) })

export const onboardingSteps = ['studies', 'courses', 'skills', 'preferences'] as const
export type OnboardingStep = (typeof onboardingSteps)[number]

/** A skill found in the student's résumé, accepted at the level the student picks (1–5 in words). */
export const acceptSuggestionSchema = z.object({
  suggestionId: z.string().trim().min(1).max(40),
  level: z.number().int().min(1).max(5),
})

export const dismissSuggestionSchema = z.object({ suggestionId: z.string().trim().min(1).max(40) })

/** Reads a résumé again: one uploaded before résumés were read, or one whose reading failed. */
export const readResumeSchema = z.object({ resumeId: z.string().trim().min(1).max(40) })
