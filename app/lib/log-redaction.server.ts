// What must never reach a log: the secret part of a link (claim, invitation, unsubscribe,
// password-reset and e-mail-verification tokens), secret query values, bodies, cookies and
// Authorization headers. The logger applies this to every line (logger.server.ts).

const secretPathSegment = /(\/(?:claim|invite|unsubscribe|password\/reset|verify-email)\/)[^/?#\s"'<>]+/gi
const secretQueryValue = /([?&](?:token|secret|signature|password|code)=)[^&#\s"'<>]*/gi

/** The text with every secret path segment and secret query value replaced. */
export function redactSecrets(text: string): string {
  return text.replace(secretPathSegment, '$1[redacted]').replace(secretQueryValue, '$1[redacted]')
}

/** pino's `redact` paths: values removed wherever they appear in a logged object. */
export const redactedLogPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'body',
  '*.body',
  'cookie',
  'cookies',
  'authorization',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
]
