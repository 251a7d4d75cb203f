// Prisma CLI configuration: the WebAssembly schema engine with a pg driver adapter, so no
// native engine is ever downloaded (docs/design.md, "Prisma without native binaries").
import { defineConfig } from 'prisma/config'
import { createMigrationAdapter } from './prisma/migration-adapter.ts'

// `prisma generate` reads the datasource block but never connects; a placeholder keeps the
// CLI from deciding the schema is unreadable (and downloading a native engine) when unset.
const PLACEHOLDER_URL = 'postgresql://placeholder@127.0.0.1:1/placeholder'
process.env.DATABASE_URL ??= PLACEHOLDER_URL

// With an adapter the migrate commands warn that the datasource `url` is not used, and
// advise removing it; removing it (or leaving its variable unset) makes every command
// download the native engine instead (checked with 6.19.3). The url stays; that one
// warning is dropped, and everything else the CLI prints passes through.
const UNUSED_URL_WARNING = 'Your schema specifies the following datasource properties but you are using a Driver Adapter'
const writeStdout = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
  typeof chunk === 'string' && chunk.includes(UNUSED_URL_WARNING)
    ? true
    : (writeStdout as (...a: unknown[]) => boolean)(chunk, ...rest)) as typeof process.stdout.write

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    // The CLI runs in its own process; scripts/services.ts passes the URL in.
    const url = process.env.DATABASE_URL
    if (!url || url === PLACEHOLDER_URL) throw new Error('DATABASE_URL is not set: run prisma through `npm run db -- …`')
    return createMigrationAdapter(url)
  },
})
