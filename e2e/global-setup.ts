// Starts fresh services in .data/e2e, migrates, loads the demo data, and serves the
// production build from two processes on free ports. Workers inherit the variables set here.
import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { dataDir, projectRoot } from '../scripts/paths.ts'
import { startServices } from '../scripts/services.ts'
import { runStep } from '../scripts/steps.ts'

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export default async function globalSetup() {
  const folder = dataDir('e2e')
  const services = await startServices({ dataDir: folder, fresh: true, environment: {}, log: () => {} })
  const port = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    DATA_DIR: folder,
    PORT: String(port),
    NODE_ENV: 'production' as const,
    LOG_LEVEL: 'warn',
    // Sign-in limits stay on; the rate-limit spec uses its own account.
    APP_ORIGIN: `http://localhost:${port}`,
  }
  await runStep('prisma', ['migrate', 'deploy'], env)
  await runStep('tsx', ['scripts/import.ts', '--demo-if-empty'], env)
  // Two instances on the same PostgreSQL and Meilisearch (e2e/two-instances.spec.ts); the
  // other specs use the first. The second answers to its own origin, as a replica behind
  // a proxy answers to the proxy's.
  const portB = await freePort()
  const servers = [spawnServer(env), spawnServer({ ...env, PORT: String(portB), APP_ORIGIN: `http://localhost:${portB}` })]
  const baseUrl = `http://localhost:${port}`
  const baseUrlB = `http://localhost:${portB}`
  const stopAll = async () => {
    await Promise.all(
      servers.map((server) => {
        if (server.exitCode !== null || server.signalCode !== null) return undefined
        const exited = new Promise((resolve) => server.once('exit', resolve))
        server.kill('SIGTERM')
        return exited
      }),
    )
    await services.stop()
  }
  // A server that does not come up must not outlive the run (nor keep its services).
  await Promise.all([waitUntilReady(baseUrl, servers[0]!), waitUntilReady(baseUrlB, servers[1]!)]).catch(async (error: unknown) => {
    await stopAll()
    throw error
  })
  Object.assign(process.env, {
    E2E_BASE_URL: baseUrl,
    E2E_BASE_URL_B: baseUrlB,
    E2E_DATA_DIR: folder,
    E2E_MAIL_DIR: path.join(folder, 'mail'),
    E2E_DATABASE_URL: services.env.DATABASE_URL,
    E2E_MEILI_URL: services.env.MEILI_URL,
    E2E_MEILI_MASTER_KEY: services.env.MEILI_MASTER_KEY,
    E2E_SESSION_SECRET: services.env.SESSION_SECRET,
    E2E_CREDENTIALS_KEY: services.env.CREDENTIALS_KEY,
  })
  return stopAll
}

function spawnServer(env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: projectRoot, env, stdio: ['ignore', 'inherit', 'inherit'] })
}

/** Waits for /readyz: the matching index is built and the background jobs run (slow on a busy machine). */
async function waitUntilReady(baseUrl: string, server: ReturnType<typeof spawnServer>) {
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the e2e server at ${baseUrl} did not start`)
    await new Promise((r) => setTimeout(r, 250))
  }
}
