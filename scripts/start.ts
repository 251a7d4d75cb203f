// `npm start`: services, migrations, demo data on first run, a build when the sources
// changed, then the server. `npm run dev` (--dev): the same with Vite's hot reload.
// Never prompts; stopping it (Ctrl-C, SIGTERM) stops the server and then the services.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { startServices, stopOnSignals } from './services.ts'
import { dataDir, projectRoot } from './paths.ts'
import { runStep } from './steps.ts'
import { serverNodeArgs } from './server-command.ts'

const dev = process.argv.includes('--dev')
const services = await startServices({ dataDir: dataDir('dev') })
const running: { server?: ReturnType<typeof spawn> } = {}
stopOnSignals(services, async () => {
  const server = running.server
  if (!server || server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  await exited
})

const env = { ...process.env, ...services.env, DATA_DIR: dataDir('dev') }
try {
  // Both checks are one cheap query; the tools they guard take seconds to start.
  const state = await databaseState(services.env.DATABASE_URL)
  if (state.pendingMigrations) await runStep('prisma', ['migrate', 'deploy'], env)
  if (state.pendingMigrations || state.empty) await runStep('tsx', ['scripts/import.ts', '--demo-if-empty'], env)
  if (!dev) await buildIfStale(env)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  await services.stop()
  process.exit(1)
}

const server = spawn(process.execPath, serverNodeArgs, {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...env, NODE_ENV: dev ? 'development' : 'production' },
})
running.server = server
server.on('exit', async (code) => {
  await services.stop()
  process.exit(code ?? 0)
})

/** Whether migrations in prisma/migrations are not yet applied, and whether there is any data. */
async function databaseState(databaseUrl: string) {
  const folders = fs
    .readdirSync(path.join(projectRoot, 'prisma', 'migrations'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`)
    if (!table.rows[0]?.present) return { pendingMigrations: true, empty: true }
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    const done = new Set(applied.rows.map((row) => row.migration_name))
    const universities = await client.query('SELECT 1 FROM "University" LIMIT 1')
    return { pendingMigrations: folders.some((name) => !done.has(name)), empty: universities.rowCount === 0 }
  } finally {
    await client.end()
  }
}

/** Builds only when a source file changed since the last build, so restarts are quick. */
async function buildIfStale(environment: NodeJS.ProcessEnv) {
  const stampFile = path.join(projectRoot, 'build', '.source-stamp')
  const stamp = sourceStamp()
  const previous = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : ''
  if (previous === stamp && fs.existsSync(path.join(projectRoot, 'build/server/index.js'))) return
  await runStep('remix', ['vite:build'], { ...environment, NODE_ENV: 'production' })
  fs.writeFileSync(stampFile, stamp)
}

function sourceStamp() {
  const hash = createHash('sha256')
  const visit = (entry: string) => {
    const full = path.join(projectRoot, entry)
    if (!fs.existsSync(full)) return
    const stat = fs.statSync(full)
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) visit(path.join(entry, child))
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  for (const entry of ['app', 'public', 'vite.config.ts', 'package-lock.json']) visit(entry)
  return hash.digest('hex')
}
