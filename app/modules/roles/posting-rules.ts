// The rules every role must follow when it is saved, whichever channel it comes through.
// Pure, so the form, the API and the tests share exactly one version of them.
import type { FieldProblem } from '#app/lib/errors.server.ts'
import { type RoleFields, type RoleStatusValue } from './schemas.ts'
import { shanghaiDay } from '#app/lib/time.ts'

/**
 * Applicants are never charged. These are the words that ask for money from applicants in
 * job ads (training fees, deposits, guarantee money, service or agency fees, sign-up fees).
 */
const FEE_PATTERNS = [/培训费/, /押金/, /保证金/, /服务费/, /中介费/, /报名费/, /资料费/, /\bfees?\b/i, /\bdeposits?\b/i]

export function mentionsApplicantFee(text: string | undefined): boolean {
  return Boolean(text && FEE_PATTERNS.some((pattern) => pattern.test(text)))
}

/** Problems with a role about to be saved with `status`; empty when it may be saved. */
export function postingProblems(fields: RoleFields, status: RoleStatusValue, now = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const language of ['zh', 'en'] as const) {
    if (mentionsApplicantFee(fields.description[language]) || mentionsApplicantFee(fields.title[language])) {
      problems.push({ path: `description.${language}`, key: 'roles.rule.noFees' })
    }
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
