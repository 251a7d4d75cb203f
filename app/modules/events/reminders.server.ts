// Reminders 24 hours before an event. The job runs every 10 minutes; `remindedAt` is
// claimed with a conditional update in the same transaction as the notification, so a
// registration is reminded once however often (or on however many workers) it runs.
import type PgBoss from 'pg-boss'
import { prisma } from '#app/lib/db.server.ts'
import { ensureQueue } from '#app/lib/boss.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { notificationTitle } from './event-lock.server.ts'
import { shanghaiTimestamp, TIME_ZONE } from '#app/lib/time.ts'

const QUEUE = 'events.reminders'
const DAY = 24 * 60 * 60 * 1000

export async function sendDueReminders(now = new Date()) {
  const due = await prisma.registration.findMany({
    where: {
      status: 'confirmed',
      remindedAt: null,
      event: { status: 'published', startsAt: { gt: now, lte: new Date(now.getTime() + DAY) } },
    },
    select: { id: true, userId: true, event: { select: { id: true, titleZh: true, titleEn: true, startsAt: true } } },
    take: 1000,
  })
  let sent = 0
  for (const registration of due) {
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.registration.updateMany({ where: { id: registration.id, remindedAt: null }, data: { remindedAt: now } })
      if (claimed.count !== 1) return
      await notify(tx, {
        userId: registration.userId,
        type: 'event.reminder',
        data: {
          ...notificationTitle(registration.event),
          startsAt: shanghaiTimestamp(registration.event.startsAt, 'minutes'),
        },
        link: `/events/${registration.event.id}/ticket`,
      })
      sent++
    })
  }
  return sent
}

export async function registerEventJobs(boss: PgBoss) {
  await ensureQueue(boss, QUEUE)
  await boss.work(QUEUE, async () => {
    await sendDueReminders()
  })
  await boss.schedule(QUEUE, '*/10 * * * *', {}, { tz: TIME_ZONE })
}
