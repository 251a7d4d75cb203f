// Operator commands for running several instances: where files live and how the services
// are doing. Registered in cli-commands.ts.
import { z } from 'zod'
import { operationalStatus } from '#app/modules/health/status.server.ts'
import { migrateLocalFiles } from '#app/modules/storage/storage.server.ts'
import { parseCommand, type Io } from './args.ts'

export const OPS_USAGE = `  storage migrate                          moves uploads from local disk (DATA_DIR/uploads) into the file storage
  status [--json]                          services, queue depths, outbox lag, index age, document counts`

const noArguments = z.object({ positionals: z.array(z.string()).max(0) })
const statusSchema = noArguments.extend({ json: z.boolean().default(false) })

async function storageMigrate(argv: string[], io: Io) {
  parseCommand(argv, {}, noArguments)
  const { moved, skipped, to } = await migrateLocalFiles()
  io.out(`${moved} file${moved === 1 ? '' : 's'} moved from local disk into ${to} storage.`)
  for (const key of skipped) io.err(`skipped (not a storage key): ${key}`)
}

const seconds = (s: number | null) => (s === null ? '—' : s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`)

async function status(argv: string[], io: Io) {
  const input = parseCommand(argv, { json: { type: 'boolean' } }, statusSchema)
  const s = await operationalStatus()
  if (input.json) {
    io.out(JSON.stringify(s, null, 2))
    return
  }
  io.out('services')
  io.out(`  postgres      ${s.services.postgres.up ? `up (${s.services.postgres.version})` : 'DOWN'}`)
  io.out(`  meilisearch   ${s.services.meilisearch.up ? 'up' : 'DOWN'} (${s.services.meilisearch.url})`)
  io.out(`  file storage  ${s.services.fileStorage}`)
  io.out('queues (queued / running / failed in the last day)')
  if (s.queues.length === 0) io.out('  none yet (no instance has started its background jobs)')
  for (const q of s.queues) io.out(`  ${q.queue.padEnd(28)} ${q.queued} / ${q.active} / ${q.failed}`)
  io.out('search')
  io.out(`  outbox        ${s.outbox.pending} pending, oldest ${seconds(s.outbox.oldestSeconds)}`)
  io.out(`  roles index   ${s.searchIndex ? `updated ${seconds(s.searchIndex.updatedSecondsAgo)} ago` : 'missing or unreachable'}`)
  io.out(`  matching log  newest change ${seconds(s.matchingChanges.newestSecondsAgo)} ago`)
  io.out('documents')
  io.out(`  open roles    ${s.documents.openRolesInPostgres} in Postgres, ${s.documents.rolesInSearch ?? '—'} in search`)
  io.out(`  students      ${s.documents.students}`)
  io.out(`  stored files  ${s.documents.storedFiles ?? `(in ${s.services.fileStorage})`}`)
}

export const opsCommands: Record<string, (argv: string[], io: Io) => Promise<void>> = {
  'storage migrate': storageMigrate,
  status: status,
}
