// "Try as" (decision 035): the sign-in page's demo personas exist only outside production on
// the embedded database. Each case loads the app as a server started with those settings.
import { readFileSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { env } from '#app/lib/env.server.ts'
import { importDocument } from '#app/modules/import/import.server.ts'
import { demoPersonas } from '#app/modules/demo/personas.ts'
import { routeArgs } from '#tests/api-request.ts'

const testDatabase = env.DATABASE_URL

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

/** The routes and modules as a server started with these settings would load them. */
async function startedWith(settings: Record<string, string>) {
  for (const [name, value] of Object.entries({ CREDENTIALS_KEY: '0'.repeat(64), ...settings })) vi.stubEnv(name, value)
  vi.resetModules()
  return {
    env: (await import('#app/lib/env.server.ts')).env,
    signin: await import('./signin.tsx'),
    demo: await import('./signin_.demo.ts'),
    session: await import('#app/modules/auth/session.server.ts'),
  }
}

const embedded = { NODE_ENV: 'development', EMBEDDED_DATABASE_URL: testDatabase }
const production = { NODE_ENV: 'production', EMBEDDED_DATABASE_URL: testDatabase }
// DATABASE_URL set by the operator: services.ts starts nothing and leaves this empty.
const external = { NODE_ENV: 'development', EMBEDDED_DATABASE_URL: '' }
// A leftover embedded address while DATABASE_URL points elsewhere counts as external too.
const elsewhere = { NODE_ENV: 'development', EMBEDDED_DATABASE_URL: 'postgresql://lianqiao@127.0.0.1:1/lianqiao' }

const tryAs = (persona: string) =>
  new Request('http://localhost/signin/demo', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
    body: new URLSearchParams({ persona }),
  })

async function status(run: () => Promise<unknown>) {
  try {
    const result = await run()
    if (result instanceof Response) return result.status
    // A reply made with `data(body, { status })`.
    return (result as { init?: { status?: number } | null }).init?.status ?? 200
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

beforeAll(async () => {
  // The demo data's records the personas belong to, through the importer as `npm start` loads them.
  const demo = JSON.parse(readFileSync('scripts/demo-data/demo.json', 'utf8')) as Record<string, Array<{ key: string; university?: string }>>
  const result = await importDocument({
    version: 1,
    skills: demo.skills,
    universities: demo.universities!.filter((u) => u.key === 'gxu'),
    courses: demo.courses!.filter((c) => c.university === 'gxu'),
    companies: demo.companies!.filter((c) => c.key === 'lianrong'),
    events: demo.events!.filter((e) => e.key === 'china-asean-contest-2027'),
  })
  expect(result.ok).toBe(true)
})

describe('demo personas', () => {
  test('the flag is derived once: never in production, never on an external database', async () => {
    expect((await startedWith(embedded)).env.demoPersonas).toBe(true)
    expect((await startedWith({ ...embedded, NODE_ENV: 'test' })).env.demoPersonas).toBe(true)
    for (const settings of [production, external, elsewhere]) expect((await startedWith(settings)).env.demoPersonas).toBe(false)
  })

  test('refused in production and with an external database: no buttons, and the action answers 404', async () => {
    for (const settings of [production, external, elsewhere]) {
      const app = await startedWith(settings)
      const page = await app.signin.loader(routeArgs(new Request('http://localhost/signin')))
      expect(page).toEqual({ demoPersonas: false })
      expect(await status(() => app.demo.action(routeArgs(tryAs('admin'))))).toBe(404)
    }
  })

  test('on the embedded default each persona signs in with one click, to a real session with its roles', async () => {
    const app = await startedWith(embedded)
    expect(await app.signin.loader(routeArgs(new Request('http://localhost/signin')))).toEqual({ demoPersonas: true })
    const seen: Record<string, { roles: string[]; landing: string; companies: number; universities: number }> = {}
    for (const persona of demoPersonas) {
      const response = (await app.demo.action(routeArgs(tryAs(persona)))) as Response
      expect(response.status).toBe(302)
      const token = /=([^;]+)/.exec(response.headers.get('Set-Cookie') ?? '')![1]!
      const user = (await app.session.validateSessionToken(token))?.user
      expect(user).not.toBeNull()
      seen[persona] = {
        roles: user!.roles,
        landing: response.headers.get('Location')!.replace(/\/events\/\w+/, '/events/ID'),
        companies: user!.companyIds.length,
        universities: user!.universityIds.length,
      }
    }
    expect(seen).toEqual({
      student: { roles: ['student'], landing: '/', companies: 0, universities: 0 },
      company: { roles: ['company_member'], landing: '/company', companies: 1, universities: 0 },
      staff: { roles: ['university_staff'], landing: '/university', companies: 0, universities: 1 },
      organizer: { roles: ['organizer'], landing: '/organize/events/ID', companies: 0, universities: 0 },
      judge: { roles: [], landing: '/judge/events/ID', companies: 0, universities: 0 },
      admin: { roles: ['admin'], landing: '/admin', companies: 0, universities: 0 },
    })
    // A second click signs in to the same account; nothing is made twice.
    const again = (await app.demo.action(routeArgs(tryAs('student')))) as Response
    const token = /=([^;]+)/.exec(again.headers.get('Set-Cookie') ?? '')![1]!
    const student = (await app.session.validateSessionToken(token))?.user
    const { prisma } = await import('#app/lib/db.server.ts')
    const profile = await prisma.studentProfile.findUniqueOrThrow({
      where: { id: student!.studentProfileId! },
      select: { courses: { select: { verified: true } }, evidence: { select: { kind: true } } },
    })
    expect(profile.courses.map((c) => c.verified).sort()).toEqual([false, true, true, true])
    expect(profile.evidence.map((e) => e.kind).sort()).toEqual(['contest', 'course', 'project'])
    expect(await status(() => app.demo.action(routeArgs(tryAs('nobody'))))).toBe(400)
  })
})
