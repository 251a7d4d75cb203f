// Inputs of the application area, shared by the forms, the actions and the JSON API.
import { z } from 'zod'
import { i18n } from '#app/i18n/validation.ts'
import { optionalText } from '#app/lib/form-fields.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { applicationStatuses } from './transitions.ts'

export const NOTE_MAX = 2000

/** The student's own credentials to send along (checkboxes); the service checks whose they are. */
const credentialIds = z.array(z.string().trim().min(1).max(40)).max(listCaps.credentialsPerApplication)

export const applySchema = z.object({
  note: optionalText(NOTE_MAX),
  resumeId: z.string().trim().max(40).optional(),
  /** `answers.<questionId>`; checked against the role's questions by the service. */
  answers: z.record(z.string().max(2000)).optional(),
  credentialIds: credentialIds.optional(),
})

/** The API body: `{ note?, answers?, credentialIds? }`, nothing else. */
export const apiApplySchema = z
  .object({ note: z.string().max(NOTE_MAX).optional(), answers: z.record(z.string().max(2000)).optional(), credentialIds: credentialIds.optional() })
  .strict()

/** Attaching credentials to an application already sent, and taking one off again. */
export const attachCredentialsSchema = z.object({ credentialIds: credentialIds.default([]).refine((ids) => ids.length > 0, i18n('attach.nothingChosen')) })
export const detachCredentialSchema = z.object({ credentialId: z.string().trim().min(1).max(40) })

export const statusSchema = z.object({ status: z.enum(applicationStatuses) })
export const apiStatusSchema = statusSchema.strict()

export const withdrawSchema = z.object({ reason: optionalText(500) })

export const bulkStatusSchema = z.object({
  ids: z.array(z.string().trim().min(1).max(40)).min(1).max(200),
  status: z.enum(applicationStatuses),
})

export const privateNoteSchema = z.object({ body: z.string().trim().min(1).max(NOTE_MAX) })
export const messageSchema = z.object({ body: z.string().trim().min(1).max(5000) })

export const applicantsQuerySchema = z.object({
  status: z.enum(applicationStatuses).optional().catch(undefined),
  sort: z.enum(['date', 'score']).optional().catch(undefined),
})

/** `GET /api/v1/applications?role=ID|key:KEY`: one role's applications instead of all. */
export const applicationListQuerySchema = z.object({ role: z.string().trim().min(1).max(200).optional() })
