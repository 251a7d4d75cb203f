// Telling a user something happened: an in-app notification and, unless the user turned
// it off, an e-mail job, both written in the caller's transaction so they exist exactly
// when the change does. The text is rendered from the catalogue in the reader's language
// when shown, from `type` and `data`.
import type { Prisma } from '#app/generated/prisma/client.ts'
import type { Tx } from '#app/lib/db.server.ts'
import { enqueueMail } from '#app/modules/mail/queue.server.ts'
import { preferenceFor } from './preferences.server.ts'

export type NotificationInput = {
  userId: string
  /** A catalogue key family: the text is `notification.<type>`, e.g. "application.statusChanged". */
  type: string
  /** Placeholder values; `{ zh, en }` objects are shown in the reader's language. */
  data: Prisma.InputJsonValue
  link?: string
}

export async function notify(tx: Tx, input: NotificationInput) {
  const preference = await preferenceFor(tx, input.userId, input.type)
  if (preference.inApp) {
    await tx.notification.create({
      data: { userId: input.userId, type: input.type, data: input.data, link: input.link ?? null },
      select: { id: true },
    })
  }
  if (preference.email) {
    await enqueueMail(tx, { userId: input.userId, type: input.type, data: input.data, link: input.link ?? null })
  }
}
