// Runs in each test file's worker before the file is imported: clones the migrated
// template into a database of the file's own and points the app's environment at it.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterAll, inject } from 'vitest'

const template = new URL(inject('templateDatabaseUrl'))
const templateName = template.pathname.slice(1)
const suffix = randomBytes(5).toString('hex')
const databaseName = `test_${suffix}`

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(template)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

// Concurrent clones of one template can collide ("being accessed by other users"): retry.
for (let attempt = 0; ; attempt++) {
  try {
    await admin((client) => client.query(`CREATE DATABASE "${databaseName}" TEMPLATE "${templateName}"`))
    break
  } catch (error) {
    if (attempt >= 20) throw error
    await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 50))
  }
}

const databaseUrl = new URL(template)
databaseUrl.pathname = `/${databaseName}`
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: databaseUrl.toString(),
  MEILI_URL: inject('meiliUrl'),
  MEILI_MASTER_KEY: inject('meiliKey'),
  MEILI_INDEX_PREFIX: `t${suffix}_`,
  SESSION_SECRET: inject('sessionSecret'),
  RUN_JOBS: 'false',
  DATA_DIR: `.data/vitest/files/${suffix}`,
})

afterAll(async () => {
  const { prisma } = await import('#app/lib/db.server.ts')
  const { stopBoss } = await import('#app/lib/boss.server.ts')
  const { closeMatchIndex } = await import('#app/modules/matching/match-index.server.ts')
  await stopBoss()
  await closeMatchIndex()
  await prisma.$disconnect()
  await admin((client) => client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`))
  const { meili } = await import('#app/modules/search/client.server.ts')
  const { results } = await meili.getIndexes({ limit: 1000 }).catch(() => ({ results: [] as { uid: string }[] }))
  await Promise.all(results.filter((index) => index.uid.startsWith(`t${suffix}_`)).map((index) => meili.deleteIndex(index.uid)))
})
