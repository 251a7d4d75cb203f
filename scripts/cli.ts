// Entry point of `npm run cli` (run by scripts/with-services.ts); see cli-commands.ts.
import { consoleIo } from './args.ts'
import { runCli } from './cli-commands.ts'

process.exit(await runCli(process.argv.slice(2), consoleIo))
