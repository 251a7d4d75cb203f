// The malformed-input sweep: every page action and every API endpoint, found by listing
// app/routes (a new route is swept without being added here), gets wrong types, missing and
// extra fields, overlong strings, invalid UTF-8, a wrong content type and a body over the
// limit, over real HTTP through the body-limit middleware, as a user who may use the page.
// No answer may be a 5xx, and a refusal must be in the reader's language.
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { afterBodyRefusal, bodyLimits, FORM_BODY_LIMIT, API_BODY_LIMIT, isBodyTooLarge } from '#app/lib/body-limit.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { PRIVACY_NOTICE_VERSION } from '#app/modules/privacy/notice.ts'
import { requestContextStorage } from '#app/lib/request-context.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { createSession, loadSessionUser, SESSION_COOKIE, type SessionUser } from '#app/modules/auth/session.server.ts'
import { createTeam } from '#app/modules/events/teams.server.ts'
import { createRole } from '#app/modules/roles/roles.server.ts'
import { makeEvent, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'

const routesDir = path.resolve('app/routes')
const routeFiles = fs
  .readdirSync(routesDir)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .sort()

type RouteModule = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown }
type Ids = Record<string, string>

/** The URL and params Remix's flat routes give a file, with ids of rows the user may see. */
function urlFor(file: string, ids: Ids) {
  const segments = file.replace(/\.tsx?$/, '').match(/(?:\[[^\]]*\]|[^.])+/g) ?? []
  const parts: string[] = []
  const params: Record<string, string> = {}
  let previous = ''
  for (const raw of segments) {
    const segment = raw.replace(/_$/, '')
    if (segment === '_index' || segment.startsWith('_')) continue
    if (segment === '$') {
      params['*'] = 'no-such-thing'
      parts.push('no-such-thing')
    } else if (segment.startsWith('$')) {
      const name = segment.slice(1)
      const value = (name === 'id' ? ids[previous] : ids[name]) ?? 'no-such-id'
      params[name] = value
      parts.push(value)
    } else {
      parts.push(segment.replace(/\[([^\]]*)\]/g, '$1'))
    }
    previous = segment
  }
  return { url: `/${parts.join('/')}`, params }
}

/** Field names and intents the route's own source mentions (form inputs, Conform fields). */
function formVocabulary(source: string) {
  const fields = new Set<string>()
  for (const match of source.matchAll(/name="([\w.[\]-]+)"/g)) fields.add(match[1]!)
  for (const match of source.matchAll(/fields\.(\w+)/g)) fields.add(match[1]!)
  for (const match of source.matchAll(/formData\.get(?:All)?\('([\w.[\]-]+)'\)/g)) fields.add(match[1]!)
  fields.delete('intent')
  const intents = new Set<string>([''])
  for (const match of source.matchAll(/case '([\w-]+)'/g)) intents.add(match[1]!)
  for (const match of source.matchAll(/name="intent" value="([\w-]+)"/g)) intents.add(match[1]!)
  for (const match of source.matchAll(/(?:intent|form) === '([\w-]+)'/g)) intents.add(match[1]!)
  return { fields: [...fields], intents: [...intents] }
}

/** Every key the shared schemas know: an API body with all of them, wrongly typed, misses none. */
function schemaKeys() {
  const keys = new Set<string>()
  const files = ['applications', 'auth', 'companies', 'events', 'matching', 'roles', 'saved-searches', 'search', 'students', 'universities']
    .map((area) => path.resolve('app/modules', area, 'schemas.ts'))
    .concat(path.resolve('app/modules/import/schema.ts'))
  for (const file of files.filter((f) => fs.existsSync(f))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/^\s+(\w+): (?:z\.|optional|checkbox|http|email|password|name|dateTime|key|text)/gm))
      keys.add(match[1]!)
  }
  return [...keys]
}

type Case = { name: string; method: string; headers: Record<string, string>; body?: Buffer; query?: string }
type Answer = { status: number; type: string; body: string }

const modules = new Map<string, RouteModule>()
const routeParams = new Map<string, Record<string, string>>()
let server: http.Server
let port = 0
let user: SessionUser
let apiToken = ''
const ids: Ids = {}

/** The app's request handling around the route modules: request context, body limits, then the route. */
function startSweepServer() {
  const app = express()
  app.use((req, _res, next) => {
    requestContextStorage.run(
      { requestId: 'sweep', nonce: 'n', clientIp: '127.0.0.1', https: false, servedInClear: false, setCookies: [], memo: new Map() },
      () => next(),
    )
  })
  app.use(bodyLimits)
  app.all('*', async (req, res, next) => {
    const file = req.get('X-Sweep-Route') ?? ''
    const module = modules.get(file)
    const handler = req.method === 'GET' ? module?.loader : module?.action
    if (!handler) return void res.status(405).end()
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(`http://localhost${req.originalUrl}`, {
      method: req.method,
      headers,
      ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: 'half' } : {}),
    } as RequestInit)
    let status = 200
    let type = 'text/plain'
    let body: string
    try {
      const result = await handler({ request, params: routeParams.get(file) ?? {}, context: {} })
      if (result instanceof Response) {
        status = result.status
        type = result.headers.get('Content-Type') ?? ''
        body = status >= 300 && status < 400 ? '' : await result.text()
      } else if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
        const wrapped = result as { data: unknown; init?: { status?: number } | null }
        status = wrapped.init?.status ?? 200
        body = JSON.stringify(wrapped.data)
      } else {
        body = JSON.stringify(result ?? null)
      }
    } catch (thrown) {
      if (thrown instanceof Response) {
        status = thrown.status
        body = status >= 300 && status < 400 ? '' : await thrown.text()
      } else if (isBodyTooLarge(thrown)) {
        return next(thrown)
      } else {
        status = 500
        body = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)
      }
    }
    if (!res.headersSent) res.status(status).set('X-Sweep-Type', type).send(body)
  })
  app.use(afterBodyRefusal)
  server = app.listen(0)
  return new Promise<void>((resolve) =>
    server.once('listening', () => {
      port = (server.address() as AddressInfo).port
      resolve()
    }),
  )
}

function send(file: string, url: string, c: Case, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'X-Sweep-Route': file, 'Accept-Language': 'zh-CN', ...c.headers }
    if (cookie) headers.Cookie = cookie
    if (c.body) headers['Content-Length'] = String(c.body.length)
    // One connection per case, so no case meets a connection an earlier answer closed.
    const request = http.request({ host: '127.0.0.1', port, path: url + (c.query ?? ''), method: c.method, headers, agent: false })
    let answered = false
    request.on('response', (response) => {
      answered = true
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['x-sweep-type'] ?? response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    request.on('error', (error) => (answered ? undefined : reject(new Error(`${c.name}: ${error.message}`))))
    request.end(c.body)
  })
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded' }
const encode = (entries: Array<[string, string]>) => Buffer.from(new URLSearchParams(entries).toString())

function pageCases(fields: string[], intents: string[]): Case[] {
  const cases: Case[] = []
  const post = (name: string, body: Buffer, headers: Record<string, string> = form): Case => ({ name, method: 'POST', headers, body })
  const each = (intent: string, value: (field: string, index: number) => string) => [
    ...(intent ? ([['intent', intent]] as Array<[string, string]>) : []),
    ...fields.map((field, index): [string, string] => [field, value(field, index)]),
  ]
  const overlong = Math.max(500, Math.floor((FORM_BODY_LIMIT - 2_000) / Math.max(1, fields.length + 1)))
  for (const intent of intents) {
    cases.push(post(`missing fields (${intent || 'no intent'})`, encode(intent ? [['intent', intent]] : [])))
    cases.push(post(`wrong types (${intent})`, encode(each(intent, (_f, i) => ['abc', '-1', '1e309', '[object Object]', '2026-13-45', 'NaN'][i % 6]!))))
    cases.push(post(`extra fields (${intent})`, encode([...each(intent, () => 'x'), ['__proto__', 'x'], ['constructor', 'y'], ['unknown_field', 'z']])))
    cases.push(post(`overlong strings (${intent})`, encode(each(intent, () => 'x'.repeat(overlong)))))
    cases.push(post(`one very long field (${intent})`, encode(each(intent, (_f, i) => (i === 0 ? '长'.repeat(20_000) : 'x')))))
    cases.push(post(`NUL and control characters (${intent})`, encode(each(intent, () => 'a\u0000b\u0007c\u202e'))))
    const invalidUtf8 = Buffer.concat([
      encode(each(intent, () => 'v')),
      Buffer.from('&'),
      Buffer.from(fields[0] ?? 'field'),
      Buffer.from('='),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    ])
    cases.push(post(`invalid UTF-8 (${intent})`, invalidUtf8))
  }
  cases.push(post('wrong content type', Buffer.from('{"intent":"x"}'), { 'Content-Type': 'application/json' }))
  cases.push(
    post('multipart where a form is expected', Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n--b--\r\n'), {
      'Content-Type': 'multipart/form-data; boundary=b',
    }),
  )
  cases.push(post('broken multipart', Buffer.from('--b\r\nnonsense'), { 'Content-Type': 'multipart/form-data; boundary=b' }))
  cases.push(post('body over the limit', Buffer.alloc(FORM_BODY_LIMIT + 1024, 'a')))
  return cases
}

function apiCases(keys: string[]): Case[] {
  const json = { 'Content-Type': 'application/json' }
  const wrong = [[], {}, 12345, true, null, 'x'.repeat(3000), -1, [{ a: 1 }]]
  const withAll = (value: (i: number) => unknown) => Buffer.from(JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, value(i)]))))
  const cases: Case[] = [
    {
      name: 'garbage query',
      method: 'GET',
      headers: {},
      query: `?page=-1&perPage=abc&limit=1e309&sort=%FF&status=zzz&q=${'q'.repeat(3000)}&city=%00&skills=,,,`,
    },
  ]
  for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
    cases.push(
      { name: `${method} missing fields`, method, headers: json, body: Buffer.from('{}') },
      { name: `${method} wrong types`, method, headers: json, body: withAll((i) => wrong[i % wrong.length]) },
      { name: `${method} not an object`, method, headers: json, body: Buffer.from('[1,2,3]') },
      {
        name: `${method} overlong strings`,
        method,
        headers: json,
        body: withAll(() => 'x'.repeat(Math.floor((API_BODY_LIMIT - 10_000) / Math.max(1, keys.length)))),
      },
      { name: `${method} NUL characters`, method, headers: json, body: withAll(() => 'a\u0000b') },
      {
        name: `${method} invalid UTF-8`,
        method,
        headers: json,
        body: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","key":"x"}')]),
      },
      { name: `${method} invalid JSON`, method, headers: json, body: Buffer.from('{"a":') },
      { name: `${method} wrong content type`, method, headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('{}') },
      { name: `${method} body over the limit`, method, headers: json, body: Buffer.alloc(API_BODY_LIMIT + 1024, 'a') },
    )
  }
  return cases
}

/** zod's own English texts: seeing one means a message was not translated. */
const untranslated = /"(Required|Invalid input|Expected [a-z]+, received [a-z]+|String must contain[^"]*|Invalid (?:enum value|date|url|email)[^"]*)"/

beforeAll(async () => {
  for (const file of routeFiles) modules.set(file, (await import(path.join(routesDir, file))) as RouteModule)
  await seedSkills()
  const university = await prisma.university.create({ data: { nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
  const course = await prisma.course.create({ data: { universityId: university.id, code: 'BC101', titleZh: '区块链导论' }, select: { id: true } })
  // Verified: only a verified company publishes roles (docs/decisions/016).
  const company = await prisma.company.create({ data: { nameZh: '南宁链科', city: 'nanning', verifiedAt: new Date() }, select: { id: true } })
  const created = await prisma.user.create({
    data: {
      email: 'everyone@sweep.example',
      name: '全能用户',
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      roles: { createMany: { data: (['student', 'company_member', 'university_staff', 'organizer', 'admin'] as const).map((role) => ({ role })) } },
      studentProfile: { create: { universityId: university.id } },
      companyMembers: { create: { companyId: company.id, role: 'owner' } },
      universityStaff: { create: { universityId: university.id } },
    },
    select: { id: true, studentProfile: { select: { id: true } } },
  })
  user = (await loadSessionUser(created.id))!
  const role = await createRole(user, company.id, roleFields(), 'published')
  const applicant = await makeUser(['student'])
  const application = await applyToRole((await loadSessionUser(applicant.id))!, role.id, {})
  const eventId = await makeEvent(user, { kind: 'contest', teamSizeMin: 1, teamSizeMax: 3 })
  const team = await createTeam(eventId, user, { name: '清扫队' })
  const skill = await prisma.skill.findFirstOrThrow({ select: { id: true } })
  Object.assign(ids, {
    roles: role.id,
    events: eventId,
    teams: team.id,
    applications: application.id,
    companies: company.id,
    skills: skill.id,
    resume: 'no-such-resume',
    students: created.studentProfile!.id,
    universities: university.id,
    courseId: course.id,
    token: 'x'.repeat(26),
    index: '0',
    name: 'nothing.eml',
  })
  for (const file of routeFiles) routeParams.set(file, urlFor(file, ids).params)
  apiToken = (await createApiToken(user.id, 'sweep')).token
  await startSweepServer()
}, 120_000)

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

describe('malformed-input sweep', () => {
  test('the route list is read from app/routes', () => {
    expect(routeFiles.length).toBeGreaterThan(60)
    expect(routeFiles).toContain('signin.tsx')
  })

  const pageRoutes = routeFiles.filter((f) => !f.startsWith('api.'))
  const apiRoutes = routeFiles.filter((f) => f.startsWith('api.'))

  test.each(pageRoutes)('page action %s: no 5xx, refusals in the reader’s language', async (file) => {
    const module = modules.get(file)!
    if (!module.action) return
    const { url } = urlFor(file, ids)
    const { fields, intents } = formVocabulary(fs.readFileSync(path.join(routesDir, file), 'utf8'))
    const failures: string[] = []
    for (const c of pageCases(fields, intents)) {
      // A fresh session each time: an action may end the one it was given (sign out).
      const { token } = await createSession(user.id)
      const answer = await send(file, url, c, `${SESSION_COOKIE}=${token}; lq_lang=zh-CN`)
      if (answer.status >= 500) failures.push(`${c.name}: ${answer.status} ${answer.body.slice(0, 600)}`)
      else if (untranslated.test(answer.body)) failures.push(`${c.name}: untranslated ${answer.body.slice(0, 300)}`)
      if (c.name === 'body over the limit' && answer.status !== 413) failures.push(`${c.name}: ${answer.status}, not 413`)
      if (c.name === 'wrong content type' && answer.status !== 415) failures.push(`${c.name}: ${answer.status}, not 415`)
    }
    expect(failures).toEqual([])
  })

  test.each(apiRoutes)('API endpoint %s: no 5xx, problem+json in the reader’s language', async (file) => {
    const { url } = urlFor(file, ids)
    const failures: string[] = []
    for (const c of apiCases(schemaKeys())) {
      const answer = await send(file, url, { ...c, headers: { ...c.headers, Authorization: `Bearer ${apiToken}` } })
      if (answer.status === 405) continue
      if (answer.status >= 500) failures.push(`${c.name}: ${answer.status} ${answer.body.slice(0, 600)}`)
      else if (untranslated.test(answer.body)) failures.push(`${c.name}: untranslated ${answer.body.slice(0, 300)}`)
      else if (answer.status >= 400 && !answer.type.includes('problem+json') && answer.status !== 404)
        failures.push(`${c.name}: ${answer.status} as ${answer.type}`)
      if (c.name.endsWith('body over the limit') && answer.status !== 413) failures.push(`${c.name}: ${answer.status}, not 413`)
    }
    expect(failures).toEqual([])
  })

  test.each(pageRoutes)('page loader %s with a garbage query: no 5xx', async (file) => {
    const module = modules.get(file)!
    if (!module.loader) return
    const { url } = urlFor(file, ids)
    const { token } = await createSession(user.id)
    const query = `?page=-1&sort=%FF&q=${encodeURIComponent('长'.repeat(2000))}&status=zzz&as=zzz&city=%00&kind=zzz&intent=zzz&limit=1e309&redirectTo=%2F%5Cevil.example`
    const answer = await send(file, url, { name: 'garbage query', method: 'GET', headers: {}, query }, `${SESSION_COOKIE}=${token}; lq_lang=zh-CN`)
    expect(answer.status, answer.body.slice(0, 600)).toBeLessThan(500)
  })
})
