// The bulk import format, version 1 (docs/import-format.md), as zod schemas.
// Browser-safe: the same schema can check an upload before it is sent. Rules that need
// the database (references, e-mails already taken) live in validate.server.ts.
import { z } from 'zod'
import { i18n } from '#app/i18n/validation.ts'
import { httpUrlSchema } from '#app/lib/http-url.ts'
import type { MessageKey } from '#app/i18n/translate.ts'
import { emailSchema } from '#app/modules/auth/schemas.ts'
import { creditCodeSchema } from '#app/modules/verification/schemas.ts'
import { parseIsoDateTime } from '#app/lib/time.ts'

export const KEY_PATTERN = /^[a-z0-9._-]{1,100}$/

export const keySchema = z.string().refine((v) => KEY_PATTERN.test(v), i18n('validation.key'))

/** Trimmed text where an empty string counts as missing. */
const optionalString = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)

const requiredString = (max: number) => z.string().trim().min(1).max(max)

const textSchema = (max: number) =>
  z
    .object({ zh: optionalString(max), en: optionalString(max) })
    .strict()
    .superRefine((v, ctx) => {
      if (!v.zh && !v.en) ctx.addIssue({ code: z.ZodIssueCode.custom, ...i18n('validation.text') })
    })

const nameText = textSchema(200)
const longText = textSchema(20_000)

const dateSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const date = parseIsoDateTime(value)
    if (!date) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, ...i18n('import.date') })
      return z.NEVER
    }
    return date
  })

const int = (min: number, max: number) => z.number().int().min(min).max(max)

const levelSchema = z.number().refine((v) => Number.isInteger(v) && v >= 1 && v <= 5, i18n('validation.level'))

const citySchema = requiredString(60)

const languageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => /^[a-z]{2}$/.test(v), i18n('import.language'))

const workModes = ['onsite', 'hybrid', 'remote'] as const

/** An array whose items must differ in `keyOf`; the repeat is reported at `field`. */
function uniqueArray<T extends z.ZodTypeAny>(item: T, keyOf: (value: z.output<T>) => string, field?: string) {
  return z.array(item).superRefine((list, ctx) => {
    const seen = new Set<string>()
    list.forEach((value, index) => {
      const key = keyOf(value)
      if (seen.has(key)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: field ? [index, field] : [index],
          ...i18n('import.listedTwice', { value: key }),
        })
      }
      seen.add(key)
    })
  })
}

/** `{ min, max }` with min ≤ max; a reversed range is reported at `max`. */
const rangeSchema = (min: number, max: number) =>
  z
    .object({ min: int(min, max), max: int(min, max) })
    .strict()
    .superRefine((v, ctx) => {
      if (v.min > v.max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['max'], ...i18n('import.notBelowMin', { min: v.min }) })
      }
    })

const skillLevelSchema = z.object({ skill: keySchema, level: levelSchema }).strict()

export const skillSchema = z
  .object({
    key: keySchema,
    name: nameText,
    aliases: z.array(requiredString(100)),
    parent: keySchema.optional(),
    category: optionalString(40),
  })
  .strict()

export const universitySchema = z.object({ key: keySchema, name: nameText, city: citySchema }).strict()

export const courseSchema = z
  .object({
    key: keySchema,
    university: keySchema,
    code: optionalString(40),
    title: nameText,
    description: longText.optional(),
    skills: uniqueArray(skillLevelSchema, (v) => v.skill, 'skill'),
  })
  .strict()

export const companySchema = z
  .object({
    key: keySchema,
    name: nameText,
    city: citySchema,
    description: longText.optional(),
    website: httpUrlSchema.optional(),
    parkIncubated: z.boolean(),
    creditCode: creditCodeSchema.optional(),
    /** Default true: an operator's import vouches for the firm; false leaves it to the admin queue. */
    verified: z.boolean().optional(),
  })
  .strict()

export const roleKinds = ['smart-contract-dev', 'app-dev', 'product', 'testing', 'other'] as const

export const roleSchema = z
  .object({
    key: keySchema,
    company: keySchema,
    title: nameText,
    description: longText,
    kind: z.enum(roleKinds),
    city: citySchema,
    workMode: z.enum(workModes),
    stipendMonthly: rangeSchema(0, 1_000_000),
    daysPerWeek: int(1, 7),
    durationMonths: int(1, 24),
    skills: uniqueArray(z.object({ skill: keySchema, level: levelSchema, required: z.boolean() }).strict(), (v) => v.skill, 'skill'),
    languages: uniqueArray(languageSchema, (v) => v).optional(),
    openings: int(1, 10_000),
    deadline: dateSchema,
    status: z.enum(['draft', 'published', 'closed']),
  })
  .strict()
  .superRefine((role, ctx) => {
    if (!role.skills.some((s) => s.required)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['skills'], ...i18n('import.requiredSkill') })
    }
  })

export const studentSchema = z
  .object({
    key: keySchema,
    email: emailSchema,
    name: requiredString(100),
    university: keySchema,
    major: optionalString(100),
    graduationYear: int(1950, 2100),
    courses: uniqueArray(z.object({ course: keySchema, grade: int(0, 100) }).strict(), (v) => v.course, 'course'),
    skills: uniqueArray(skillLevelSchema, (v) => v.skill, 'skill'),
    preferredCities: z.array(citySchema),
    workModes: uniqueArray(z.enum(workModes), (v) => v).optional(),
    languages: uniqueArray(languageSchema, (v) => v),
    availableFrom: dateSchema.optional(),
    discoverable: z.boolean(),
  })
  .strict()

export const eventKinds = ['contest', 'lecture', 'roadshow', 'salon', 'seminar', 'fair'] as const

export const eventSchema = z
  .object({
    key: keySchema,
    kind: z.enum(eventKinds),
    title: nameText,
    description: longText.optional(),
    venue: optionalString(200),
    startsAt: dateSchema,
    endsAt: dateSchema,
    registrationOpensAt: dateSchema,
    registrationClosesAt: dateSchema,
    capacity: int(1, 1_000_000).optional(),
    waitlist: z.boolean(),
    teamSize: rangeSchema(1, 100).optional(),
    tracks: uniqueArray(z.object({ key: keySchema, name: nameText }).strict(), (v) => v.key, 'key').optional(),
    status: z.enum(['draft', 'published', 'cancelled']),
  })
  .strict()
  .superRefine((event, ctx) => {
    const issue = (field: string, key: MessageKey) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], ...i18n(key) })
    // Refinements also run when another field already failed; compare only real dates.
    const before = (a: unknown, b: unknown) => a instanceof Date && b instanceof Date && a <= b
    if (before(event.endsAt, event.startsAt)) issue('endsAt', 'import.endsAfterStarts')
    if (before(event.registrationClosesAt, event.registrationOpensAt)) issue('registrationClosesAt', 'import.closesAfterOpens')
    if (event.kind !== 'contest') {
      if (event.teamSize) issue('teamSize', 'import.contestOnly')
      if (event.tracks?.length) issue('tracks', 'import.contestOnly')
    }
  })

/** The sections in the order they are applied; a record may refer to earlier sections. */
export const sectionSchemas = {
  skills: skillSchema,
  universities: universitySchema,
  courses: courseSchema,
  companies: companySchema,
  roles: roleSchema,
  students: studentSchema,
  events: eventSchema,
} as const

export type SectionName = keyof typeof sectionSchemas
export const sectionNames = Object.keys(sectionSchemas) as SectionName[]

const versionSchema = z.number().refine((v) => v === 1, i18n('import.version'))

/** The document's outline, each record left unchecked, so records are checked one by one. */
export const documentShellSchema = z
  .object({
    version: versionSchema,
    ...Object.fromEntries(sectionNames.map((name) => [name, z.array(z.unknown()).optional()])),
  })
  .strict()

export const importSchema = z
  .object({
    version: versionSchema,
    skills: z.array(skillSchema).optional(),
    universities: z.array(universitySchema).optional(),
    courses: z.array(courseSchema).optional(),
    companies: z.array(companySchema).optional(),
    roles: z.array(roleSchema).optional(),
    students: z.array(studentSchema).optional(),
    events: z.array(eventSchema).optional(),
  })
  .strict()

export type ImportDocument = z.output<typeof importSchema>
export type ImportSkill = z.output<typeof skillSchema>
export type ImportUniversity = z.output<typeof universitySchema>
export type ImportCourse = z.output<typeof courseSchema>
export type ImportCompany = z.output<typeof companySchema>
export type ImportRole = z.output<typeof roleSchema>
export type ImportStudent = z.output<typeof studentSchema>
export type ImportEvent = z.output<typeof eventSchema>
