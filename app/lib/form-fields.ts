// Zod field builders that the browser-safe `modules/<area>/schemas.ts` forms share.
import { z } from 'zod'

/** A trimmed text input of at most `max` characters; left empty, it is `undefined`. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)

/** An HTML checkbox: present (`on`, or `true` from JSON-ish callers) means checked. */
export const checkbox = z
  .union([z.literal('on'), z.literal('true')])
  .optional()
  .transform((v) => v !== undefined)
