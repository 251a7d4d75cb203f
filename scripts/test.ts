// `npm test`: typecheck, lint (with the layer rules), formatting (Prettier), dead code (knip), Vitest (unit + integration on real Postgres and
// Meilisearch), a production build, and Playwright end to end. Stops at the first failure.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { runStep } from './steps.ts'

const require = createRequire(import.meta.url)

const steps: Array<[label: string, tool: string, args: string[]]> = [
  ['typecheck', 'tsc', []],
  ['lint', 'eslint', ['--max-warnings', '0', '.']],
  ['formatting', 'prettier', ['--check', '--log-level', 'warn', '.']],
  ['dead code (knip)', 'knip', ['--no-progress']],
  ['unit and integration tests', 'vitest', ['run']],
  ['production build', 'remix', ['vite:build']],
]

for (const [label, tool, args] of steps) {
  console.log(`\n▶ ${label}`)
  await runStep(tool, args, { ...process.env, NODE_ENV: tool === 'vitest' ? 'test' : 'production' })
}

console.log('\n▶ end-to-end tests')
const chromium = findChromium()
await runStep('playwright', ['test'], { ...process.env, CHROMIUM_PATH: chromium ?? '' })

/**
 * A Chromium for Playwright: the system's first, then Playwright's own; where neither
 * exists, install one where possible, else stop with the exact command to run.
 */
function findChromium(): string | null {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
  const found = () => system.find((candidate) => fs.existsSync(candidate)) ?? null
  const playwrightOwn = () => {
    try {
      const { chromium } = require('@playwright/test') as { chromium: { executablePath(): string } }
      const path = chromium.executablePath()
      return fs.existsSync(path) ? path : null
    } catch {
      return null
    }
  }
  const existing = found()
  if (existing) return existing
  if (playwrightOwn()) return null // Playwright finds its own browser.
  console.log('No Chromium found; trying `npx playwright install chromium`…')
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
    if (playwrightOwn()) return null
  } catch {
    // No network for browser downloads here; try the distribution's package next.
  }
  const isRoot = process.getuid?.() === 0
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian’s chromium with apt-get…')
    execFileSync('apt-get', ['update'], { stdio: 'inherit' })
    execFileSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    const installed = found()
    if (installed) return installed
  }
  console.error(
    '\nNo Chromium for the end-to-end tests. Install one, then run `npm test` again:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk\n' +
      '  elsewhere:      npx playwright install chromium\n',
  )
  process.exit(1)
}
