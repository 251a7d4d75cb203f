// What a company member's home shows for their company: the applicants of the last seven
// days, its open roles closing within two weeks, and suggested candidates for its open
// roles from the matching module (discoverable students only, verified companies only:
// the rules of the candidate list, docs/decisions/016 and 037).
import type { Locale } from '#app/i18n/locale.ts'
import { prisma } from '#app/lib/db.server.ts'
import { newApplicants } from '#app/modules/applications/review.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { memberCompanyId } from '#app/modules/companies/companies.server.ts'
import { candidatesFor } from '#app/modules/matching/matching.server.ts'
import { openRoleWhere } from '#app/modules/roles/open.ts'

const DAY = 86_400_000
const NEW_APPLICANT_DAYS = 7
const CLOSING_SOON_DAYS = 14
const APPLICANTS = 6
const CLOSING = 5
/** Roles whose candidates are suggested (soonest deadline first), and candidates per role. */
const CANDIDATE_ROLES = 3
const CANDIDATES_PER_ROLE = 3

/** The company's open roles whose applications close within two weeks, soonest first, with their applicant counts. */
export async function rolesClosingSoon(companyId: string, now = new Date(), limit = CLOSING) {
  const open = openRoleWhere(now)
  return prisma.internshipRole.findMany({
    where: { ...open, companyId, closesAt: { gt: now, lte: new Date(now.getTime() + CLOSING_SOON_DAYS * DAY) } },
    orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true, titleZh: true, titleEn: true, closesAt: true, _count: { select: { applications: true } } },
  })
}

/** The best discoverable students for the company's open roles with the nearest deadlines; none until the company is verified. */
export async function suggestedCandidates(user: SessionUser, companyId: string, locale: Locale, now = new Date()) {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { verifiedAt: true } })
  if (!company?.verifiedAt) return { allowed: false, roles: [] }
  const roles = await prisma.internshipRole.findMany({
    where: { ...openRoleWhere(now), companyId },
    orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
    take: CANDIDATE_ROLES,
    select: { id: true, titleZh: true, titleEn: true },
  })
  const lists = await Promise.all(roles.map((role) => candidatesFor(role.id, { limit: CANDIDATES_PER_ROLE, locale, now, viewer: user })))
  return {
    allowed: true,
    roles: roles.flatMap((role, i) => {
      const items = lists[i]?.items ?? []
      return items.length > 0
        ? [
            {
              role,
              candidates: items.map((c) => ({ id: c.student.id, name: c.student.name, score: c.score, reason: c.reasons.find((r) => r.positive) ?? null })),
            },
          ]
        : []
    }),
  }
}

/** Everything the company member's home shows for their company (`requested`, else their first), in one call; null without one. */
export async function companyHome(user: SessionUser, requested: string | null, locale: Locale, now = new Date()) {
  const companyId = memberCompanyId(user, requested)
  if (!companyId) return null
  const [company, applicants, closing, candidates] = await Promise.all([
    prisma.company.findUnique({ where: { id: companyId }, select: { id: true, nameZh: true, nameEn: true } }),
    newApplicants(user, companyId, new Date(now.getTime() - NEW_APPLICANT_DAYS * DAY), APPLICANTS),
    rolesClosingSoon(companyId, now),
    suggestedCandidates(user, companyId, locale, now),
  ])
  if (!company) return null
  return { company, windows: { applicantDays: NEW_APPLICANT_DAYS, closingDays: CLOSING_SOON_DAYS }, applicants, closing, candidates }
}
