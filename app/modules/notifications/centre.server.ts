// The notification centre: a user's own notifications, newest first; marking read.
import { prisma } from '#app/lib/db.server.ts'

const PAGE_SIZE = 30

export async function listNotifications(userId: string, page = 1) {
  const [items, total] = await Promise.all([
    prisma.notification.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, type: true, data: true, link: true, readAt: true, createdAt: true },
    }),
    prisma.notification.count({ where: { userId } }),
  ])
  return { items, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** Only the owner's notification changes; someone else's id changes nothing. */
export async function markRead(userId: string, notificationId: string) {
  await prisma.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } })
}

export async function markAllRead(userId: string) {
  await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } })
}
