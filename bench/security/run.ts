// `npm run bench:security`: hostile input against the production server. 8 anonymous
// 300 MB POSTs to /signin and 8 to the JSON API, all at once, first with a declared
// Content-Length and then chunked. Each must be answered 413 within 1 s, and the app's
// resident memory must not grow by more than 50 MB. Runs with the development services
// (`scripts/with-services.ts`), builds the app if there is no build yet, and writes
// bench/results/security.json; stops the server it started, also on error.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { projectRoot } from '#scripts/paths.ts'
import { runStep } from '#scripts/steps.ts'

const PARALLEL = 8
const BODY_BYTES = 300 * 1024 * 1024
const GOAL_ANSWER_MS = 1_000
const GOAL_RSS_GROWTH_MB = 50
const MB = 1024 * 1024

const log = (message: string) => console.log(`[bench:security] ${message}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (n: number, digits = 1) => Number(n.toFixed(digits))

function rssBytes(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

type Attempt = { status: number; ms: number; sentMB: number }

/** One hostile upload: sends as fast as the server reads until it answers, then stops. */
function hostilePost(port: number, urlPath: string, contentType: string, chunked: boolean): Promise<Attempt> {
  return new Promise((resolve) => {
    const started = performance.now()
    const headers: Record<string, string> = { 'Content-Type': contentType, 'Accept-Language': 'en' }
    if (!chunked) headers['Content-Length'] = String(BODY_BYTES)
    const request = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', headers, agent: false })
    const chunk = Buffer.alloc(MB, 'a')
    let sent = 0
    let done = false
    const finish = (status: number) => {
      if (done) return
      done = true
      resolve({ status, ms: performance.now() - started, sentMB: round(sent / MB) })
      request.destroy()
    }
    request.on('response', (response) => {
      response.resume()
      finish(response.statusCode ?? 0)
    })
    request.on('error', () => finish(0))
    const pump = () => {
      while (!done && sent < BODY_BYTES) {
        sent += chunk.length
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      if (!done) request.end()
    }
    pump()
  })
}

function summary(attempts: Attempt[]) {
  const times = attempts.map((a) => a.ms).sort((a, b) => a - b)
  return {
    statuses: attempts.map((a) => a.status),
    maxMs: round(times.at(-1) ?? 0),
    medianMs: round(times[Math.floor((times.length - 1) / 2)] ?? 0),
    maxSentMB: Math.max(...attempts.map((a) => a.sentMB)),
  }
}

// The refusals need no data, but the pages and the API's rate limit need the schema.
await runStep('prisma', ['migrate', 'deploy'], process.env)
const buildEntry = path.join(projectRoot, 'build/server/index.js')
if (!fs.existsSync(buildEntry)) {
  log('building for production (remix vite:build)')
  await runStep('remix', ['vite:build'], process.env)
}

const port = await freePort()
const logFile = path.join(projectRoot, '.data', 'bench-security-server.log')
fs.mkdirSync(path.dirname(logFile), { recursive: true })
const logFd = fs.openSync(logFile, 'w')
const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
  cwd: projectRoot,
  env: { ...process.env, PORT: String(port), NODE_ENV: 'production', RUN_JOBS: 'false', LOG_LEVEL: 'warn' },
  stdio: ['ignore', logFd, logFd],
})
fs.closeSync(logFd)
const stopServer = async () => {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopServer().finally(() => process.exit(130)))

try {
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  while (
    !(await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the app did not start; see ${logFile}`)
    await sleep(250)
  }
  // Warm up the pages the server would render anyway, then take the baseline.
  for (const page of ['/', '/signin', '/roles']) await fetch(`${base}${page}`).then((r) => r.arrayBuffer())
  await sleep(500)
  const pid = server.pid ?? 0
  const baseline = rssBytes(pid) ?? 0
  let peak = baseline
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid) ?? 0)), 20)

  const round1 = async (chunked: boolean) => {
    const [signin, api] = await Promise.all([
      Promise.all(Array.from({ length: PARALLEL }, () => hostilePost(port, '/signin', 'application/x-www-form-urlencoded', chunked))),
      Promise.all(Array.from({ length: PARALLEL }, () => hostilePost(port, '/api/v1/roles', 'application/json', chunked))),
    ])
    return { signin: summary(signin), api: summary(api) }
  }
  log(`${PARALLEL} + ${PARALLEL} parallel 300 MB POSTs with Content-Length`)
  const declared = await round1(false)
  log(`${PARALLEL} + ${PARALLEL} parallel 300 MB POSTs, chunked`)
  const chunked = await round1(true)
  await sleep(500)
  clearInterval(sampler)
  peak = Math.max(peak, rssBytes(pid) ?? 0)
  const alive = await fetch(`${base}/healthz`).then(
    (r) => r.ok,
    () => false,
  )

  const growthMB = round((peak - baseline) / MB)
  const all = [declared.signin, declared.api, chunked.signin, chunked.api]
  // A declared size is refused 413 before anything else. A chunked body is counted while it
  // is read, so an endpoint that refuses first (the API answers an anonymous call 401
  // without reading) may answer that instead; either way nothing is read past the limit.
  const declaredRefused = [declared.signin, declared.api].every((s) => s.statuses.every((status) => status === 413))
  const chunkedRefused = [chunked.signin, chunked.api].every((s) => s.statuses.every((status) => status === 413 || status === 401))
  const slowest = Math.max(...all.map((s) => s.maxMs))
  const rows = [
    ['declared: every 413', declaredRefused ? 'yes' : `no (${[declared.signin, declared.api].flatMap((s) => s.statuses).join(',')})`, 'yes', declaredRefused],
    [
      'chunked: 413 (API 401)',
      chunkedRefused
        ? `yes (${[...new Set(chunked.signin.statuses.concat(chunked.api.statuses))].join('/')})`
        : `no (${[chunked.signin, chunked.api].flatMap((s) => s.statuses).join(',')})`,
      'yes',
      chunkedRefused,
    ],
    ['slowest answer', `${slowest} ms`, `≤ ${GOAL_ANSWER_MS} ms`, slowest <= GOAL_ANSWER_MS],
    ['RSS growth', `${growthMB} MB (${round(baseline / MB)} → ${round(peak / MB)} MB)`, `≤ ${GOAL_RSS_GROWTH_MB} MB`, growthMB <= GOAL_RSS_GROWTH_MB],
    ['server still answers', alive ? 'yes' : 'no', 'yes', alive],
  ] as const
  console.log('\nfigure                 measured                        goal')
  for (const [name, measured, goal, ok] of rows) console.log(`${ok ? '✓' : '✗'} ${name.padEnd(21)} ${String(measured).padEnd(31)} ${goal}`)
  for (const [label, result] of [
    ['Content-Length', declared],
    ['chunked', chunked],
  ] as const) {
    for (const [target, s] of [
      ['/signin', result.signin],
      ['/api/v1/roles', result.api],
    ] as const) {
      console.log(`  ${label.padEnd(14)} ${target.padEnd(14)} median ${s.medianMs} ms, max ${s.maxMs} ms, at most ${s.maxSentMB} MB sent before the answer`)
    }
  }
  const passed = rows.every((row) => row[3])
  const results = {
    benchmark: 'security.hostile-input',
    at: new Date().toISOString(),
    node: process.version,
    parallel: PARALLEL,
    bodyMB: BODY_BYTES / MB,
    goals: { answerMs: GOAL_ANSWER_MS, rssGrowthMB: GOAL_RSS_GROWTH_MB },
    declared,
    chunked,
    rss: { baselineMB: round(baseline / MB), peakMB: round(peak / MB), growthMB },
    serverStillAnswers: alive,
    passed,
  }
  fs.mkdirSync(path.join(projectRoot, 'bench/results'), { recursive: true })
  fs.writeFileSync(path.join(projectRoot, 'bench/results/security.json'), `${JSON.stringify(results, null, 2)}\n`)
  log(`written to bench/results/security.json — ${passed ? 'all goals met' : 'GOALS MISSED'}`)
  process.exitCode = passed ? 0 : 1
} finally {
  await stopServer()
}
