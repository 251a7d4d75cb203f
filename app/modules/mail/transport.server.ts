// Where e-mail goes: SMTP when SMTP_URL is set; otherwise each message is rendered by
// nodemailer's stream transport into a real RFC 822 message and written as an .eml file
// under DATA_DIR/mail, so development and tests can read exactly what would be sent.
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type Mail from 'nodemailer/lib/mailer/index.js'
import { env } from '#app/lib/env.server.ts'
import { headerOf } from './message.server.ts'

export const mailDir = () => path.resolve(env.DATA_DIR, 'mail')

const holder = globalThis as unknown as { lianqiaoMailer?: nodemailer.Transporter }

function transporter() {
  holder.lianqiaoMailer ??= env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return holder.lianqiaoMailer
}

/** Sends one message; a failure (SMTP down) throws so the job is retried. */
export async function sendMail(message: Mail.Options): Promise<{ messageId: string; file?: string }> {
  const info = await transporter().sendMail({ from: env.MAIL_FROM, ...message })
  if (env.SMTP_URL) return { messageId: String(info.messageId) }
  const dir = mailDir()
  await fs.mkdir(dir, { recursive: true })
  // Sortable by time; the message id keeps names unique across processes.
  const safeId = String(info.messageId).replace(/[^a-zA-Z0-9.-]/g, '')
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`)
  // Written under another name and renamed: a reader polling for .eml files (the e2e specs,
  // the development mail page) never sees a message half written.
  const partial = `${file}.partial`
  await fs.writeFile(partial, (info as unknown as { message: Buffer }).message)
  await fs.rename(partial, file)
  return { messageId: String(info.messageId), file }
}

const EML_NAME = /^[A-Za-z0-9.-]+\.eml$/

/** The written .eml files, newest first (the development mail page). */
export async function listMailFiles(limit = 200) {
  const names = await fs.readdir(mailDir()).catch(() => [] as string[])
  const files = names
    .filter((name) => EML_NAME.test(name))
    .sort()
    .reverse()
    .slice(0, limit)
  return Promise.all(
    files.map(async (name) => {
      const raw = await fs.readFile(path.join(mailDir(), name), 'utf8')
      return { name, ...summary(raw) }
    }),
  )
}

export async function readMailFile(name: string): Promise<string | null> {
  if (!EML_NAME.test(name)) return null
  return fs.readFile(path.join(mailDir(), name), 'utf8').catch(() => null)
}

function summary(raw: string) {
  return { to: headerOf(raw, 'To'), subject: headerOf(raw, 'Subject'), date: headerOf(raw, 'Date') }
}
