// When a role is open to students: published, its closing time still ahead, not hidden by a
// moderator, and from a company that is verified (docs/decisions/016) and not suspended. The
// one rule, written twice side by side: a predicate for rows in memory, a Prisma where for
// queries.
import type { Prisma } from '#app/generated/prisma/client.ts'

type RoleState = {
  status: string
  closesAt: Date
  hiddenAt?: Date | null
  company?: { suspendedAt?: Date | null; verifiedAt?: Date | null }
}

/** A row loaded without its company is judged on the role's own state only. */
export function isOpen(role: RoleState, now = new Date()) {
  const company = role.company
  const companyOpen = !company || (!company.suspendedAt && company.verifiedAt !== null)
  return role.status === 'published' && role.closesAt.getTime() > now.getTime() && !role.hiddenAt && companyOpen
}

export function openRoleWhere(now = new Date()) {
  return {
    status: 'published',
    closesAt: { gt: now },
    hiddenAt: null,
    company: { suspendedAt: null, verifiedAt: { not: null } },
  } satisfies Prisma.InternshipRoleWhereInput
}
