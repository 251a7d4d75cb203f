import { describe, expect, test } from 'vitest'
import { isSameOriginRequest } from './origin-check.server.ts'
import { securityHeaders } from './security-headers.server.ts'

const base = { expectedOrigin: 'https://lianqiao.example', referer: null, hasAuthorizationHeader: false, hasCookies: true }

describe('origin check', () => {
  test('safe methods always pass', () => {
    expect(isSameOriginRequest({ ...base, method: 'GET', origin: 'https://evil.example' })).toBe(true)
  })
  test('a state change from another origin is refused, from ours allowed', () => {
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: 'https://evil.example' })).toBe(false)
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: 'https://lianqiao.example' })).toBe(true)
    expect(isSameOriginRequest({ ...base, method: 'DELETE', origin: 'null' })).toBe(false)
  })
  test('without Origin the Referer decides; without both only cookie-less or bearer-token calls pass', () => {
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: null, referer: 'https://lianqiao.example/roles' })).toBe(true)
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: null, referer: 'https://evil.example/' })).toBe(false)
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: null })).toBe(false)
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: null, hasAuthorizationHeader: true })).toBe(true)
    expect(isSameOriginRequest({ ...base, method: 'POST', origin: null, hasCookies: false })).toBe(true)
  })
})

describe('security headers', () => {
  test('the CSP is enforced with the nonce and forbids framing', () => {
    const headers = securityHeaders('abc123', { production: true, https: true })
    expect(headers['Content-Security-Policy']).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'")
    expect(headers['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(headers['Content-Security-Policy-Report-Only']).toBeUndefined()
    expect(headers['X-Content-Type-Options']).toBe('nosniff')
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['Strict-Transport-Security']).toContain('max-age=')
  })
})
