// Starts fresh services in .data/e2e, migrates, loads the demo data, and serves the
// production build on a free port. Workers inherit the variables set here.
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
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const baseUrl = `http://localhost:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/healthz`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error('the e2e server did not start')
    await new Promise((r) => setTimeout(r, 250))
  }
  Object.assign(process.env, {
    E2E_BASE_URL: baseUrl,
    E2E_DATA_DIR: folder,
    E2E_MAIL_DIR: path.join(folder, 'mail'),
    E2E_DATABASE_URL: services.env.DATABASE_URL,
    E2E_MEILI_URL: services.env.MEILI_URL,
    E2E_MEILI_MASTER_KEY: services.env.MEILI_MASTER_KEY,
    E2E_SESSION_SECRET: services.env.SESSION_SECRET,
  })
  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
    await services.stop()
  }
}
