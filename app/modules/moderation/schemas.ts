// Inputs of reviews, reports and moderation, shared by forms and actions.
import { z } from 'zod'
import { optionalText } from '#app/lib/form-fields.ts'

const id = z.string().trim().min(1).max(100)
/** Why an admin decided as they did; the other side sees it. */
const note = z.string().trim().min(1).max(1000)

export const roleReviewDecisionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), roleId: id }),
  z.object({ intent: z.literal('reject'), roleId: id, note }),
])

export const reportReasons = ['money', 'fake_company', 'discrimination', 'harassment', 'misleading_pay', 'spam', 'other'] as const
export const reportTargets = ['role', 'company', 'message', 'event', 'submission'] as const
export type ReportTargetType = (typeof reportTargets)[number]

export const reportSchema = z.object({
  targetType: z.enum(reportTargets),
  targetId: id,
  reason: z.enum(reportReasons),
  details: optionalText(2000),
  /** The honeypot: people never see it, bots fill it in. */
  website_url: z.string().max(0).optional(),
})

export const moderationActions = ['hide', 'restore', 'warn', 'suspend', 'unsuspend', 'dismiss'] as const

export const moderationActionSchema = z.object({
  targetType: z.enum(reportTargets),
  targetId: id,
  intent: z.enum(moderationActions),
  note,
})

export type ReportInput = z.output<typeof reportSchema>
