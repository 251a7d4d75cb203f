// `npm run bench:search [-- --roles N]`: role search under load. Starts its own fresh
// services in .data/bench, builds the app for production, imports N generated roles
// through the importer, builds the search index (the `npm run reindex` path), serves the
// production build with its background jobs, measures publish-to-searchable, checks on a
// sample that the app answers as it did before its requests were trimmed and cached, then
// loads (a) Meilisearch directly with the app's former request, (a') Meilisearch with a
// plain query (same words and filters, no facets, no highlights), (b) GET /api/v1/roles
// and (c) the /roles page, at 1 and 8 connections on loopback (at 8 in three interleaved
// rounds, the median run counting), each with the same Zipf draw from a mix of over a
// thousand distinct queries (query-mix.ts).
// Writes bench/results/search.json; stops everything it started, also on error.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { MultiSearchQuery } from 'meilisearch'
import { z } from 'zod'
import { parseCommandLine } from '#scripts/args.ts'
import { companies } from '#scripts/demo-data/companies.ts'
import { skills } from '#scripts/demo-data/skills.ts'
import { dataDir, projectRoot } from '#scripts/paths.ts'
import { serverNodeArgs } from '#scripts/server-command.ts'
import { startServices } from '#scripts/services.ts'
import { runStep } from '#scripts/steps.ts'
import { benchRoles, SEED } from './dataset.ts'
import { runLoad, type LoadRequest, type LoadResult } from './load.ts'
import { queryMix, zipfSequence } from './query-mix.ts'

/** Distinct queries in the mix (bench/search/query-mix.ts); requests draw from them by Zipf. */
const MIX_SIZE = 1_200
/** Queries whose answers are compared with today's (the former request, straight to Meilisearch). */
const IDENTICAL_SAMPLE = 60
const CONCURRENCIES = [1, 8] as const
/** Rounds of the runs at 8 connections (see the load loop). */
const ROUNDS_AT_8 = 3
const IMPORT_CHUNK = 2000
const MB = 1024 * 1024

const argsSchema = z
  .object({
    positionals: z.array(z.string()).max(0),
    roles: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
    seconds: z.coerce.number().int().min(2).max(300).default(20),
    'max-requests': z.coerce.number().int().min(100).max(1_000_000).default(20_000),
    'skip-build': z.boolean().default(false),
  })
  .transform((v) => ({ roles: v.roles, seconds: v.seconds, maxRequests: v['max-requests'], skipBuild: v['skip-build'] }))

const args = parseCommandLine(
  process.argv.slice(2),
  { roles: { type: 'string' }, seconds: { type: 'string' }, 'max-requests': { type: 'string' }, 'skip-build': { type: 'boolean' } },
  argsSchema,
)
if (!args.ok) {
  for (const error of args.errors) console.error(error)
  console.error('usage: npm run bench:search -- [--roles N] [--seconds S] [--max-requests R] [--skip-build]')
  process.exit(2)
}
const options = args.data

const log = (message: string) => console.log(`[bench:search] ${message}`)
const cleanups: Array<() => Promise<void>> = []
async function cleanup() {
  while (cleanups.length > 0)
    await cleanups
      .pop()?.()
      .catch((error: unknown) => console.error('cleanup failed:', error))
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping what the benchmark started`)
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  })
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (n: number, digits = 2) => Number(n.toFixed(digits))
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0

function rssBytes(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}

/** Samples the app's resident memory from its start to its end. */
function sampleRss(pid: number, everyMs = 200) {
  const state = { peak: 0, samples: 0, windowPeak: 0 }
  const timer = setInterval(() => {
    const rss = rssBytes(pid)
    if (rss === undefined) return
    state.samples++
    state.peak = Math.max(state.peak, rss)
    state.windowPeak = Math.max(state.windowPeak, rss)
  }, everyMs)
  timer.unref()
  return {
    state,
    /** The peak since the last call (per load run). */
    takeWindowPeak() {
      const peak = Math.max(state.windowPeak, rssBytes(pid) ?? 0)
      state.windowPeak = 0
      return peak
    },
    stop: () => clearInterval(timer),
  }
}

async function main() {
  const loadavgAtStart = os.loadavg().map((l) => round(l))
  const folder = dataDir('bench')
  log(`load average at start ${loadavgAtStart.join(' ')} on ${os.cpus().length} CPUs; ${options.roles} roles`)

  const services = await startServices({ dataDir: folder, fresh: true, environment: {}, log })
  cleanups.push(services.stop)
  const meiliPid = (JSON.parse(fs.readFileSync(path.join(folder, 'services.json'), 'utf8')) as { meili?: { pid: number } }).meili?.pid ?? 0
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    DATA_DIR: folder,
    PORT: String(port),
    NODE_ENV: 'production',
    APP_ORIGIN: base,
    MEILI_INDEX_PREFIX: '',
    // One client IP sends every request here; the per-IP API limit (600/min) would answer
    // 429 within a second. The limiter still runs on every request, as in production.
    API_RATE_LIMIT: '1000000000',
  }
  await runStep('prisma', ['migrate', 'deploy'], appEnv)
  if (options.skipBuild && fs.existsSync(path.join(projectRoot, 'build/server/index.js'))) {
    log('using the existing production build (--skip-build)')
  } else {
    log('building for production (remix vite:build)')
    await runStep('remix', ['vite:build'], appEnv)
  }

  // The app's modules read the environment once, when first imported.
  Object.assign(process.env, { ...services.env, DATA_DIR: folder, MEILI_INDEX_PREFIX: '', LOG_LEVEL: 'warn' })
  const { prisma } = await import('#app/lib/db.server.ts')
  cleanups.push(() => prisma.$disconnect())
  const { importDocument, refreshPlannerStatistics } = await import('#app/modules/import/import.server.ts')
  const { bulkInsertRoles } = await import('./bulk.ts')
  const { reindexRoles } = await import('#app/modules/search/reindex.server.ts')
  const { meili } = await import('#app/modules/search/client.server.ts')
  const { rolesIndexUid } = await import('#app/modules/search/role-index.server.ts')
  const { roleMultiSearch } = await import('#app/modules/search/search.server.ts')
  const { roleSearchSchema, searchParamsToQuery } = await import('#app/modules/search/schemas.ts')
  const { changeRoleStatus, createRole } = await import('#app/modules/roles/roles.server.ts')
  const { shanghaiDay } = await import('#app/lib/time.ts')
  const { loadSessionUser } = await import('#app/modules/auth/session.server.ts')

  // ── Import: the taxonomy and companies of the demo data, then the roles in chunks ──
  const importStarted = performance.now()
  const catalog = await importDocument({
    version: 1,
    skills,
    companies: companies.map(({ key, name, city, description, website, parkIncubated }) => ({ key, name, city, description, website, parkIncubated })),
  })
  if (!catalog.ok) throw new Error(`taxonomy import failed: ${JSON.stringify(catalog.problems.slice(0, 5))}`)
  const ids = {
    companies: new Map((await prisma.company.findMany({ select: { id: true, key: true } })).map((c) => [c.key ?? '', c.id])),
    skills: new Map((await prisma.skill.findMany({ select: { id: true, key: true } })).map((c) => [c.key, c.id])),
  }
  // The first chunk goes through the importer itself (validation and all); the rest through
  // the bulk path, which writes the same rows (bulk.ts).
  let imported = 0
  let importerSeconds = 0
  for (const chunk of benchRoles(options.roles, IMPORT_CHUNK, shanghaiDay(new Date()))) {
    if (imported === 0) {
      const started = performance.now()
      const result = await importDocument({ version: 1, roles: chunk })
      if (!result.ok) throw new Error(`role import failed: ${JSON.stringify(result.problems.slice(0, 5))}`)
      imported += result.counts.roles?.created ?? 0
      importerSeconds = (performance.now() - started) / 1000
    } else {
      imported += await bulkInsertRoles(chunk, ids)
    }
    if (imported % 20_000 === 0 || imported === options.roles) log(`imported ${imported} roles`)
  }
  // What the importer does after each file, once for the whole bulk load.
  await refreshPlannerStatistics()
  const importSeconds = (performance.now() - importStarted) / 1000
  const [rows, roleSkills, published] = await Promise.all([
    prisma.internshipRole.count(),
    prisma.roleSkill.count(),
    prisma.internshipRole.count({ where: { status: 'published' } }),
  ])

  // ── Index build: every searchable role from Postgres into a new index, swapped in ──
  log('building the search index (reindex)')
  const index = await reindexRoles()
  // The rebuild read every imported row after the import committed, so the outbox entries
  // the import wrote are already reflected; left pending, the server would re-send them
  // all while it is being measured.
  const { count: settledOutbox } = await prisma.outboxEntry.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } })
  const stats = await meili.index(rolesIndexUid()).getStats()
  log(`index built: ${index.documents} documents in ${(index.ms / 1000).toFixed(1)} s`)

  // ── The production server, with its background jobs ──
  const logFile = path.join(folder, 'server.log')
  const logFd = fs.openSync(logFile, 'a')
  const server: ChildProcess = spawn(process.execPath, serverNodeArgs, { cwd: projectRoot, env: appEnv, stdio: ['ignore', logFd, logFd] })
  fs.closeSync(logFd)
  const serverStarted = performance.now()
  const serverPid = server.pid ?? 0
  const rss = sampleRss(serverPid)
  cleanups.push(async () => {
    rss.stop()
    if (server.exitCode !== null || server.signalCode !== null) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    const timer = setTimeout(() => server.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  })
  /** Polls one of the app's health routes until it answers 200, or fails after `seconds`. */
  const until = async (route: '/healthz' | '/readyz', seconds: number, failure: string) => {
    const deadline = Date.now() + seconds * 1000
    for (;;) {
      const ok = await fetch(`${base}${route}`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) return
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`${failure}; see ${logFile}`)
      await sleep(250)
    }
  }
  await until('/healthz', 120, 'the app did not start')
  const rssAtStart = rssBytes(serverPid) ?? 0
  // Measured as a proxy would send traffic: once the instance says it is ready (its
  // matching index built, its jobs running), not while it is still loading every role.
  await until('/readyz', 720, 'the app did not become ready')
  const readySeconds = round((performance.now() - serverStarted) / 1000, 1)
  log(`app ready after ${readySeconds} s`)
  await waitForMeiliIdle(services.env.MEILI_URL, services.env.MEILI_MASTER_KEY)

  // ── Publish to searchable, through the roles module, with the server's jobs running ──
  const member = await prisma.user.create({
    data: {
      email: `bench-${Date.now()}@firm.example`,
      name: 'bench',
      roles: { create: { role: 'company_member' } },
      companyMembers: { create: { company: { connect: { key: companies[0]!.key } }, role: 'owner' } },
    },
    select: { id: true, companyMembers: { select: { companyId: true } } },
  })
  const actor = await loadSessionUser(member.id)
  const companyId = member.companyMembers[0]?.companyId
  if (!actor || !companyId) throw new Error('bench user not created')
  const pendingOutbox = () => prisma.outboxEntry.count({ where: { processedAt: null } })
  const trials: Array<{ publishCallMs: number; searchableMs: number }> = []
  for (let trial = 1; trial <= 5; trial++) {
    const draft = await createRole(
      actor,
      companyId,
      {
        title: { zh: `基准测试岗位 ${trial}`, en: `Benchmark probe role ${trial}` },
        description: { zh: '用于测量发布到可搜索的时间。', en: 'Measures the time from publishing to searchable.' },
        kind: 'smart-contract-dev',
        city: '南宁',
        workMode: 'onsite',
        stipendMonthly: { min: 3000, max: 4000 },
        daysPerWeek: 4,
        durationMonths: 3,
        skills: [{ skill: 'solidity', level: 3, required: true }],
        languages: ['zh'],
        openings: 1,
        deadline: shanghaiDay(new Date(Date.now() + 30 * 86_400_000)),
      },
      'draft',
    )
    // The draft's own outbox entry goes first, so it does not count against the publication.
    for (let i = 0; i < 100 && (await pendingOutbox()) > 0; i++) await sleep(50)
    await sleep(300 + trial * 137)
    const called = performance.now()
    await changeRoleStatus(actor, draft.id, 'published')
    const committed = performance.now()
    const rolesIndex = meili.index(rolesIndexUid())
    for (;;) {
      const found = await rolesIndex.search('', { filter: [`id = ${JSON.stringify(draft.id)}`], limit: 1 })
      if (found.hits.length > 0) break
      if (performance.now() - committed > 60_000) throw new Error('a published role was not searchable within 60 s')
      await sleep(20)
    }
    trials.push({ publishCallMs: round(committed - called), searchableMs: round(performance.now() - committed) })
    log(`publish → searchable: ${trials.at(-1)!.searchableMs} ms`)
  }
  await waitForMeiliIdle(services.env.MEILI_URL, services.env.MEILI_MASTER_KEY)

  // ── Load ──
  const mix = queryMix(MIX_SIZE)
  const queries = mix.map((params) => roleSearchSchema.parse(searchParamsToQuery(new URLSearchParams(params))))
  const draws = zipfSequence(mix.length, options.maxRequests)
  const meiliHeaders = { Authorization: `Bearer ${services.env.MEILI_MASTER_KEY}`, 'Content-Type': 'application/json' }
  const multiSearch = (body: string): LoadRequest => ({ url: `${services.env.MEILI_URL}/multi-search`, init: { method: 'POST', headers: meiliHeaders, body } })
  /** What the app sent before this round: every facet on the main query, for the page view. */
  const formerRequest = (q: (typeof queries)[number], now: Date) => {
    // It asked for every facet on the main query, and for whole documents.
    const [{ attributesToRetrieve: _, ...main }, ...facetQueries] = roleMultiSearch(q, now).queries as [MultiSearchQuery, ...MultiSearchQuery[]]
    return {
      queries: [{ ...main, facets: ['city', 'skillKeys', 'kind', 'workMode', 'companyId', 'daysPerWeek', 'stipendBand', 'parkIncubated'] }, ...facetQueries],
    }
  }
  const plainRequest = (q: (typeof queries)[number], now: Date) => {
    const [main] = roleMultiSearch(q, now, { view: 'api', withFacets: false }).queries
    return { queries: [{ indexUid: main!.indexUid, q: main!.q, filter: main!.filter, sort: main!.sort, page: main!.page, hitsPerPage: main!.hitsPerPage }] }
  }
  const targets: Record<'meilisearch' | 'meiliPlain' | 'api' | 'html', (now: Date) => (n: number) => LoadRequest> = {
    meilisearch: (now) => {
      const bodies = queries.map((q) => JSON.stringify(formerRequest(q, now)))
      return (n) => multiSearch(bodies[draws[n % draws.length]!]!)
    },
    meiliPlain: (now) => {
      const bodies = queries.map((q) => JSON.stringify(plainRequest(q, now)))
      return (n) => multiSearch(bodies[draws[n % draws.length]!]!)
    },
    api: () => (n) => ({ url: `${base}/api/v1/roles?${mix[draws[n % draws.length]!]}`, init: { headers: { Accept: 'application/json' } } }),
    html: () => (n) => ({ url: `${base}/roles?${mix[draws[n % draws.length]!]}`, init: { headers: { Accept: 'text/html', 'Accept-Language': 'zh-CN' } } }),
  }
  const distinctIn = (requests: number) => new Set(draws.slice(0, Math.min(requests, draws.length))).size

  // Every query of the head answers from Meilisearch (not the degraded fallback) before anything is timed.
  const totals: Record<string, number> = {}
  for (const params of mix.slice(0, 20)) {
    const response = await fetch(`${base}/api/v1/roles?${params}`)
    const body = (await response.json()) as { total?: number; degraded?: boolean }
    if (!response.ok || body.degraded !== false) throw new Error(`GET /api/v1/roles?${params}: ${response.status} degraded=${body.degraded}`)
    totals[params || '(all)'] = body.total ?? 0
    const page = await fetch(`${base}/roles?${params}`)
    await page.arrayBuffer()
    if (!page.ok) throw new Error(`GET /roles?${params}: ${page.status}`)
  }

  // ── Same answers as before: the API (asked twice, so the second answer comes with cached
  // facets) against the former request straight to Meilisearch, on a sample of the mix ──
  const identical = { sampled: 0, mismatches: [] as Array<{ query: string; field: string }> }
  {
    const sampleRng = zipfSequence(mix.length, IDENTICAL_SAMPLE, 0, 7)
    for (const i of new Set(sampleRng)) {
      const now = new Date()
      const former = await fetch(`${services.env.MEILI_URL}/multi-search`, {
        method: 'POST',
        headers: meiliHeaders,
        body: JSON.stringify(formerRequest(queries[i]!, now)),
      }).then(
        (r) =>
          r.json() as Promise<{
            results: Array<{ hits: Array<{ id: string }>; totalHits?: number; facetDistribution?: Record<string, Record<string, number>> }>
          }>,
      )
      const [main, ...facetResults] = former.results
      const facets: Record<string, Record<string, number>> = { ...main!.facetDistribution }
      for (const result of facetResults) Object.assign(facets, result.facetDistribution)
      for (let ask = 0; ask < 2; ask++) {
        const app = (await (await fetch(`${base}/api/v1/roles?${mix[i]}`)).json()) as {
          hits: Array<{ id: string }>
          total: number
          facets: Record<string, Record<string, number>>
        }
        const compare = (field: string, a: unknown, b: unknown) => {
          if (JSON.stringify(a) !== JSON.stringify(b)) identical.mismatches.push({ query: mix[i]!, field })
        }
        compare(
          'hits',
          app.hits.map((h) => h.id),
          main!.hits.map((h) => h.id),
        )
        compare('total', app.total, main!.totalHits)
        for (const [group, attribute] of [
          ['city', 'city'],
          ['skill', 'skillKeys'],
          ['kind', 'kind'],
          ['workMode', 'workMode'],
        ] as const) {
          const sorted = (counts: Record<string, number> = {}) => Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))
          compare(`facets.${group}`, sorted(app.facets[group]), sorted(facets[attribute]))
        }
      }
      identical.sampled++
    }
    log(
      `same answers as the former request: ${identical.sampled - new Set(identical.mismatches.map((m) => m.query)).size} of ${identical.sampled} sampled queries`,
    )
  }

  const watch = { app: serverPid, meilisearch: meiliPid }
  const meiliRss = { peak: 0 }
  const meiliRssTimer = setInterval(() => (meiliRss.peak = Math.max(meiliRss.peak, rssBytes(meiliPid) ?? 0)), 200)
  meiliRssTimer.unref()
  cleanups.push(async () => clearInterval(meiliRssTimer))
  const load: Record<string, Record<string, LoadResult & { appRssPeakMb: number; distinctQueries: number }>> = {
    meilisearch: {},
    meiliPlain: {},
    api: {},
    html: {},
  }
  // The goals compare runs at 8 connections, and on a shared 2-core machine one 20 s run
  // can come out 15 % off the next: those runs are repeated in interleaved rounds, and the
  // run with the median throughput of each target stands for it (every round is reported).
  const runs8: Record<string, Array<LoadResult & { appRssPeakMb: number; distinctQueries: number }>> = { meilisearch: [], meiliPlain: [], api: [], html: [] }
  const schedule = [
    ...CONCURRENCIES.map((concurrency) => ({ concurrency, pass: 1 })),
    ...Array.from({ length: ROUNDS_AT_8 - 1 }, (_, i) => ({ concurrency: 8, pass: i + 2 })),
  ]
  for (const { concurrency, pass } of schedule) {
    for (const name of ['meilisearch', 'meiliPlain', 'api', 'html'] as const) {
      await runLoad({ concurrency: 8, maxRequests: 2_000, maxSeconds: 3, next: targets[name](new Date()), watch: {} }) // warm-up
      rss.takeWindowPeak()
      const result = await runLoad({ concurrency, maxRequests: options.maxRequests, maxSeconds: options.seconds, next: targets[name](new Date()), watch })
      const run = { ...result, appRssPeakMb: round(rss.takeWindowPeak() / MB, 1), distinctQueries: distinctIn(result.requests) }
      if (concurrency === 8) runs8[name]!.push(run)
      else load[name]![concurrency] = run
      const l = result.latencyMs
      log(
        `${name.padEnd(11)} ×${concurrency}${concurrency === 8 ? ` round ${pass}` : ''}: ${String(result.requestsPerSecond).padStart(7)} req/s  p50 ${l.p50} ms  p95 ${l.p95} ms  p99 ${l.p99} ms` +
          `  (${result.requests} requests, ${run.distinctQueries} distinct queries, ${result.errors} errors; CPU ms/request app ${result.cpuMsPerRequest.app}, meili ${result.cpuMsPerRequest.meilisearch}, client ${result.cpuMsPerRequest.loadGenerator})`,
      )
    }
  }
  const rounds8 = Object.fromEntries(Object.entries(runs8).map(([name, runs]) => [name, runs.map((r) => r.requestsPerSecond)]))
  for (const [name, runs] of Object.entries(runs8)) {
    const byThroughput = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)
    load[name]![8] = byThroughput[Math.floor((byThroughput.length - 1) / 2)]!
  }
  const rssPeak = Math.max(rss.state.peak, rssBytes(serverPid) ?? 0)
  const meiliDiskBytes = folderBytes(path.join(folder, 'meilisearch'))

  // ── Report ──
  const ratios = Object.fromEntries(
    CONCURRENCIES.map((c) => {
      const raw = load.meilisearch![c]!
      const ratio = (t: 'api' | 'html') => ({
        throughput: round(load[t]![c]!.requestsPerSecond / raw.requestsPerSecond, 3),
        p99: round(load[t]![c]!.latencyMs.p99 / raw.latencyMs.p99, 3),
      })
      return [c, { 'b/a': ratio('api'), 'c/a': ratio('html') }]
    }),
  ) as Record<string, { 'b/a': { throughput: number; p99: number }; 'c/a': { throughput: number; p99: number } }>
  const at8 = ratios['8']!
  const atGoalSize = options.roles === 100_000
  const publishMedian = median(trials.map((t) => t.searchableMs))
  const errors = Object.values(load)
    .flatMap((byConcurrency) => Object.values(byConcurrency))
    .reduce((sum, r) => sum + r.errors, 0)
  const targetList = [
    {
      name: 'API throughput ≥ 1.2 × raw Meilisearch (former request) at 8 connections',
      value: at8['b/a'].throughput,
      limit: 1.2,
      pass: at8['b/a'].throughput >= 1.2,
    },
    { name: 'API p99 ≤ 1.2 × raw Meilisearch p99 at 8 connections', value: at8['b/a'].p99, limit: 1.2, pass: at8['b/a'].p99 <= 1.2 },
    { name: 'page throughput ≥ 0.8 × raw Meilisearch at 8 connections', value: at8['c/a'].throughput, limit: 0.8, pass: at8['c/a'].throughput >= 0.8 },
    {
      name: 'answers identical to the former request (sampled queries with a difference)',
      value: new Set(identical.mismatches.map((m) => m.query)).size,
      limit: 0,
      pass: identical.mismatches.length === 0,
    },
    { name: 'app RSS < 400 MB throughout (peak)', value: round(rssPeak / MB, 1), limit: 400, pass: rssPeak < 400 * MB },
    { name: 'published role searchable within 2 s (median of 5)', value: publishMedian, limit: 2000, pass: publishMedian <= 2000 },
    { name: 'no failed requests', value: errors, limit: 0, pass: errors === 0 },
  ]
  const report = {
    benchmark: 'search',
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: os.cpus().length, totalMemoryMb: Math.round(os.totalmem() / MB), loadavgAtStart, loadavgAtEnd: os.loadavg().map((l) => round(l)) },
    config: {
      roles: options.roles,
      seed: SEED,
      secondsPerRun: options.seconds,
      maxRequestsPerRun: options.maxRequests,
      concurrencies: CONCURRENCIES,
      queryMix: { distinct: mix.length, distribution: 'Zipf, exponent 1', head: mix.slice(0, 10) },
    },
    data: {
      path: `taxonomy and companies of scripts/demo-data, and the first ${IMPORT_CHUNK} roles, through the importer (importDocument: validateImport + applyImport); the other roles in chunks of ${IMPORT_CHUNK} through bench/search/bulk.ts, which writes the same InternshipRole, RoleSkill and OutboxEntry rows with set-based INSERTs`,
      rolesImported: imported,
      importerRolesPerSecond: round(Math.min(IMPORT_CHUNK, imported) / importerSeconds, 0),
      roleRows: rows,
      roleSkillRows: roleSkills,
      publishedRoles: published,
      importSeconds: round(importSeconds, 1),
      rolesPerSecond: round(imported / importSeconds, 0),
      totalsPerQuery: totals,
    },
    indexBuild: {
      path: 'reindexRoles (npm run reindex): documents built from Postgres, 2,000 per batch, into a new index swapped in',
      seconds: round(index.ms / 1000, 1),
      documents: index.documents,
      documentsPerSecond: round(index.documents / (index.ms / 1000), 0),
      importOutboxEntriesMarkedApplied: settledOutbox,
      indexStats: { numberOfDocuments: stats.numberOfDocuments },
    },
    publishToSearchable: {
      path: 'once /readyz answers 200: createRole (draft) then changeRoleStatus → published through app/modules/roles; the server’s outbox worker indexes it; polled with a Meilisearch search every 20 ms',
      appReadySeconds: readySeconds,
      medianMs: publishMedian,
      maxMs: Math.max(...trials.map((t) => t.searchableMs)),
      trials,
    },
    sameAnswers: {
      ...identical,
      path: 'GET /api/v1/roles twice per query (the second with cached facets) against the former multi-search sent straight to Meilisearch: hit ids in order, total, city/skill/kind/workMode counts',
    },
    load,
    roundsAt8: { requestsPerSecond: rounds8, chosen: 'the run with the median throughput of each target' },
    ratios,
    meilisearch: {
      diskMb: round(meiliDiskBytes / MB, 1),
      rssPeakMb: round(meiliRss.peak / MB, 1),
      source: 'du of the --db-path folder; /proc VmRSS sampled every 200 ms during the load runs',
    },
    appRss: {
      peakMb: round(rssPeak / MB, 1),
      atStartMb: round(rssAtStart / MB, 1),
      samples: rss.state.samples,
      everyMs: 200,
      source: `/proc/${serverPid}/status VmRSS`,
    },
    targets: targetList,
    pass: atGoalSize ? targetList.every((t) => t.pass) : publishMedian <= 2000 && errors === 0,
  }

  console.log('')
  console.log(
    `rounds at 8 connections (req/s; the median run counts): ${Object.entries(rounds8)
      .map(([name, values]) => `${name} ${values.join(' / ')}`)
      .join('; ')}`,
  )
  console.log('target       conns     req/s   p50 ms   p95 ms   p99 ms  errors  distinct')
  for (const name of ['meilisearch', 'meiliPlain', 'api', 'html'] as const) {
    for (const c of CONCURRENCIES) {
      const r = load[name]![c]!
      console.log(
        `${name.padEnd(12)} ${String(c).padStart(5)} ${String(r.requestsPerSecond).padStart(9)} ${String(r.latencyMs.p50).padStart(8)} ${String(r.latencyMs.p95).padStart(8)} ${String(r.latencyMs.p99).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.distinctQueries).padStart(9)}`,
      )
    }
  }
  for (const c of CONCURRENCIES) {
    const r = ratios[c]!
    console.log(`ratios at ${c}: b/a throughput ${r['b/a'].throughput}, p99 ${r['b/a'].p99}; c/a throughput ${r['c/a'].throughput}, p99 ${r['c/a'].p99}`)
  }
  console.log(
    `import ${report.data.importSeconds} s (${report.data.rolesPerSecond} roles/s; the importer alone ${report.data.importerRolesPerSecond} roles/s); index build ${report.indexBuild.seconds} s (${report.indexBuild.documents} documents)`,
  )
  console.log(`publish → searchable: median ${publishMedian} ms, max ${report.publishToSearchable.maxMs} ms`)
  console.log(`app RSS peak ${report.appRss.peakMb} MB (at start ${report.appRss.atStartMb} MB, ${rss.state.samples} samples)`)
  console.log(`Meilisearch: ${report.meilisearch.diskMb} MB on disk, RSS peak ${report.meilisearch.rssPeakMb} MB`)
  // The goals are set at 100,000 roles; at another size only publish → searchable has one
  // (the issue's 2 s at 1,000,000), and the rest are reported beside the 100,000 goals.
  for (const t of targetList) {
    const judged = atGoalSize || t.name.startsWith('published role searchable')
    console.log(`${judged ? (t.pass ? 'PASS' : 'FAIL') : 'info'}  ${t.name}: ${t.value} (goal ${t.limit}${judged ? '' : ' at 100,000 roles'})`)
  }

  const resultsDir = path.join(projectRoot, 'bench/results')
  const file = atGoalSize ? 'search.json' : `search-${options.roles}.json`
  fs.mkdirSync(resultsDir, { recursive: true })
  fs.writeFileSync(path.join(resultsDir, file), `${JSON.stringify(report, null, 2)}\n`)
  log(`written bench/results/${file}`)
  return report.pass
}

/** Bytes of the files under a folder. */
function folderBytes(folder: string): number {
  let total = 0
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}

/** Waits until Meilisearch has no queued or running task (index settings, outbox batches). */
async function waitForMeiliIdle(url: string, key: string) {
  const deadline = Date.now() + 600_000
  while (Date.now() < deadline) {
    const response = await fetch(`${url}/tasks?statuses=enqueued,processing&limit=1`, { headers: { Authorization: `Bearer ${key}` } })
    const body = (await response.json()) as { total?: number; results: unknown[] }
    if ((body.total ?? body.results.length) === 0) return
    await sleep(200)
  }
  throw new Error('Meilisearch stayed busy for 10 minutes')
}

let exitCode = 1
try {
  exitCode = (await main()) ? 0 : 1
} catch (error) {
  console.error('[bench:search] failed:', error instanceof Error ? (error.stack ?? error.message) : error)
} finally {
  await cleanup()
}
process.exit(exitCode)
