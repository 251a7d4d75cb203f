// The licence-verification application and the admin's decision. Browser-safe; the licence
// file itself is checked by content on the server.
import { z } from 'zod'
import { i18n } from '#app/i18n/validation.ts'
import { creditCodeProblem, normaliseCreditCode } from './credit-code.ts'

/** A unified social credit code, normalised, with a field error naming what is wrong. */
export const creditCodeSchema = z
  .string()
  .transform(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code)
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, ...i18n(`trust.creditCode.${problem}`) })
  })

export const verificationApplicationSchema = z.object({
  legalName: z.string().trim().min(2).max(200),
  creditCode: creditCodeSchema,
  contactName: z.string().trim().min(1).max(100),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .refine((v) => /^\+?[\d\s-]{5,30}$/.test(v), i18n('trust.verification.phone')),
})

export type VerificationApplicationInput = z.output<typeof verificationApplicationSchema>

export const verificationDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), applicationId: z.string().trim().min(1).max(100) }),
  z.object({ intent: z.literal('reject'), applicationId: z.string().trim().min(1).max(100), note: z.string().trim().min(1).max(1000) }),
])
