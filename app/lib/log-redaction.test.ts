import { Writable } from 'node:stream'
import { describe, expect, test } from 'vitest'
import { createLogger } from './logger.server.ts'
import { redactSecrets } from './log-redaction.server.ts'

function capture() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      done()
    },
  })
  return { logger: createLogger('info', destination), text: () => lines.join('') }
}

const secrets = ['CLAIMSECRET1', 'INVITESECRET2', 'UNSUBSECRET3', 'RESETSECRET4', 'VERIFYSECRET5', 'QUERYSECRET6']

describe('log redaction', () => {
  test('secret path segments and query values are redacted; the rest of the path stays', () => {
    expect(redactSecrets('/claim/CLAIMSECRET1')).toBe('/claim/[redacted]')
    expect(redactSecrets('/invite/INVITESECRET2?next=/roles')).toBe('/invite/[redacted]?next=/roles')
    expect(redactSecrets('/unsubscribe/UNSUBSECRET3/confirm.data')).toBe('/unsubscribe/[redacted]/confirm.data')
    expect(redactSecrets('/password/reset/RESETSECRET4')).toBe('/password/reset/[redacted]')
    expect(redactSecrets('/verify-email/VERIFYSECRET5')).toBe('/verify-email/[redacted]')
    expect(redactSecrets('/x?a=1&token=QUERYSECRET6&b=2')).toBe('/x?a=1&token=[redacted]&b=2')
    expect(redactSecrets('/roles/abc?q=solidity')).toBe('/roles/abc?q=solidity')
  })

  test('request lines, error lines, bodies, cookies and Authorization headers never carry secrets', () => {
    const { logger, text } = capture()
    logger.info({ requestId: 'r1', method: 'GET', url: '/claim/CLAIMSECRET1', status: 200 }, 'request')
    logger.info({ url: '/password/reset/RESETSECRET4?token=QUERYSECRET6' }, 'request')
    logger.error({ err: new Error('No route matches URL "/invite/INVITESECRET2"'), url: 'http://localhost/unsubscribe/UNSUBSECRET3' }, 'unhandled error')
    logger.warn({ headers: { cookie: 'lq_session=SESSIONCOOKIE', authorization: 'Bearer lq_APITOKEN' }, body: 'password=hunter2', password: 'hunter2' }, 'x')
    logger.warn({ req: { headers: { cookie: 'lq_session=SESSIONCOOKIE2', authorization: 'Bearer lq_APITOKEN2' }, body: { email: 'a@b.cn' } } }, 'y')
    logger.info({ url: '/verify-email/VERIFYSECRET5' }, 'request')
    const out = text()
    for (const secret of [...secrets, 'SESSIONCOOKIE', 'APITOKEN', 'hunter2', 'a@b.cn']) expect(out).not.toContain(secret)
    expect(out).toContain('/claim/[redacted]')
    expect(out).toContain('No route matches URL \\"/invite/[redacted]\\"')
    expect(out.split('\n').filter(Boolean)).toHaveLength(6)
  })
})
