// The company profile form. Browser-safe; the logo's content is checked on the server.
import { z } from 'zod'
import { i18n } from '#app/i18n/validation.ts'

export const LOGO_MAX_BYTES = 1024 * 1024

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)

export const companyProfileSchema = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: optionalText(200),
  city: z.string().trim().min(1).max(60),
  descriptionZh: optionalText(20_000),
  descriptionEn: optionalText(20_000),
  website: optionalText(500).refine((v) => {
    if (!v) return true
    try {
      const url = new URL(v)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, i18n('validation.url')),
  parkIncubated: z
    .union([z.literal('on'), z.literal('true')])
    .optional()
    .transform((v) => v !== undefined),
  removeLogo: z
    .union([z.literal('on'), z.literal('true')])
    .optional()
    .transform((v) => v !== undefined),
})

export type CompanyProfileInput = z.output<typeof companyProfileSchema>
