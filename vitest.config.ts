// Unit and integration tests. They run against a real PostgreSQL and Meilisearch started
// for the run (tests/global-setup.ts); each test file gets its own database cloned from a
// migrated template, and its own Meilisearch index prefix (tests/setup-test-env.ts).
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: [{ find: /^#app\/(.*)$/, replacement: path.resolve('app') + '/$1' }],
  },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup-test-env.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
})
