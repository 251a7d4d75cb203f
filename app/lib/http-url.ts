// The one rule for a link a user types: an absolute http(s) URL. Browser-safe, so the form
// checks it before submitting and the action, the API and the importer check it again.
import { z } from 'zod'
import { i18n } from '#app/i18n/validation.ts'

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** A trimmed URL of at most 500 characters whose protocol is exactly `http:` or `https:`. */
export const httpUrlSchema = z.string().trim().max(500).refine(isHttpUrl, i18n('validation.url'))

/** The same for an optional form field: left empty, it is `undefined`. */
export const optionalHttpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isHttpUrl(v), i18n('validation.url'))
