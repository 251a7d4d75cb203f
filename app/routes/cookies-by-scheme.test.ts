// Cookie attributes follow the scheme the user reached, decided by the same Express
// setting and function as server.ts, over real loopback sockets: 127.0.0.1 is the
// trusted proxy, 127.0.0.2 an untrusted client sending the same forwarded headers.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

// Before the app's modules load: the env module reads it once.
vi.stubEnv('TRUST_PROXY', '127.0.0.1')
const { default: express } = await import('express')
const { env } = await import('#app/lib/env.server.ts')
const { requestContextStorage } = await import('#app/lib/request-context.server.ts')
const { requestScheme } = await import('#app/lib/request-scheme.server.ts')
const { signUpStudent } = await import('#app/modules/auth/accounts.server.ts')
const { getUser } = await import('#app/modules/auth/permissions.server.ts')
const { startSessionAndRedirect } = await import('#app/modules/auth/sign-in-flow.server.ts')
const { action: languageAction } = await import('./lang.ts')

let server: http.Server
let port = 0
let userId = ''

function fetchRequest(req: ExpressRequest, init: RequestInit = {}) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  return new Request(`${req.protocol}://${req.get('Host')}${req.originalUrl}`, { method: req.method, headers, ...init })
}

beforeAll(async () => {
  userId = (await signUpStudent({ name: '代理', email: 'proxy@example.cn', password: 'correct horse battery', consent: 'on' }, 'zh-CN')).id
  const app = express()
  app.set('trust proxy', env.TRUST_PROXY)
  app.use((req, res, next) => {
    const scheme = requestScheme(req)
    res.setHeader('X-Expected-Origin', scheme.origin)
    const context = { requestId: 'test', nonce: '', clientIp: req.ip ?? '', https: scheme.https, servedInClear: scheme.servedInClear }
    requestContextStorage.run({ ...context, setCookies: [], memo: new Map() }, () => next())
  })
  const reply = (res: ExpressResponse, response: Response) => {
    res.status(response.status).setHeader('Set-Cookie', response.headers.getSetCookie()).end()
  }
  app.post('/signin', async (req, res) => reply(res, await startSessionAndRedirect(fetchRequest(req), userId, '/')))
  app.post('/lang', async (req, res) => {
    const body = new URLSearchParams({ locale: 'en', redirectTo: '/' })
    reply(res, (await languageAction({ request: fetchRequest(req, { body }), params: {}, context: {} })) as Response)
  })
  app.get('/me', async (req, res) => {
    res.json({ userId: (await getUser(fetchRequest(req)))?.id ?? null })
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

type Reply = { status: number; setCookies: string[]; expectedOrigin: string; body: string }

function send(path: string, options: { from: string; method?: string; headers?: Record<string, string> }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', localAddress: options.from, headers: options.headers },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            setCookies: response.headers['set-cookie'] ?? [],
            expectedOrigin: String(response.headers['x-expected-origin']),
            body,
          }),
        )
      },
    )
    request.on('error', reject)
    request.end()
  })
}

const forwardedHttps = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'lianqiao.example.cn' }
const TRUSTED_PROXY = '127.0.0.1'
const UNTRUSTED = '127.0.0.2'

describe('cookies follow the scheme the user reached', () => {
  test('X-Forwarded-Proto: https from the trusted proxy gives Secure __Host- cookies', async () => {
    const signIn = await send('/signin', { from: TRUSTED_PROXY, method: 'POST', headers: forwardedHttps })
    expect(signIn.status).toBe(302)
    expect(signIn.expectedOrigin).toBe('https://lianqiao.example.cn')
    const session = signIn.setCookies.find((cookie) => cookie.startsWith('__Host-lq_session='))
    expect(session).toBeDefined()
    expect(session).toMatch(/; HttpOnly; SameSite=Lax; Secure$/)

    const language = await send('/lang', { from: TRUSTED_PROXY, method: 'POST', headers: forwardedHttps })
    expect(language.setCookies).toEqual([expect.stringMatching(/^__Host-lq_lang=en; Path=\/; Max-Age=\d+; SameSite=Lax; Secure$/)])

    // Read back under the prefixed name; the plain name does not count over HTTPS.
    const token = session!.split(';')[0]!.split('=')[1]!
    const me = (cookie: string, headers: Record<string, string>) => send('/me', { from: TRUSTED_PROXY, headers: { ...headers, Cookie: cookie } })
    expect(JSON.parse((await me(`__Host-lq_session=${token}`, forwardedHttps)).body)).toEqual({ userId })
    expect(JSON.parse((await me(`lq_session=${token}`, forwardedHttps)).body)).toEqual({ userId: null })
  })

  test('the same header from an untrusted address gives plain HttpOnly SameSite=Lax cookies', async () => {
    const signIn = await send('/signin', { from: UNTRUSTED, method: 'POST', headers: forwardedHttps })
    expect(signIn.status).toBe(302)
    expect(signIn.expectedOrigin).toBe(`http://127.0.0.1:${port}`)
    const session = signIn.setCookies.find((cookie) => cookie.startsWith('lq_session='))
    expect(session).toMatch(/^lq_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/)
    expect(signIn.setCookies.join('\n')).not.toContain('__Host-')

    const language = await send('/lang', { from: UNTRUSTED, method: 'POST', headers: forwardedHttps })
    expect(language.setCookies).toEqual([expect.stringMatching(/^lq_lang=en; Path=\/; Max-Age=\d+; SameSite=Lax$/)])

    const token = session!.split(';')[0]!.split('=')[1]!
    const me = await send('/me', { from: UNTRUSTED, headers: { ...forwardedHttps, Cookie: `lq_session=${token}` } })
    expect(JSON.parse(me.body)).toEqual({ userId })
  })

  test('plain HTTP from the trusted proxy without forwarded headers is plain HTTP too', async () => {
    const signIn = await send('/signin', { from: TRUSTED_PROXY, method: 'POST' })
    expect(signIn.setCookies.some((cookie) => cookie.startsWith('lq_session=') && !cookie.includes('Secure'))).toBe(true)
  })
})
