// Input schemas for events and contests, shared by the forms, the actions and the API.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'
import { optionalHttpUrlSchema } from '#app/lib/http-url.ts'
import { i18n } from '#app/i18n/validation.ts'
import { parseIsoDateTime } from '#app/lib/time.ts'
import { skillRow, skillRowsField } from '#app/modules/skills/schemas.ts'

export const eventKinds = ['contest', 'lecture', 'roadshow', 'salon', 'seminar', 'fair'] as const
export type EventKindValue = (typeof eventKinds)[number]
export const eligibilities = ['students', 'signed_in'] as const
export const registrationStatuses = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'declined'] as const
export type RegistrationStatusValue = (typeof registrationStatuses)[number]

const dateTime = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx) => {
    // With an offset, that instant; without one (a `datetime-local` value), Shanghai time.
    const date = parseIsoDateTime(value)
    if (!date) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, ...i18n('validation.date') })
      return z.NEVER
    }
    return date
  })

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

const optionalInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional()

export type EventQuestion = { id: string; label: { zh?: string; en?: string }; required: boolean }
export type EventTrackInput = { key: string; nameZh?: string; nameEn?: string }

/**
 * Registration questions typed one per line: `* 中文问题 | English question`; a leading
 * `*` makes the answer required. Ids follow the order, so answers stay matched to lines.
 */
export function parseQuestionLines(text: string | undefined): EventQuestion[] {
  if (!text) return []
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const required = line.startsWith('*')
      const [zh = '', en = ''] = line
        .replace(/^\*\s*/, '')
        .split('|')
        .map((part) => part.trim())
      return { id: `q${index + 1}`, label: { ...(zh ? { zh } : {}), ...(en ? { en } : {}) }, required }
    })
}

export function questionLines(questions: EventQuestion[]): string {
  return questions.map((q) => `${q.required ? '* ' : ''}${q.label.zh ?? ''}${q.label.en ? ` | ${q.label.en}` : ''}`).join('\n')
}

/** Contest tracks typed one per line: `key | 中文名 | English name`. */
export function parseTrackLines(text: string | undefined): EventTrackInput[] | null {
  if (!text) return []
  const tracks: EventTrackInput[] = []
  for (const line of text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [key = '', zh = '', en = ''] = line.split('|').map((part) => part.trim())
    if (!/^[a-z0-9._-]{1,100}$/.test(key) || (!zh && !en)) return null
    tracks.push({ key, ...(zh ? { nameZh: zh } : {}), ...(en ? { nameEn: en } : {}) })
  }
  return tracks
}

export const eventFormSchema = z
  .object({
    key: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^[a-z0-9._-]{1,100}$/.test(v), i18n('validation.key')),
    kind: z.enum(eventKinds),
    titleZh: optionalText(200),
    titleEn: optionalText(200),
    descriptionZh: optionalText(20_000),
    descriptionEn: optionalText(20_000),
    venue: optionalText(300),
    onlineUrl: optionalHttpUrlSchema,
    startsAt: dateTime,
    endsAt: dateTime,
    registrationOpensAt: dateTime,
    registrationClosesAt: dateTime,
    capacity: optionalInt(1, 1_000_000),
    waitlist: checkbox,
    approvalRequired: checkbox,
    eligibility: z.enum(eligibilities).default('students'),
    questions: optionalText(5000),
    rulesZh: optionalText(20_000),
    rulesEn: optionalText(20_000),
    teamSizeMin: optionalInt(1, 20),
    teamSizeMax: optionalInt(1, 20),
    submissionDeadline: dateTime.optional().or(z.literal('').transform(() => undefined)),
    tracks: optionalText(5000),
    /** What the event teaches (skill picker rows): matching suggests it to students missing these skills. */
    skills: skillRowsField(skillRow),
  })
  .superRefine((v, ctx) => {
    if (!v.titleZh && !v.titleEn) ctx.addIssue({ code: 'custom', path: ['titleZh'], ...i18n('validation.text') })
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], ...i18n('events.endsBeforeStart') })
    if (v.registrationClosesAt <= v.registrationOpensAt) {
      ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], ...i18n('events.closesBeforeOpens') })
    }
    if (v.teamSizeMin && v.teamSizeMax && v.teamSizeMin > v.teamSizeMax) {
      ctx.addIssue({ code: 'custom', path: ['teamSizeMax'], ...i18n('events.teamSizeOrder') })
    }
    if (v.kind === 'contest' && (!v.teamSizeMin || !v.teamSizeMax)) {
      ctx.addIssue({ code: 'custom', path: [v.teamSizeMin ? 'teamSizeMax' : 'teamSizeMin'], ...i18n('events.teamSizeRequired') })
    }
    if (parseTrackLines(v.tracks) === null) ctx.addIssue({ code: 'custom', path: ['tracks'], ...i18n('events.trackLines') })
  })
export type EventFormInput = z.output<typeof eventFormSchema>

/** A registration from the form: answers per question id, rules, team (contests). */
export const registerFormSchema = z.object({
  answers: z.record(z.string().trim().max(2000)).optional(),
  acceptRules: checkbox,
  teamId: z.string().trim().max(40).optional(),
})

/** The API body of `POST /api/v1/events/{id}/registrations` (api-v1.md). */
export const registerApiSchema = z.object({
  answers: z.record(z.string().trim().max(2000)).optional(),
  teamId: z.string().trim().max(40).optional(),
  acceptRules: z.boolean().optional(),
})
export type RegisterInput = { answers?: Record<string, string>; teamId?: string; acceptRules?: boolean }

export const eventListQuerySchema = z.object({
  kind: z.enum(eventKinds).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
})

export const bulkDecisionSchema = z.object({
  decision: z.enum(['approve', 'decline']),
  registrationIds: z.array(z.string().trim().min(1).max(40)).min(1).max(1000),
})

export const messageRegistrantsSchema = z.object({
  status: z.enum(registrationStatuses),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
})

export const checkInSchema = z.object({
  ticket: z.string().trim().min(1).max(2000),
})

export const inviteStaffSchema = z.object({
  kind: z.enum(['event_judge', 'event_coorganizer']),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email()
    .max(254)
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export const teamCreateSchema = z.object({
  name: z.string().trim().min(1).max(80),
  trackId: z.string().trim().max(40).optional(),
})

export const teamJoinSchema = z.object({
  code: z.string().trim().min(1).max(40),
})

export const submissionSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(20_000),
  trackId: z.string().trim().max(40).optional(),
  repoUrl: optionalHttpUrlSchema,
  videoUrl: optionalHttpUrlSchema,
})

/** The rubric form offers spare rows: a wholly blank row is no criterion (and keeps its index, so errors name the right row). */
const blankRowsAsMissing = (rows: unknown) =>
  Array.isArray(rows)
    ? rows.map((row) => (row && typeof row === 'object' && Object.values(row).some((v) => v !== undefined && v !== '') ? row : undefined))
    : rows

export const rubricSchema = z
  .object({
    criteria: z.preprocess(
      blankRowsAsMissing,
      z
        .array(
          z
            .object({
              key: z
                .string()
                .trim()
                .refine((v) => /^[a-z0-9._-]{1,50}$/.test(v), i18n('validation.key')),
              nameZh: optionalText(100),
              nameEn: optionalText(100),
              weight: z.number().int().min(1).max(100),
            })
            .refine((c) => c.nameZh || c.nameEn, { path: ['nameZh'], ...i18n('validation.text') })
            .optional(),
        )
        .max(20)
        .transform((rows) => rows.filter((row) => row !== undefined))
        .refine((rows) => rows.length > 0, i18n('validation.required')),
    ),
  })
  .superRefine((v, ctx) => {
    const total = v.criteria.reduce((sum, c) => sum + c.weight, 0)
    if (v.criteria.length > 0 && total !== 100) ctx.addIssue({ code: 'custom', path: ['criteria'], ...i18n('events.weightsSum', { total }) })
    const keys = new Set(v.criteria.map((c) => c.key))
    if (keys.size !== v.criteria.length) ctx.addIssue({ code: 'custom', path: ['criteria'], ...i18n('events.duplicateKeys') })
  })

export const scoreSchema = z.object({
  teamId: z.string().trim().min(1).max(40),
  scores: z.record(z.coerce.number().int().min(1).max(10)),
})

export const awardSchema = z
  .object({
    teamId: z.string().trim().min(1).max(40),
    titleZh: optionalText(100),
    titleEn: optionalText(100),
    rank: z.coerce.number().int().min(1).max(100),
  })
  .refine((v) => v.titleZh || v.titleEn, { path: ['titleZh'], ...i18n('validation.text') })
