// Catalogue keys for reports' reasons, targets and outcomes (the report page, my reports,
// the moderation queue).
export const reportReasonKeys = {
  money: 'trust.report.reason.money',
  fake_company: 'trust.report.reason.fake_company',
  discrimination: 'trust.report.reason.discrimination',
  harassment: 'trust.report.reason.harassment',
  misleading_pay: 'trust.report.reason.misleading_pay',
  spam: 'trust.report.reason.spam',
  other: 'trust.report.reason.other',
} as const

export const reportTargetKeys = {
  role: 'trust.report.target.role',
  company: 'trust.report.target.company',
  message: 'trust.report.target.message',
  event: 'trust.report.target.event',
  submission: 'trust.report.target.submission',
} as const

export const moderationOutcomeKeys = {
  hide: 'trust.moderation.outcome.hide',
  restore: 'trust.moderation.outcome.restore',
  warn: 'trust.moderation.outcome.warn',
  suspend: 'trust.moderation.outcome.suspend',
  unsuspend: 'trust.moderation.outcome.unsuspend',
  dismiss: 'trust.moderation.outcome.dismiss',
} as const

export const moderationActionKeys = {
  hide: 'trust.moderation.action.hide',
  restore: 'trust.moderation.action.restore',
  warn: 'trust.moderation.action.warn',
  suspend: 'trust.moderation.action.suspend',
  unsuspend: 'trust.moderation.action.unsuspend',
  dismiss: 'trust.moderation.action.dismiss',
} as const
