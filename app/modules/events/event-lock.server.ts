// The event row lock every writer of registrations and capacity takes first, and the small
// readers of the locked row. Its own module so that events and registrations both depend on
// it instead of on each other.
import type { Prisma } from '#app/generated/prisma/client.ts'
import type { Tx } from '#app/lib/db.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import type { EventKindValue, EventQuestion } from './schemas.ts'

/**
 * Transactions that wait for an event's row lock: with a pool of 10 connections and many
 * registrations at once, waits are long but short-lived, so allow for them.
 */
export const LOCKING_TX = { maxWait: 120_000, timeout: 120_000 } as const

export type LockedEvent = {
  id: string
  kind: EventKindValue
  status: 'draft' | 'published' | 'cancelled'
  titleZh: string | null
  titleEn: string | null
  capacity: number | null
  confirmedCount: number
  waitlist: boolean
  approvalRequired: boolean
  eligibility: 'students' | 'signed_in'
  questions: Prisma.JsonValue
  rulesZh: string | null
  rulesEn: string | null
  registrationOpensAt: Date
  registrationClosesAt: Date
  teamSizeMin: number | null
  teamSizeMax: number | null
}

/** Locks the event's row for the rest of the transaction: registrations queue up here. */
export async function lockEvent(tx: Tx, eventId: string): Promise<LockedEvent> {
  const rows = await tx.$queryRaw<LockedEvent[]>`
    SELECT id, kind::text AS kind, status::text AS status, "titleZh", "titleEn", capacity, "confirmedCount",
           waitlist, "approvalRequired", eligibility::text AS eligibility, questions, "rulesZh", "rulesEn",
           "registrationOpensAt", "registrationClosesAt", "teamSizeMin", "teamSizeMax"
    FROM "Event" WHERE id = ${eventId} FOR UPDATE`
  const event = rows[0]
  if (!event) throw notFound()
  return event
}

export function questionsOf(value: Prisma.JsonValue | null): EventQuestion[] {
  return Array.isArray(value) ? (value as unknown as EventQuestion[]) : []
}

/** The data every event notification carries: {title} as `{ zh, en }`, shown in the reader's language. */
export function notificationTitle(event: { id: string; titleZh: string | null; titleEn: string | null }) {
  return { eventId: event.id, title: { zh: event.titleZh, en: event.titleEn } }
}
