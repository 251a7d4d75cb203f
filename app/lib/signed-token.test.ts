import { expect, test } from 'vitest'
import { signToken, verifyToken } from './signed-token.server.ts'

test('a signed token round-trips, and tampering, another purpose or expiry refuse it', () => {
  const token = signToken('ticket', { id: 'reg_1' }, new Date(Date.now() + 60_000))
  expect(verifyToken('ticket', token)).toMatchObject({ id: 'reg_1' })
  expect(verifyToken('unsubscribe', token)).toBeNull()
  const [body, mac] = token.split('.')
  const forged = `${Buffer.from(JSON.stringify({ id: 'reg_2' })).toString('base64url')}.${mac}`
  expect(verifyToken('ticket', forged)).toBeNull()
  expect(verifyToken('ticket', `${body}.`)).toBeNull()
  expect(verifyToken('ticket', token, new Date(Date.now() + 120_000))).toBeNull()
})
