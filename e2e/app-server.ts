// server.ts processes for e2e: the global setup's two, and a spec's own where the shared
// production servers cannot show something (development mode, a host without APP_ORIGIN).
import { spawn } from 'node:child_process'
import net from 'node:net'
import { projectRoot } from '../scripts/paths.ts'
import { serverNodeArgs } from '../scripts/server-command.ts'

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** A spec's own server on the services the global setup started; the setup's server runs the jobs. */
export function e2eServerEnv(port: number, overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    MEILI_URL: process.env.E2E_MEILI_URL,
    MEILI_MASTER_KEY: process.env.E2E_MEILI_MASTER_KEY,
    SESSION_SECRET: process.env.E2E_SESSION_SECRET,
    CREDENTIALS_KEY: process.env.E2E_CREDENTIALS_KEY,
    DATA_DIR: process.env.E2E_DATA_DIR,
    RUN_JOBS: 'false',
    LOG_LEVEL: 'warn',
    ...overrides,
  }
}

export type AppServer = { logs: () => string; stop: () => Promise<void> }

/**
 * Starts server.ts and waits until `readyPath` answers (slow on a busy machine). A server that
 * does not come up is stopped, and the error carries what it printed when its output is piped.
 */
export async function startAppServer(
  env: NodeJS.ProcessEnv,
  options: { readyPath: '/healthz' | '/readyz'; within: number; output: 'pipe' | 'inherit' },
): Promise<AppServer> {
  const child = spawn(process.execPath, serverNodeArgs, { cwd: projectRoot, env, stdio: ['ignore', options.output, options.output] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  const url = `http://127.0.0.1:${env.PORT}${options.readyPath}`
  const deadline = Date.now() + options.within
  for (;;) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { logs: () => output, stop }
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop()
      throw new Error(`the server on port ${env.PORT} did not start${output ? `:\n${output}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
