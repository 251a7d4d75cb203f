// Inputs of the credentials area, shared by the VC-API, the pages and the OpenAPI document.
import { z } from 'zod'
import { i18n } from '#app/i18n/validation.ts'
import { optionalText } from '#app/lib/form-fields.ts'
import { VERIFY_MAX_BYTES } from '#app/lib/upload-limits.ts'
import { skillRow, skillRowsField } from '#app/modules/skills/schemas.ts'

const jsonObject = z.record(z.unknown())

export const issueRequestSchema = z.object({
  credential: jsonObject,
  options: jsonObject.optional(),
})

export const verifyCredentialRequestSchema = z.object({
  verifiableCredential: jsonObject,
  options: jsonObject.optional(),
})

export const verifyPresentationRequestSchema = z.object({
  verifiablePresentation: jsonObject,
  options: z
    .object({
      challenge: z.string().min(1).max(1000).optional(),
      domain: z.string().min(1).max(1000).optional(),
    })
    .passthrough()
    .optional(),
})

export const credentialKinds = ['course', 'award', 'participation', 'internship'] as const

export const revokeSchema = z.object({
  credentialId: z.string().min(1).max(100),
  reason: z.string().trim().min(2).max(500),
})

/** What /verify takes without JavaScript: pasted JSON, or a share token (from a share link). */
export const verifyFormSchema = z.object({
  json: z.string().max(VERIFY_MAX_BYTES).optional(),
})

const isoDate = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), i18n('credentials.dateFormat'))

/** The company confirms an accepted applicant's internship: dates, and the skills shown at a level (the skill picker's rows). */
export const internshipCompletionSchema = z
  .object({
    startedOn: isoDate,
    endedOn: isoDate,
    skills: skillRowsField(skillRow)
      .refine((rows) => rows.length > 0, i18n('credentials.internship.skillsRequired'))
      .refine((rows) => rows.length <= 30, i18n('credentials.internship.tooManySkills')),
  })
  .refine((value) => value.endedOn >= value.startedOn, { path: ['endedOn'], ...i18n('credentials.endBeforeStart') })

/** "My credentials" actions. */
export const shareSchema = z.object({ credentialId: z.string().min(1).max(100) })
export const revokeShareSchema = z.object({ shareId: z.string().min(1).max(100) })

/** An Ed25519 did:key (what the verifier resolves offline); the service also resolves it. */
export const DID_KEY_PATTERN = /^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{40,60}$/

export const trustedIssuerKinds = ['government', 'university', 'company', 'other'] as const

/** The admin's trusted external issuer list: add one. */
export const trustIssuerSchema = z.object({
  did: z
    .string()
    .trim()
    .max(100)
    .refine((value) => DID_KEY_PATTERN.test(value), i18n('trustedIssuers.didFormat')),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  kind: z.enum(trustedIssuerKinds),
  note: optionalText(500),
})

export const distrustIssuerSchema = z.object({ issuerId: z.string().min(1).max(100) })

/** A student's imported credential: remove it. */
export const removeExternalCredentialSchema = z.object({ externalCredentialId: z.string().min(1).max(100) })
