// Taking a person out of notifications other people keep: the sentence stays, the values
// that named the person are replaced (account deletion, the retention job).
import type { Prisma } from '#app/generated/prisma/client.ts'
import type { Tx } from '#app/lib/db.server.ts'

/** The data fields that name a person in notification templates. */
export const PERSON_FIELDS = ['student', 'from', 'name', 'captain', 'member'] as const

/** Rewrites the matching notifications' data, replacing each value `names` picks by `replacement`. */
export async function replaceInNotifications(
  tx: Tx,
  where: Prisma.NotificationWhereInput,
  names: (field: string, value: unknown) => boolean,
  replacement: string,
) {
  const rows = await tx.notification.findMany({ where, select: { id: true, data: true } })
  for (const row of rows) {
    const data = Object.fromEntries(Object.entries(row.data as Record<string, unknown>).map(([key, value]) => [key, names(key, value) ? replacement : value]))
    await tx.notification.update({ where: { id: row.id }, data: { data: data as Prisma.InputJsonValue }, select: { id: true } })
  }
  return rows.length
}
