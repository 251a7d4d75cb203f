// Inputs of the credentials area, shared by the VC-API, the pages and the OpenAPI document.
import { z } from 'zod'

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

/** The largest body the VC-API reads (a presentation of a few dozen credentials). */
export const VC_API_MAX_BYTES = 512 * 1024

export const revokeSchema = z.object({
  credentialId: z.string().min(1).max(100),
  reason: z.string().trim().min(2).max(500),
})

/** What /verify takes without JavaScript: pasted JSON, or a share token (from a share link). */
export const verifyFormSchema = z.object({
  json: z.string().max(VC_API_MAX_BYTES).optional(),
})
