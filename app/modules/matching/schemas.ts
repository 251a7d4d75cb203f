// Query input for matching pages and the API.
import { z } from 'zod'
import { gapRoleKindValues } from './gap-kinds.ts'

export const limitQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) })
export const limitFromParams = (params: URLSearchParams) => ({ limit: params.get('limit') ?? undefined })

export const gapFilterSchema = z.object({
  city: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  kind: z
    .enum(gapRoleKindValues)
    .or(z.literal(''))
    .optional()
    .transform((v) => v || undefined),
})
export const gapFilterFromParams = (params: URLSearchParams) => ({ city: params.get('city') ?? undefined, kind: params.get('kind') ?? undefined })

export const inviteSchema = z.object({ studentId: z.string().trim().min(1).max(40) })
