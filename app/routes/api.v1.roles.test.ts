import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { createApiToken, revokeApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { inDays, makeCompanyMember, seedSkills } from '#tests/fixtures.server.ts'
import { drainOutbox } from '#app/modules/search/outbox.server.ts'
import { documentedAnswer } from '#app/modules/api-docs/openapi.server.ts'
import { ensureRoleIndex } from '#app/modules/search/role-index.server.ts'
import { action as createAction, loader as listLoader } from './api.v1.roles.ts'
import { action as patchAction, loader as detailLoader } from './api.v1.roles.$id.ts'
import { loader as openApiLoader } from './api.v1.openapi[.]json.ts'
import { apiRequest, routeArgs } from '#tests/api-request.ts'

const base = 'http://localhost/api/v1/roles'

const req = (path: string, init: Parameters<typeof apiRequest>[1] = {}) => apiRequest(`${base}${path}`, init)

function role(overrides: Record<string, unknown> = {}) {
  return {
    key: 'chainfin-solidity-2027',
    title: { zh: 'Solidity 智能合约实习生', en: 'Solidity smart contract intern' },
    description: { zh: '编写并审计 **Solidity** 合约。' },
    kind: 'smart-contract-dev',
    city: 'Nanning',
    workMode: 'hybrid',
    stipendMonthly: { min: 3000, max: 5000 },
    daysPerWeek: 4,
    durationMonths: 6,
    skills: [{ skill: 'solidity', level: 3, required: true }],
    languages: ['zh', 'en'],
    openings: 2,
    deadline: inDays(40),
    status: 'published',
    ...overrides,
  }
}

let tokenA: string
let tokenB: string
let companyA: Awaited<ReturnType<typeof makeCompanyMember>>

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  companyA = await makeCompanyMember({ key: 'chainfin', nameZh: '链融科技', park: 'verified' })
  const companyB = await makeCompanyMember({ key: 'datachain' })
  tokenA = (await createApiToken(companyA.user.id, 'erp')).token
  tokenB = (await createApiToken(companyB.user.id, 'erp')).token
})

describe('roles API', () => {
  test('a company token posts a role (201), it is searchable, and readable by id and key:KEY', async () => {
    const created = await createAction(routeArgs(req('', { method: 'POST', token: tokenA, body: role() })))
    expect(created.status).toBe(201)
    const body = (await created.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      key: 'chainfin-solidity-2027',
      title: { zh: 'Solidity 智能合约实习生', en: 'Solidity smart contract intern' },
      company: { id: companyA.companyId, key: 'chainfin', name: { zh: '链融科技' }, parkIncubated: true },
      kind: 'smart-contract-dev',
      city: 'nanning',
      workMode: 'hybrid',
      stipendMonthly: { min: 3000, max: 5000 },
      skills: [{ skill: 'solidity', level: 3, required: true }],
      deadline: inDays(40),
      description: { zh: '编写并审计 **Solidity** 合约。' },
      daysPerWeek: 4,
      durationMonths: 6,
      languages: ['zh', 'en'],
      openings: 2,
      status: 'published',
    })
    expect(() => documentedAnswer('post', '/api/v1/roles', 201)?.parse(body)).not.toThrow()
    await drainOutbox()
    const list = await listLoader(routeArgs(req('?q=solidty&city=南宁&skill=solidity&perPage=5')))
    expect(list.status).toBe(200)
    const found = (await list.json()) as {
      hits: Array<{ id: string }>
      total: number
      page: number
      perPage: number
      facets: Record<string, Record<string, number>>
      degraded: boolean
    }
    expect(found).toMatchObject({ total: 1, page: 1, perPage: 5, degraded: false })
    expect(() => documentedAnswer('get', '/api/v1/roles', 200)?.parse(found)).not.toThrow()
    expect(found.hits[0]?.id).toBe(body.id)
    expect(found.facets.city).toEqual({ nanning: 1 })
    expect(found.facets.skill).toEqual({ solidity: 1 })
    expect(Object.keys(found.facets)).toEqual(expect.arrayContaining(['city', 'skill', 'kind', 'workMode']))
    expect(found.hits[0]).not.toHaveProperty('highlight')

    const byKey = await detailLoader(routeArgs(req('/key:chainfin-solidity-2027'), { id: 'key:chainfin-solidity-2027' }))
    expect(byKey.status).toBe(200)
    expect(((await byKey.json()) as { id: string }).id).toBe(body.id)
    expect((await detailLoader(routeArgs(req('/key:nope'), { id: 'key:nope' }))).status).toBe(404)
    expect((await listLoader(routeArgs(req('?perPage=500')))).status).toBe(400)
  })

  test('auth: no token 401, revoked token 401; company B editing A’s role is 404', async () => {
    expect((await createAction(routeArgs(req('', { method: 'POST', body: role({ key: 'x1' }) })))).status).toBe(401)
    const revoked = await createApiToken(companyA.user.id, 'old')
    await revokeApiToken(companyA.user.id, revoked.id)
    const withRevoked = await createAction(routeArgs(req('', { method: 'POST', token: revoked.token, body: role({ key: 'x2' }) })))
    expect(withRevoked.status).toBe(401)
    expect(withRevoked.headers.get('Content-Type')).toContain('application/problem+json')

    const created = (await (await createAction(routeArgs(req('', { method: 'POST', token: tokenA, body: role({ key: 'a-role' }) })))).json()) as { id: string }
    const foreign = await patchAction(routeArgs(req(`/${created.id}`, { method: 'PATCH', token: tokenB, body: { openings: 9 } }), { id: created.id }))
    expect(foreign.status).toBe(404)
    const foreignMalformed = await patchAction(routeArgs(req(`/${created.id}`, { method: 'PATCH', token: tokenB, body: '{' }), { id: created.id }))
    expect(foreignMalformed.status).toBe(404)
    expect((await prisma.internshipRole.findUniqueOrThrow({ where: { id: created.id }, select: { openings: true } })).openings).toBe(2)
    // B cannot post into A's company either.
    const intoA = await createAction(routeArgs(req('', { method: 'POST', token: tokenB, body: role({ key: 'b-into-a', company: 'chainfin' }) })))
    expect(intoA.status).toBe(422)
  })

  test('malformed JSON is 400, schema errors 422 with paths, posting rules 422; PATCH updates and closes', async () => {
    const malformed = await createAction(routeArgs(req('', { method: 'POST', token: tokenA, body: '{"title": ' })))
    expect(malformed.status).toBe(400)
    const invalid = await createAction(
      routeArgs(
        req('', {
          method: 'POST',
          token: tokenA,
          body: role({ key: 'bad', stipendMonthly: { min: 'lots' }, skills: [{ skill: 'solidity', level: 9, required: true }], colour: 'red' }),
        }),
      ),
    )
    expect(invalid.status).toBe(422)
    const problem = (await invalid.json()) as { errors: Array<{ path: string; message: string }> }
    const paths = problem.errors.map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['stipendMonthly.min', 'stipendMonthly.max', 'skills.0.level', '']))
    const fee = await createAction(routeArgs(req('', { method: 'POST', token: tokenA, body: role({ key: 'fee', description: { zh: '需缴纳押金 1000 元' } }) })))
    expect(fee.status).toBe(422)
    expect(((await fee.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['description.zh'])
    expect(await prisma.internshipRole.count({ where: { key: { in: ['bad', 'fee'] } } })).toBe(0)

    const created = (await (await createAction(routeArgs(req('', { method: 'POST', token: tokenA, body: role({ key: 'to-patch' }) })))).json()) as {
      id: string
    }
    const patched = await patchAction(
      routeArgs(req(`/key:to-patch`, { method: 'PATCH', token: tokenA, body: { title: { zh: '合约审计实习生' }, openings: 5 } }), { id: 'key:to-patch' }),
    )
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ id: created.id, title: { zh: '合约审计实习生' }, openings: 5, status: 'published' })
    const badPatch = await patchAction(routeArgs(req(`/${created.id}`, { method: 'PATCH', token: tokenA, body: { company: 'datachain' } }), { id: created.id }))
    expect(badPatch.status).toBe(422)
    const closed = await patchAction(routeArgs(req(`/${created.id}`, { method: 'PATCH', token: tokenA, body: { status: 'closed' } }), { id: created.id }))
    expect(await closed.json()).toMatchObject({ status: 'closed', open: false })
    await drainOutbox()
    const search = (await (await listLoader(routeArgs(req('?q=合约审计&perPage=100')))).json()) as { hits: Array<{ id: string }> }
    expect(search.hits.length).toBeGreaterThan(0)
    expect(search.hits.map((h) => h.id)).not.toContain(created.id)
  })

  test('a token used outside its scope gets 403 naming the missing scope; an expired token is a 401', async () => {
    const readOnly = (await createApiToken(companyA.user.id, 'reader', { scopes: ['roles:read'] })).token
    const refused = await createAction(routeArgs(req('', { method: 'POST', token: readOnly, body: role({ key: 'scope-test' }) })))
    expect(refused.status).toBe(403)
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await refused.json()).toMatchObject({ status: 403, missingScope: 'roles:write', title: expect.stringContaining('roles:write') })
    expect(await prisma.internshipRole.count({ where: { key: 'scope-test' } })).toBe(0)
    expect((await listLoader(routeArgs(req('', { token: readOnly })))).status).toBe(200)
    const writeOnly = (await createApiToken(companyA.user.id, 'writer', { scopes: ['roles:write'] })).token
    expect(await (await listLoader(routeArgs(req('', { token: writeOnly })))).json()).toMatchObject({ status: 403, missingScope: 'roles:read' })
    const expired = await createApiToken(companyA.user.id, 'old')
    await prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect((await listLoader(routeArgs(req('', { token: expired.token })))).status).toBe(401)
  })

  test('the OpenAPI document covers every endpoint of api-v1.md', async () => {
    const response = await openApiLoader()
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/api/v1/roles',
        '/api/v1/roles/{id}',
        '/api/v1/roles/{id}/applications',
        '/api/v1/roles/{id}/candidates',
        '/api/v1/students/{id}/recommendations',
        '/api/v1/universities/{id}/skill-gap',
        '/api/v1/applications',
        '/api/v1/applications/{id}',
        '/api/v1/events',
        '/api/v1/events/{id}',
        '/api/v1/events/{id}/registrations',
        '/api/v1/events/{id}/registrations/me',
      ]),
    )
    expect(Object.keys(doc.paths['/api/v1/roles'] ?? {})).toEqual(['get', 'post'])
  })
})
