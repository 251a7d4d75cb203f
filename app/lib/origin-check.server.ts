// Cross-site request forgery defence: a state-changing request must come from our own
// origin. Browsers always send Origin (or at least Referer) with cross-site POSTs; a
// request with neither is from a non-browser client (an API call with a bearer token, a
// mail client's one-click unsubscribe), which passes only when it carries no cookies.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheckInput = {
  method: string
  origin: string | null
  referer: string | null
  expectedOrigin: string
  hasAuthorizationHeader: boolean
  hasCookies: boolean
}

export function isSameOriginRequest(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return true
  if (input.origin && input.origin !== 'null') return input.origin === input.expectedOrigin
  // No Origin header (old browsers, some privacy settings): fall back to the Referer.
  if (input.referer) {
    try {
      return new URL(input.referer).origin === input.expectedOrigin
    } catch {
      return false
    }
  }
  return input.hasAuthorizationHeader || !input.hasCookies
}
