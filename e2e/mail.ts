// Reads the e-mail the e2e server wrote as .eml files (no SMTP in tests): headers decoded,
// text parts decoded, so specs check what a recipient would really get.
import fs from 'node:fs/promises'
import path from 'node:path'
import { expect } from '@playwright/test'

export type Mail = { file: string; to: string; subject: string; language: string; listUnsubscribe: string; text: string; html: string }

/** RFC 2047 encoded-words; adjacent words are joined before decoding (a character may span two). */
function decodeWords(value: string) {
  return value.replace(/(?:=\?utf-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, text]) =>
      encoding!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : Buffer.from(quotedPrintable(text!.replace(/_/g, ' ')), 'latin1'),
    )
    return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '')
  }).trim()
}

function quotedPrintable(text: string) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function split(raw: string) {
  const at = raw.search(/\r?\n\r?\n/)
  if (at < 0) return { head: raw, body: '' }
  return { head: raw.slice(0, at).replace(/\r?\n[ \t]+/g, ' '), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') }
}

function header(head: string, name: string) {
  return new RegExp(`^${name}: ?(.*)$`, 'im').exec(head)?.[1] ?? ''
}

/** The decoded text/plain and text/html bodies of a message or of its multipart parts. */
function bodies(raw: string): { text: string; html: string } {
  const { head, body } = split(raw)
  const type = header(head, 'Content-Type')
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1, -1).map((part) => bodies(part.replace(/^\r?\n/, '')))
    return { text: parts.map((p) => p.text).join(''), html: parts.map((p) => p.html).join('') }
  }
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase()
  const decoded =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(quotedPrintable(body), 'latin1').toString('utf8')
        : body
  return /^text\/html/i.test(type) ? { text: '', html: decoded } : { text: decoded, html: '' }
}

const parsed = new Map<string, Mail>()

async function readAll(): Promise<Mail[]> {
  const dir = process.env.E2E_MAIL_DIR
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (e2e/global-setup.ts)')
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort()
  for (const name of names) {
    if (parsed.has(name)) continue
    const raw = await fs.readFile(path.join(dir, name), 'utf8')
    const { head } = split(raw)
    parsed.set(name, {
      file: name,
      to: decodeWords(header(head, 'To')),
      subject: decodeWords(header(head, 'Subject')),
      language: header(head, 'Content-Language').trim(),
      listUnsubscribe: header(head, 'List-Unsubscribe').trim(),
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
    .poll(async () => (await mailTo(address)).map((mail) => mail.subject), { timeout: 20_000, message: `an e-mail to ${address}: ${subject}` })
    .toContain(subject)
  return (await mailTo(address)).find((mail) => mail.subject === subject)!
}
