// The application pipeline: submitted → reviewing → interview → offer → accepted, rejected
// by the company at any open step, withdrawn by the student. This table is the only place
// that decides which change is allowed, and who may make it.
export const applicationStatuses = ['submitted', 'reviewing', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]
export type Actor = 'company' | 'student'

const table: Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Actor[]>>> = {
  submitted: { reviewing: ['company'], rejected: ['company'], withdrawn: ['student'] },
  reviewing: { interview: ['company'], rejected: ['company'], withdrawn: ['student'] },
  interview: { offer: ['company'], rejected: ['company'], withdrawn: ['student'] },
  // The student accepts an offer here, or the company records an acceptance made elsewhere.
  offer: { accepted: ['company', 'student'], rejected: ['company'], withdrawn: ['student'] },
  accepted: {},
  rejected: {},
  withdrawn: {},
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus, actor: Actor): boolean {
  return table[from][to]?.includes(actor) ?? false
}

export function nextStatuses(from: ApplicationStatus, actor: Actor): ApplicationStatus[] {
  return applicationStatuses.filter((to) => canTransition(from, to, actor))
}

export function isFinal(status: ApplicationStatus) {
  return nextStatuses(status, 'company').length === 0 && nextStatuses(status, 'student').length === 0
}

/** Open steps where the company owes the student an answer ("no response for 14 days"). */
export function awaitsCompany(status: ApplicationStatus) {
  return status === 'submitted' || status === 'reviewing' || status === 'interview'
}
