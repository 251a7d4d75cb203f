// The rules every role must follow when it is saved, whichever channel it comes through
// (the form, the API, the importer: all three save through roles.server.ts). Pure, so the
// channels and the tests share exactly one version of them. See docs/decisions/023.
import type { FieldProblem } from '#app/lib/errors.server.ts'
import { type RoleFields, type RoleKind, type RoleStatusValue } from './schemas.ts'
import { shanghaiDay } from '#app/lib/time.ts'

/**
 * Applicants are never charged. These are the words that ask for money from applicants in
 * job ads (training fees, deposits, guarantee money, service, material or agency fees,
 * sign-up fees).
 */
const FEE_PATTERNS = [/培训费/, /押金/, /保证金/, /服务费/, /中介费/, /报名费/, /资料费/, /材料费/, /\bfees?\b/i, /\bdeposits?\b/i]

/**
 * Requirements the Employment Promotion Law forbids: a gender, an ethnicity, a marital or
 * childbearing status, a hometown or household registration (户口/户籍).
 */
const DISCRIMINATION_PATTERNS = [
  /(?<!不)(?:限|仅限|只限|仅招|只招|仅要|只要)(?:男|女)(?:性|生|士)?(?![男女]|不限)/,
  /(?:男|女)(?:性|生|士)优先/,
  /性别(?:要求)?\s*[:：]?\s*(?:男|女)(?![男女]|不限)/,
  /(?:已婚已育|已婚未育|未婚未育|已婚|未婚|已育|未育)/,
  /(?:本地|本市|本省|广西)(?:户口|户籍|生源)/,
  /本地人(?:优先)?/,
  /(?:户口|户籍|籍贯)(?:要求)?\s*[:：]\s*(?:本地|本市|本省|广西)/,
  /(?:限|仅限|只招)?汉族/,
  /(?:不招|不要|拒收)(?:少数民族|外地人|外地户口|孕妇|已婚)/,
  /\b(?:males?|men|boys|females?|women|girls)\s+only\b/i,
  /\bonly\s+(?:males?|men|boys|females?|women|girls)\b/i,
  /\b(?:males?|men|females?|women)\s+(?:candidates\s+|applicants\s+)?preferred\b/i,
  /\bmust\s+be\s+(?:a\s+)?(?:male|female|man|woman|married|unmarried|single|local)\b/i,
  /\b(?:married|unmarried|single)\s+(?:candidates|applicants|people)\s+only\b/i,
  /\b(?:no|without)\s+(?:children|kids|plans?\s+for\s+children)\b/i,
  /\blocal\s+(?:hukou|household\s+registration|residents?\s+only)\b/i,
  /\bhukou\s+(?:required|only)\b/i,
  /\bhan\s+(?:chinese|ethnicity)\s+only\b/i,
  /\bethnic\s+(?:minorities|minority)\s+(?:excluded|not\s+accepted)\b/i,
]

/** Ways to move applicants off the platform: WeChat, QQ, phone numbers, e-mail, messengers. */
const CONTACT_PATTERNS = [
  /加\s*(?:微信|vx|VX|V信|v信|QQ|qq|扣扣|好友)(?![A-Za-z])/,
  /(?:微信|vx|VX)(?:号|\s*ID|\s*id)?\s*[:：]\s*[A-Za-z0-9][-_A-Za-z0-9]{4,19}/,
  /微信号\s*[A-Za-z0-9][-_A-Za-z0-9]{4,19}/,
  /(?:QQ|qq|扣扣)\s*(?:号|群)?\s*[:：]?\s*[1-9]\d{4,11}/,
  /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/,
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/,
  /\+86[\s-]?\d{3}[\s-]?\d{4}[\s-]?\d{4}/,
  /\b(?:wechat|weixin|whatsapp|telegram|line)\s*(?:id|number|account)?\s*[:：]\s*\S+/i,
  /\b(?:add|contact|message|find)\s+(?:me|us)\s+on\s+(?:wechat|weixin|qq|whatsapp|telegram)\b/i,
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/,
]

/**
 * What interns in the region (Guangxi, 2026) are paid per month by kind of role, in CNY.
 * A stipend far outside this (see `stipendOutsideRange`) is a lure or a typo, so an admin
 * looks before students do. Unpaid roles (0) are not flagged.
 */
export const regionalStipendRange: Record<RoleKind, { low: number; high: number }> = {
  'smart-contract-dev': { low: 2500, high: 6000 },
  'app-dev': { low: 2000, high: 5500 },
  product: { low: 1500, high: 4500 },
  testing: { low: 1500, high: 4500 },
  other: { low: 1200, high: 4000 },
}

const textFields = [
  ['title', 'zh'],
  ['title', 'en'],
  ['description', 'zh'],
  ['description', 'en'],
] as const

/** The first phrase of `text` that one of the patterns matches. */
function firstMatch(patterns: RegExp[], text: string | undefined): string | null {
  if (!text) return null
  for (const pattern of patterns) {
    const found = pattern.exec(text)
    if (found) return found[0].trim()
  }
  return null
}

export function mentionsApplicantFee(text: string | undefined): boolean {
  return firstMatch(FEE_PATTERNS, text) !== null
}

/** A phrase asking to move the talk off the platform, or a fee, in a message (for the student's warning banner). */
export function messageWarning(text: string): 'fee' | 'contact' | null {
  if (firstMatch(FEE_PATTERNS, text) ?? firstMatch([/转账/, /汇款/, /\bpay\s+(?:us|a|the)\b/i, /\btransfer\b/i], text)) return 'fee'
  if (firstMatch(CONTACT_PATTERNS, text)) return 'contact'
  return null
}

/** Problems with a role about to be saved with `status`; empty when it may be saved. */
export function postingProblems(fields: RoleFields, status: RoleStatusValue, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const [field, language] of textFields) {
    const text = fields[field][language]
    // The fee message predates quoting; it stays at the description, where fees are asked for.
    if (mentionsApplicantFee(text) && !problems.some((p) => p.key === 'roles.rule.noFees' && p.path === `description.${language}`)) {
      problems.push({ path: `description.${language}`, key: 'roles.rule.noFees' })
    }
    const phrase = firstMatch(DISCRIMINATION_PATTERNS, text)
    if (phrase) problems.push({ path: `${field}.${language}`, key: 'trust.rule.discrimination', params: { phrase } })
  }
  if (fields.stipendMonthly.min > fields.stipendMonthly.max) {
    problems.push({ path: 'stipendMonthly.max', key: 'roles.rule.stipendOrder', params: { min: fields.stipendMonthly.min } })
  }
  // Applications close at the end of the deadline day, so today is still in the future.
  if (status === 'published' && fields.deadline < shanghaiDay(now)) {
    problems.push({ path: 'deadline', key: 'roles.rule.deadlineFuture' })
  }
  if (!fields.skills.some((s) => s.required)) {
    problems.push({ path: 'skills', key: 'roles.rule.requiredSkill' })
  }
  return problems
}

export const reviewReasons = ['contact', 'stipend'] as const
export type ReviewReason = (typeof reviewReasons)[number]

export function stipendOutsideRange(kind: RoleKind, stipend: { min: number; max: number }): boolean {
  const range = regionalStipendRange[kind]
  return stipend.max > range.high * 2 || (stipend.max > 0 && stipend.max < range.low / 2)
}

/**
 * Why a role needs an admin's look before it is published (it may still be saved): contact
 * details that take applicants off the platform, a stipend far outside the regional range.
 */
export function reviewReasonsFor(fields: RoleFields): ReviewReason[] {
  const reasons: ReviewReason[] = []
  if (textFields.some(([field, language]) => firstMatch(CONTACT_PATTERNS, fields[field][language]))) reasons.push('contact')
  if (stipendOutsideRange(fields.kind, fields.stipendMonthly)) reasons.push('stipend')
  return reasons
}

/** The first off-platform contact phrase of a text, for the admin's review queue. */
export function contactPhrase(text: string | undefined): string | null {
  return firstMatch(CONTACT_PATTERNS, text)
}
