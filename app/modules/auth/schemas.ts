// Input schemas for accounts, shared by the forms, the actions and the CLI.
import { z } from 'zod'
import { apiScopes } from './api-scopes.ts'
import { i18n } from '#app/i18n/validation.ts'

export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).email()
export const passwordSchema = z.string().min(8).max(200)
const nameSchema = z.string().trim().min(1).max(100)

/** Where to go afterwards; the server keeps only places on this site (`safeRedirectTarget`). */
export const redirectToSchema = z.string().max(2000).optional()

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
  redirectTo: redirectToSchema,
})

/** Accepting the privacy notice: a ticked checkbox (a form sends "on"; the CLI and tests may pass true). */
export const privacyConsentSchema = z
  .union([z.literal('on'), z.literal(true)], { errorMap: () => ({ message: '' }) })
  .optional()
  .refine((v) => v !== undefined, i18n('privacy.required'))

export const studentSignUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  universityId: z.string().trim().max(40).optional(),
  consent: privacyConsentSchema,
})

export const companySignUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  companyNameZh: z.string().trim().min(1).max(120),
  companyNameEn: z.string().trim().max(120).optional(),
  city: z.string().trim().min(1).max(60),
  consent: privacyConsentSchema,
})

export const invitedSignUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  consent: privacyConsentSchema,
})

export const acceptPrivacySchema = z.object({ consent: privacyConsentSchema, redirectTo: redirectToSchema })

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1).max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    ...i18n('auth.passwordsDiffer'),
  })

export const accountRoles = ['student', 'company_member', 'university_staff', 'organizer', 'admin'] as const
export const invitationKinds = ['company_member', 'university_staff', 'organizer', 'event_coorganizer', 'event_judge'] as const

export const createInvitationSchema = z.object({
  kind: z.enum(invitationKinds),
  email: emailSchema.optional(),
  companyId: z.string().optional(),
  universityId: z.string().optional(),
  eventId: z.string().optional(),
})

/** A new API token: its name and scopes (none ticked = every scope the user's roles allow). */
export const apiTokenNameSchema = z.object({ name: z.string().trim().min(1).max(60), scopes: z.array(z.enum(apiScopes)).max(apiScopes.length).optional() })

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z.string().min(1).max(200),
})

export const forgotPasswordSchema = z.object({ email: emailSchema })

export const resetPasswordSchema = z
  .object({
    newPassword: passwordSchema,
    confirmPassword: z.string().min(1).max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    ...i18n('auth.passwordsDiffer'),
  })

export const revokeSessionSchema = z.object({ sessionId: z.string().trim().min(1).max(100) })
