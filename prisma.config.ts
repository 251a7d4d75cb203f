// Prisma CLI configuration: the WebAssembly schema engine with a pg driver adapter, so no
// native engine is ever downloaded (docs/design.md, "Prisma without native binaries").
import { defineConfig } from 'prisma/config'
import { createMigrationAdapter } from './prisma/migration-adapter.ts'

// `prisma generate` reads the datasource block but never connects; a placeholder keeps the
// CLI from deciding the schema is unreadable (and downloading a native engine) when unset.
const PLACEHOLDER_URL = 'postgresql://placeholder@127.0.0.1:1/placeholder'
process.env.DATABASE_URL ??= PLACEHOLDER_URL

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
