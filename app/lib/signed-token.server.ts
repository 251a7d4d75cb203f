// Tokens that carry their own payload and an HMAC, for links sent by e-mail or printed on
// tickets (invitations, unsubscribe, check-in). Tampered or expired tokens are refused
// without a database round trip.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { env } from './env.server.ts'

type Payload = Record<string, string | number | boolean>

function signature(purpose: string, body: string) {
  return createHmac('sha256', env.SESSION_SECRET).update(`${purpose}.${body}`).digest('base64url')
}

export function signToken(purpose: string, payload: Payload, expiresAt?: Date): string {
  const body = Buffer.from(JSON.stringify(expiresAt ? { ...payload, exp: Math.floor(expiresAt.getTime() / 1000) } : payload)).toString('base64url')
  return `${body}.${signature(purpose, body)}`
}

export function verifyToken<T extends Payload>(purpose: string, token: string, now = new Date()): T | null {
  const [body, mac, extra] = token.split('.')
  if (!body || !mac || extra !== undefined) return null
  const expected = Buffer.from(signature(purpose, body))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp?: number }
    if (typeof payload.exp === 'number' && payload.exp * 1000 < now.getTime()) return null
    return payload
  } catch {
    return null
  }
}
