// Runs one command with the services' variables set: `tsx scripts/with-services.ts CMD…`.
// Used by `npm run db`, `npm run dev`, `npm run import`, `npm run cli`, `npm run reindex`.
import { spawn } from 'node:child_process'
import { startServices, stopOnSignals } from './services.ts'
import { dataDir } from './paths.ts'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: tsx scripts/with-services.ts COMMAND [ARGS…]')
  process.exit(2)
}

const services = await startServices({ dataDir: dataDir('dev') })
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, ...services.env },
})
stopOnSignals(services, async () => {
  child.kill('SIGTERM')
})
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
await services.stop()
process.exit(code)
