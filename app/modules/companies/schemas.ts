// The company profile form. Browser-safe; the logo's content is checked on the server.
import { z } from 'zod'
import { checkbox, optionalText } from '#app/lib/form-fields.ts'
import { optionalHttpUrlSchema } from '#app/lib/http-url.ts'

export const companyProfileSchema = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: optionalText(200),
  city: z.string().trim().min(1).max(60),
  descriptionZh: optionalText(20_000),
  descriptionEn: optionalText(20_000),
  website: optionalHttpUrlSchema,
  parkIncubated: checkbox,
  removeLogo: checkbox,
})

export type CompanyProfileInput = z.output<typeof companyProfileSchema>
