// `npm run bench`: runs every `bench:*` script in package.json, one after another, then
// prints the figures each wrote to bench/results/ next to their goals.
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const { scripts } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
const names = Object.keys(scripts).filter((name) => name.startsWith('bench:'))
if (names.length === 0) {
  console.log('No bench:* scripts yet.')
  process.exit(0)
}
const started = Date.now()
let failed = 0
for (const name of names) {
  console.log(`\n▶ npm run ${name}`)
  const result = spawnSync('npm', ['run', name], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}

type Goal = { name: string; value: number; limit: number; pass: boolean }
const resultsDir = path.join('bench', 'results')
console.log('\nfigure                                                             value      goal   ')
for (const file of fs
  .readdirSync(resultsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const full = path.join(resultsDir, file)
  const report = JSON.parse(fs.readFileSync(full, 'utf8')) as { at?: string; targets?: unknown; goals?: unknown }
  const goals = [report.goals, report.targets].find((list): list is Goal[] => Array.isArray(list)) ?? []
  const fresh = fs.statSync(full).mtimeMs >= started ? '' : ` (not rewritten by this run; from ${report.at ?? 'an earlier run'})`
  console.log(`${file}${fresh}`)
  for (const goal of goals)
    console.log(`  ${goal.pass ? 'PASS' : 'FAIL'} ${goal.name.padEnd(60).slice(0, 60)} ${String(goal.value).padStart(9)} ${String(goal.limit).padStart(9)}`)
}
console.log(`\n${names.length - failed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
