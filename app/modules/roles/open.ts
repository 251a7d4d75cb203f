// When a role is open: published, and its closing time still ahead. The one rule, written
// twice side by side: as a predicate for rows in memory and as a Prisma where for queries.
import type { Prisma } from '#app/generated/prisma/client.ts'

export function isOpen(role: { status: string; closesAt: Date }, now = new Date()) {
  return role.status === 'published' && role.closesAt.getTime() > now.getTime()
}

export function openRoleWhere(now = new Date()) {
  return { status: 'published', closesAt: { gt: now } } satisfies Prisma.InternshipRoleWhereInput
}
