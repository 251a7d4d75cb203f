// Starts fresh services in .data/e2e, migrates, loads the demo data, and serves the
// production build from two processes on free ports. Workers inherit the variables set here.
import path from 'node:path'
import { dataDir } from '../scripts/paths.ts'
import { startServices } from '../scripts/services.ts'
import { runStep } from '../scripts/steps.ts'
import { freePort, startAppServer } from './app-server.ts'

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
  const baseUrl = `http://localhost:${port}`
  const baseUrlB = `http://localhost:${portB}`
  // Ready means /readyz: the matching index is built and the background jobs run.
  const ready = { readyPath: '/readyz', within: 180_000, output: 'inherit' } as const
  const started = await Promise.allSettled([startAppServer(env, ready), startAppServer({ ...env, PORT: String(portB), APP_ORIGIN: baseUrlB }, ready)])
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()))
    await services.stop()
  }
  // A server that does not come up must not outlive the run (nor keep its services).
  const failed = started.find((result) => result.status === 'rejected')
  if (failed) {
    await stopAll()
    throw failed.reason
  }
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
