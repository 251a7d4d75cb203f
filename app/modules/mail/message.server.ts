// Reading a raw RFC 822 message as a recipient would: headers unfolded and decoded, text
// and HTML parts decoded. The development mail page, the unit tests' drainMail and the
// e2e mail reader all use it. It reads no settings, so the e2e runner can import it.

/** RFC 2047 encoded-words; adjacent words are joined before decoding (a character may span two). */
export function decodeWords(value: string) {
  return value
    .replace(/(?:=\?utf-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
      const bytes = [...run.matchAll(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi)].map(([, encoding, text]) =>
        encoding!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : Buffer.from(quotedPrintable(text!.replace(/_/g, ' ')), 'latin1'),
      )
      return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '')
    })
    .trim()
}

function quotedPrintable(text: string) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

export function split(raw: string) {
  const at = raw.search(/\r?\n\r?\n/)
  if (at < 0) return { head: raw, body: '' }
  return { head: raw.slice(0, at).replace(/\r?\n[ \t]+/g, ' '), body: raw.slice(at).replace(/^\r?\n\r?\n/, '') }
}

export function header(head: string, name: string) {
  return new RegExp(`^${name}: ?(.*)$`, 'im').exec(head)?.[1] ?? ''
}

/** A header of a raw message as a recipient reads it: unfolded and decoded. */
export function headerOf(raw: string, name: string) {
  return decodeWords(header(split(raw).head, name))
}

/** The decoded text/plain and text/html bodies of a message or of its multipart parts. */
export function bodies(raw: string): { text: string; html: string } {
  const { head, body } = split(raw)
  const type = header(head, 'Content-Type')
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => bodies(part.replace(/^\r?\n/, '')))
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
