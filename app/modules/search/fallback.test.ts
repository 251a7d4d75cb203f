// Meilisearch down: writes still succeed, search answers from Postgres (degraded), and
// when Meilisearch returns the outbox drains every change made meanwhile. This file runs
// its own Meilisearch so stopping it never disturbs the other test files.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, test, vi } from 'vitest'
import { startMeilisearch } from '../../../scripts/services.ts'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lq-meili-fallback-'))
const masterKey = randomBytes(16).toString('hex')
let meiliProcess = await startMeilisearch(folder, masterKey, () => {})
const port = meiliProcess.port
// Before the app's modules load: the env module reads them once.
vi.stubEnv('MEILI_URL', `http://127.0.0.1:${port}`)
vi.stubEnv('MEILI_MASTER_KEY', masterKey)

const { prisma } = await import('#app/lib/db.server.ts')
const { checkHealth } = await import('#app/modules/health/health.server.ts')
const { createRole, roleFields: currentFields, updateRole } = await import('#app/modules/roles/roles.server.ts')
const { makeCompanyMember, roleFields, seedSkills } = await import('#tests/fixtures.server.ts')
const { drainOutbox } = await import('./outbox.server.ts')
const { ensureRoleIndex } = await import('./role-index.server.ts')
const { roleSearchSchema } = await import('./schemas.ts')
const { searchRoles } = await import('./search.server.ts')
const { loader: apiLoader } = await import('#app/routes/api.v1.roles.ts')

afterAll(async () => {
  await meiliProcess.stop()
  fs.rmSync(folder, { recursive: true, force: true })
})

const search = (q: string) => searchRoles(roleSearchSchema.parse({ q }))

test('while Meilisearch is down writes succeed and search is degraded; afterwards the outbox catches up', async () => {
  await seedSkills()
  await ensureRoleIndex()
  const { user, companyId } = await makeCompanyMember()
  const before = await createRole(user, companyId, roleFields({ title: { zh: '柳州溯源合约实习生', en: 'Liuzhou traceability intern' } }), 'published')
  await drainOutbox()
  expect((await search('traceability')).hits.map((h) => h.id)).toEqual([before.id])

  await meiliProcess.stop()
  expect((await checkHealth()).search).toBe('down')

  // Writes go through; their outbox rows wait.
  const created = await createRole(
    user,
    companyId,
    roleFields({ title: { zh: '防城港跨境结算实习生', en: 'Fangchenggang settlement intern' }, city: '防城港' }),
    'published',
  )
  const { fields } = await currentFields(user, before.id)
  await updateRole(user, before.id, { ...fields, title: { zh: '柳州数字人民币实习生', en: 'Liuzhou digital yuan intern' } }, 'published')
  expect(await prisma.outboxEntry.count({ where: { processedAt: null } })).toBe(2)
  await expect(drainOutbox()).rejects.toThrow()
  expect(await prisma.outboxEntry.count({ where: { processedAt: null, attempts: { gt: 0 } } })).toBe(2)

  // Search answers from Postgres, flagged as degraded.
  const degraded = await search('settlement')
  expect(degraded.degraded).toBe(true)
  expect(degraded.hits.map((h) => h.id)).toEqual([created.id])
  expect((await search('数字人民币')).hits.map((h) => h.id)).toEqual([before.id])
  expect((await search('防城港')).hits.map((h) => h.id)).toEqual([created.id])
  expect((await searchRoles(roleSearchSchema.parse({ city: ['Fangchenggang'] }))).total).toBe(1)
  const api = await apiLoader({ request: new Request('http://localhost/api/v1/roles?q=intern') })
  const body = (await api.json()) as { degraded: boolean; total: number; facets: { city: Record<string, number> } }
  expect(body).toMatchObject({ degraded: true, total: 2 })
  expect(body.facets.city).toEqual({ nanning: 1, fangchenggang: 1 })

  // Back on the same port and data: the outbox drains and both changes are searchable.
  meiliProcess = await startMeilisearch(folder, masterKey, () => {}, port)
  expect((await checkHealth()).search).toBe('ok')
  expect(await drainOutbox()).toBe(2)
  const settlement = await search('settlement')
  expect(settlement.degraded).toBe(false)
  expect(settlement.hits.map((h) => h.id)).toEqual([created.id])
  const renamed = await search('数字人民币')
  expect(renamed.hits.map((h) => h.id)).toEqual([before.id])
  expect(renamed.hits[0]?.title.en).toBe('Liuzhou digital yuan intern')
  expect((await search('traceability')).hits).toEqual([])
})
