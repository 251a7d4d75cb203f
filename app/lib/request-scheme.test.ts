// The settings side of the scheme decision: which start-ups warn about plain HTTP, and
// what TRUST_PROXY accepts. (Requests through real sockets: app/routes/cookies-by-scheme.test.ts.)
import { afterEach, describe, expect, test, vi } from 'vitest'
import { isLoopbackHost } from './request-scheme.server.ts'

afterEach(() => {
  vi.unstubAllEnvs()
  // The test setup's own clean-up loads the app's modules again afterwards.
  vi.resetModules()
})

/** The module as a server started with these settings would load it. */
async function startedWith(settings: Record<string, string | undefined>) {
  // Production also requires the credentials key; any well-formed one will do here.
  for (const [name, value] of Object.entries({ CREDENTIALS_KEY: '0'.repeat(64), ...settings })) vi.stubEnv(name, value)
  vi.resetModules()
  return import('./request-scheme.server.ts')
}

describe('the start-up warning about plain HTTP', () => {
  test('warns when others will reach the production build over plain HTTP', async () => {
    const lan = await startedWith({ NODE_ENV: 'production', APP_ORIGIN: 'http://192.168.1.20:3000', HOST: undefined })
    expect(lan.startupClearTextWarning()).toContain('http://192.168.1.20:3000 is served over plain HTTP')
    const everywhere = await startedWith({ NODE_ENV: 'production', APP_ORIGIN: undefined, HOST: undefined })
    expect(everywhere.startupClearTextWarning()).toContain('every interface')
    const allInterfaces = await startedWith({ NODE_ENV: 'production', APP_ORIGIN: undefined, HOST: '0.0.0.0' })
    expect(allInterfaces.startupClearTextWarning()).toContain('0.0.0.0')
  })

  test('stays quiet behind TLS, on loopback, and in development', async () => {
    for (const settings of [
      { NODE_ENV: 'production', APP_ORIGIN: 'https://lianqiao.example.cn', HOST: undefined },
      { NODE_ENV: 'production', APP_ORIGIN: 'http://localhost:3000', HOST: undefined },
      { NODE_ENV: 'production', APP_ORIGIN: undefined, HOST: '127.0.0.1' },
      { NODE_ENV: 'development', APP_ORIGIN: undefined, HOST: undefined },
    ]) {
      expect((await startedWith(settings)).startupClearTextWarning(), JSON.stringify(settings)).toBeNull()
    }
  })
})

describe('TRUST_PROXY', () => {
  test('takes addresses, subnets and range names; refuses anything else', async () => {
    await startedWith({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' })
    const { env } = await import('./env.server.ts')
    expect(env.TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::1'])
    await startedWith({ TRUST_PROXY: '' })
    expect((await import('./env.server.ts')).env.TRUST_PROXY).toEqual([])
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1']) {
      vi.stubEnv('TRUST_PROXY', bad)
      vi.resetModules()
      await expect(import('./env.server.ts'), bad).rejects.toThrow(/TRUST_PROXY/)
    }
  })
})

test('loopback host names', () => {
  for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true)
  for (const host of ['lianqiao.test', '192.168.1.20', '0.0.0.0', 'localhost.example.cn']) expect(isLoopbackHost(host), host).toBe(false)
})
