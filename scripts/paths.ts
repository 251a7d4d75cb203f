// Where the embedded services keep their data: `.data/<purpose>` at the project root,
// separate for the running app, the Vitest run and the Playwright run.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export function dataDir(purpose: 'dev' | 'vitest' | 'e2e' | 'bench') {
  return path.join(projectRoot, '.data', purpose)
}
