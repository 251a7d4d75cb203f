// `npm run bench`: runs every `bench:*` script in package.json, one after another.
import fs from 'node:fs'
import { spawnSync } from 'node:child_process'

const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
const names = Object.keys(scripts).filter((name) => name.startsWith('bench:'))
if (names.length === 0) {
  console.log('No bench:* scripts yet.')
  process.exit(0)
}
let failed = 0
for (const name of names) {
  console.log(`\n▶ npm run ${name}`)
  const result = spawnSync('npm', ['run', name], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
console.log(`\n${names.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
