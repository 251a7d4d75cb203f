// Entry point of `npm run import` (run by scripts/with-services.ts); see import-command.ts.
import { consoleIo } from './args.ts'
import { runImportCommand } from './import-command.ts'

process.exit(await runImportCommand(process.argv.slice(2), consoleIo))
