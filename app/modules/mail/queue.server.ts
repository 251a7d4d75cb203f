// E-mail is sent by a pg-boss job with retries, so an SMTP outage delays mail and loses
// none. The job row is inserted through the caller's transaction (sendInTransaction).
import type PgBoss from 'pg-boss'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { jobLogger, queueReady, sendInTransaction } from '#app/lib/boss.server.ts'
import { preferenceFor, unsubscribeToken } from '#app/modules/notifications/preferences.server.ts'
import { renderAccountMail, renderNotificationMail, type AccountMailType } from './templates.server.ts'
import { sendMail } from './transport.server.ts'

export const MAIL_QUEUE = 'mail.send'

export type MailJob = { userId: string; type: string; data: unknown; link: string | null }

/**
 * Mail about the account itself (verify an address, reset a password, an address change):
 * sent to `to`, which may be an address not yet on the account, and never unsubscribable.
 */
export type AccountMailJob = { account: AccountMailType; userId: string; to: string; link: string | null; data?: Record<string, string> }

const MAIL_QUEUE_OPTIONS = { retryLimit: 10, retryDelay: 30, retryBackoff: true }

export async function enqueueMail(tx: Tx, job: MailJob | AccountMailJob) {
  await sendInTransaction(tx, MAIL_QUEUE, job, MAIL_QUEUE_OPTIONS)
}

export function appOrigin() {
  return env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
}

const absolute = (link: string) => (/^https?:\/\//.test(link) ? link : new URL(link, appOrigin()).toString())

/** Renders and sends one e-mail; throws (and is retried) when sending fails. */
export async function deliverMail(job: MailJob | AccountMailJob) {
  if ('account' in job) return deliverAccountMail(job)
  const user = await prisma.user.findUnique({ where: { id: job.userId }, select: { email: true, name: true, locale: true } })
  if (!user) return { skipped: 'no-user' as const }
  // The user may have unsubscribed since the job was queued.
  if (!(await preferenceFor(prisma, job.userId, job.type)).email) return { skipped: 'unsubscribed' as const }
  const locale: Locale = user.locale === 'en' ? 'en' : 'zh-CN'
  const unsubscribeUrl = absolute(`/unsubscribe/${unsubscribeToken(job.userId, job.type)}`)
  const data = absoluteItemLinks(job.data)
  const mail = renderNotificationMail({
    locale,
    name: user.name,
    type: job.type,
    data,
    link: job.link ? absolute(job.link) : null,
    unsubscribeUrl,
    preferencesUrl: absolute('/notifications/preferences'),
  })
  const sent = await sendMail({
    to: { name: user.name, address: user.email },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // RFC 8058: mail clients unsubscribe with a POST to the same link, no page visit.
    headers: { 'Content-Language': locale, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    list: { unsubscribe: unsubscribeUrl },
  })
  return { sent: sent.messageId }
}

async function deliverAccountMail(job: AccountMailJob) {
  const user = await prisma.user.findUnique({ where: { id: job.userId }, select: { name: true, locale: true } })
  if (!user) return { skipped: 'no-user' as const }
  const locale: Locale = user.locale === 'en' ? 'en' : 'zh-CN'
  const mail = renderAccountMail({ locale, name: user.name, type: job.account, link: job.link ? absolute(job.link) : null, data: job.data ?? {} })
  const sent = await sendMail({
    to: { name: user.name, address: job.to },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': locale },
  })
  return { sent: sent.messageId }
}

function absoluteItemLinks(data: unknown) {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { items?: unknown }).items)) return data
  const items = (data as { items: unknown[] }).items.map((item) =>
    typeof item === 'object' && item !== null && typeof (item as { link?: unknown }).link === 'string'
      ? { ...item, link: absolute((item as { link: string }).link) }
      : item,
  )
  return { ...data, items }
}

export async function registerMail(boss: PgBoss) {
  await queueReady(MAIL_QUEUE, MAIL_QUEUE_OPTIONS)
  await boss.work<MailJob | AccountMailJob>(MAIL_QUEUE, async (jobs) => {
    for (const job of jobs) {
      const result = await deliverMail(job.data)
      jobLogger(job).info({ type: 'account' in job.data ? `account.${job.data.account}` : job.data.type, ...result }, 'mail job done')
    }
  })
}
