// Response headers every page gets. The CSP is enforced (not report-only) and allows
// scripts only with this response's nonce.
export function securityHeaders(nonce: string, options: { production: boolean; https: boolean }): Record<string, string> {
  const scriptSrc = options.production
    ? `'self' 'nonce-${nonce}' 'strict-dynamic'`
    : // Vite's dev client injects inline modules without a nonce.
      `'self' 'nonce-${nonce}' 'unsafe-inline'`
  const csp = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.production ? '' : ' ws: wss:'}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  }
}
