// Reads the e-mail the e2e server wrote as .eml files (no SMTP in tests): headers decoded,
// text parts decoded, so specs check what a recipient would really get.
import fs from 'node:fs/promises'
import path from 'node:path'
import { expect } from '@playwright/test'
import { bodies, headerOf } from '../app/modules/mail/message.server.ts'

export type Mail = { file: string; to: string; subject: string; language: string; listUnsubscribe: string; text: string; html: string }

const parsed = new Map<string, Mail>()

async function readAll(): Promise<Mail[]> {
  const dir = process.env.E2E_MAIL_DIR
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (e2e/global-setup.ts)')
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort()
  for (const name of names) {
    if (parsed.has(name)) continue
    const raw = await fs.readFile(path.join(dir, name), 'utf8')
    parsed.set(name, {
      file: name,
      to: headerOf(raw, 'To'),
      subject: headerOf(raw, 'Subject'),
      language: headerOf(raw, 'Content-Language'),
      listUnsubscribe: headerOf(raw, 'List-Unsubscribe'),
      ...bodies(raw),
    })
  }
  return names.map((name) => parsed.get(name)!)
}

/** Every message to this address so far, oldest first. */
export async function mailTo(address: string) {
  return (await readAll()).filter((mail) => mail.to.toLowerCase().includes(`<${address.toLowerCase()}>`) || mail.to.toLowerCase() === address.toLowerCase())
}

/** Waits (mail goes through a pg-boss job) for the message to `address` whose subject is `subject`. */
export async function waitForMail(address: string, subject: string): Promise<Mail> {
  await expect
    .poll(async () => (await mailTo(address)).map((mail) => mail.subject), { timeout: 60_000, message: `an e-mail to ${address}: ${subject}` })
    .toContain(subject)
  return (await mailTo(address)).find((mail) => mail.subject === subject)!
}
