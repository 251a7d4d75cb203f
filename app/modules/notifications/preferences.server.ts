// Per-user, per-type choices: in-app and e-mail, both on unless the user turned them off
// (on the preferences page or with an e-mail's unsubscribe link).
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { signToken, verifyToken } from '#app/lib/signed-token.server.ts'
import { messages } from '#app/i18n/messages/index.ts'
import { notificationTypes } from './render.ts'

export type Preference = { inApp: boolean; email: boolean }

/** Every type in the catalogue, so other areas' types appear once they add their keys. */
export const knownNotificationTypes = () => notificationTypes(Object.keys(messages))

export async function preferenceFor(tx: Tx, userId: string, type: string): Promise<Preference> {
  const row = await tx.notificationPreference.findUnique({
    where: { userId_type: { userId, type } },
    select: { inApp: true, email: true },
  })
  return row ?? { inApp: true, email: true }
}

export async function listPreferences(userId: string) {
  const rows = await prisma.notificationPreference.findMany({ where: { userId }, select: { type: true, inApp: true, email: true } })
  const byType = new Map(rows.map((row) => [row.type, row]))
  return knownNotificationTypes().map((type) => ({ type, inApp: byType.get(type)?.inApp ?? true, email: byType.get(type)?.email ?? true }))
}

/** Saves the whole form at once; types not in the catalogue are ignored. */
export async function savePreferences(userId: string, chosen: Record<string, Preference>) {
  const types = knownNotificationTypes()
  await prisma.$transaction(
    types.map((type) => {
      const value = chosen[type] ?? { inApp: false, email: false }
      return prisma.notificationPreference.upsert({
        where: { userId_type: { userId, type } },
        create: { userId, type, ...value },
        update: value,
        select: { type: true },
      })
    }),
  )
}

const PURPOSE = 'unsubscribe'

export function unsubscribeToken(userId: string, type: string) {
  return signToken(PURPOSE, { u: userId, t: type })
}

/** Turns e-mail off for the token's user and type; null for a forged or damaged token. */
export async function unsubscribe(token: string): Promise<{ type: string } | null> {
  const payload = verifyToken<{ u: string; t: string }>(PURPOSE, token)
  if (!payload || typeof payload.u !== 'string' || typeof payload.t !== 'string') return null
  const user = await prisma.user.findUnique({ where: { id: payload.u }, select: { id: true } })
  if (!user) return null
  await prisma.notificationPreference.upsert({
    where: { userId_type: { userId: user.id, type: payload.t } },
    create: { userId: user.id, type: payload.t, inApp: true, email: false },
    update: { email: false },
    select: { type: true },
  })
  return { type: payload.t }
}
