// Cross-site request forgery defence: a state-changing request made with the session
// cookie must come from our own origin. Bearer-token API calls carry no cookie and so
// cannot be forged by a browser; they pass.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheckInput = {
  method: string
  origin: string | null
  referer: string | null
  expectedOrigin: string
  hasAuthorizationHeader: boolean
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
  return input.hasAuthorizationHeader
}
