// University staff input: one course (form, skills from the skill picker), and the
// `key:level;key:level` skill list of the catalogue CSV upload.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'
import { i18n } from '#app/i18n/validation.ts'
import { privacyConsentSchema } from '#app/modules/auth/schemas.ts'
import { skillRow, skillRowsField } from '#app/modules/skills/schemas.ts'

export type SkillListProblem = { key: 'universities.badSkillItem' | 'universities.badLevel' | 'universities.duplicateSkill'; params: Record<string, string> }

/** Parses `solidity:3;fisco-bcos:2`. Unknown keys are the caller's to check (they need the database). */
export function parseSkillList(text: string): { skills: Array<{ key: string; level: number }>; problems: SkillListProblem[] } {
  const skills: Array<{ key: string; level: number }> = []
  const problems: SkillListProblem[] = []
  for (const raw of text.split(/[;；]/)) {
    const item = raw.trim()
    if (!item) continue
    const match = /^([a-z0-9._-]{1,100})\s*[:：]\s*(\S+)$/i.exec(item)
    if (!match) {
      problems.push({ key: 'universities.badSkillItem', params: { item } })
      continue
    }
    const key = match[1]!.toLowerCase()
    const level = Number(match[2])
    if (!Number.isInteger(level) || level < 1 || level > 5) problems.push({ key: 'universities.badLevel', params: { item, skill: key } })
    else if (skills.some((s) => s.key === key)) problems.push({ key: 'universities.duplicateSkill', params: { item, skill: key } })
    else skills.push({ key, level })
  }
  return { skills, problems }
}

export const courseFormSchema = z
  .object({
    code: z.string().trim().min(1).max(40),
    titleZh: optionalText(200),
    titleEn: optionalText(200),
    descriptionZh: optionalText(5000),
    descriptionEn: optionalText(5000),
    semester: optionalText(40),
    skills: skillRowsField(skillRow),
  })
  .superRefine((v, ctx) => {
    if (!v.titleZh && !v.titleEn) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['titleZh'], ...i18n('universities.titleRequired') })
  })

export type CourseFormValue = z.output<typeof courseFormSchema>

export const CATALOGUE_COLUMNS = ['code', 'title_zh', 'title_en', 'description_zh', 'description_en', 'semester', 'skills'] as const
export const ROSTER_COLUMNS = ['email', 'course_code', 'grade'] as const

/** Claiming an account created from a roster: a name, a password, and consent. */
export const claimSchema = z.object({
  name: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(200),
  consent: privacyConsentSchema,
})
