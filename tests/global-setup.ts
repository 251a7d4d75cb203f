// Starts the test run's own PostgreSQL and Meilisearch (fresh folders, free ports, never
// the developer's), migrates a template database, and hands the addresses to the workers.
import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { dataDir } from '../scripts/paths.ts'
import { startServices } from '../scripts/services.ts'
import { runStep } from '../scripts/steps.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string
    meiliUrl: string
    meiliKey: string
    sessionSecret: string
  }
}

export default async function setup(project: TestProject) {
  // One folder per run, so parallel runs (several developers' terminals) never collide.
  const folder = path.join(dataDir('vitest'), String(process.pid))
  const services = await startServices({ dataDir: folder, fresh: true, environment: {}, log: () => {} })
  // A failed migration ends the run without its teardown: stop the services here, or they outlive it.
  await runStep('prisma', ['migrate', 'deploy'], { ...process.env, DATABASE_URL: services.env.DATABASE_URL }).catch(async (error: unknown) => {
    await services.stop()
    throw error
  })
  project.provide('templateDatabaseUrl', services.env.DATABASE_URL)
  project.provide('meiliUrl', services.env.MEILI_URL)
  project.provide('meiliKey', services.env.MEILI_MASTER_KEY)
  project.provide('sessionSecret', services.env.SESSION_SECRET)
  return async () => {
    await services.stop()
    fs.rmSync(folder, { recursive: true, force: true })
  }
}
