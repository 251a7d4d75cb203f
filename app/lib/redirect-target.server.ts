// Where a user may be sent after signing in, switching language and the like: only a place
// on this site. `/\evil.example` and `//evil.example` parse as other hosts in browsers, and
// control characters let a value be read differently by the browser than by us.

// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\\\u0000-\u001f\u007f]/

export function safeRedirectTarget(value: string | null | undefined, origin: string, fallback = '/'): string {
  if (!value || unsafeCharacters.test(value)) return fallback
  try {
    const target = new URL(value, origin)
    if (target.origin !== new URL(origin).origin) return fallback
    return `${target.pathname}${target.search}${target.hash}`
  } catch {
    return fallback
  }
}

/** The origin a request was made to, for `safeRedirectTarget`. */
export function requestOrigin(request: Request): string {
  return new URL(request.url).origin
}
