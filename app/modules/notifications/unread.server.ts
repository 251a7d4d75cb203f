import { prisma } from '#app/lib/db.server.ts'

/** The header's unread badge. */
export function countUnreadNotifications(userId: string) {
  return prisma.notification.count({ where: { userId, readAt: null } })
}
