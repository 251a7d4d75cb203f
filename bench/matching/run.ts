// `npm run bench:match`: recommendation quality on the labelled set (NDCG@10, P@5, ours
// against a keyword baseline in Meilisearch), then speed at scale (100,000 roles, 50,000
// students): p50/p95 of one student's recommendations, one role's candidates and the
// regional skill-gap report, and the peak RSS. Runs in its own database beside the
// development one, dropped afterwards; writes bench/results/matching.json.
// `npm run bench:match -- --only scale` skips the quality part and `--only quality` the
// scale part; either writes nothing (for iterating); the results file always comes from a
// full run, which measures the scale part in a fresh process of its own (`--only scale
// --emit FILE`), so that its peak RSS is what an app process holding the index reaches,
// not that plus what the quality part left behind. `--roles N
// --students M` sets the scale (up to 1,000,000 × 200,000, which needs a quiet machine
// with several GB free: it is not run on the shared development machines); figures at a
// size other than 100,000 × 50,000 go to bench/results/matching-ROLESxSTUDENTS.json.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { z } from 'zod'
import { parseCommandLine } from '../../scripts/args.ts'
import { runStep } from '../../scripts/steps.ts'
import { generateRoles, personas, skills as skillDefs, type GeneratedRole } from './dataset.ts'
import { relevance } from './labels.ts'

const argsSchema = z.object({
  positionals: z.array(z.string()).max(0),
  only: z.enum(['scale', 'quality']).optional(),
  emit: z.string().min(1).optional(),
  roles: z.coerce.number().int().min(1_000).max(1_000_000).default(100_000),
  students: z.coerce.number().int().min(1_000).max(200_000).default(50_000),
})
const args = parseCommandLine(
  process.argv.slice(2),
  { only: { type: 'string' }, roles: { type: 'string' }, students: { type: 'string' }, emit: { type: 'string' } },
  argsSchema,
)
if (!args.ok) {
  for (const error of args.errors) console.error(error)
  console.error('usage: npm run bench:match -- [--only scale|quality] [--roles N (≤ 1,000,000)] [--students N (≤ 200,000)]')
  process.exit(2)
}
const SCALE_ROLES = args.data.roles
const SCALE_STUDENTS = args.data.students
/** The goals are set at this size; other sizes report their figures beside them. */
const GOAL_SIZE = SCALE_ROLES === 100_000 && SCALE_STUDENTS === 50_000
const EVAL_ROLES = 240
const only = args.data.only ?? null

const devUrl = new URL(process.env.DATABASE_URL!)
const benchName = 'lianqiao_bench_matching'
async function admin(sql: string) {
  const url = new URL(devUrl)
  url.pathname = '/postgres'
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
await admin(`DROP DATABASE IF EXISTS "${benchName}" WITH (FORCE)`)
await admin(`CREATE DATABASE "${benchName}"`)
const benchUrl = new URL(devUrl)
benchUrl.pathname = `/${benchName}`
Object.assign(process.env, { DATABASE_URL: benchUrl.toString(), MEILI_INDEX_PREFIX: 'benchmatch_', RUN_JOBS: 'false' })
await runStep('prisma', ['migrate', 'deploy'], process.env)

const { prisma } = await import('#app/lib/db.server.ts')
const { meili, indexName } = await import('#app/modules/search/client.server.ts')
const { recommendationsFor, candidatesFor } = await import('#app/modules/matching/matching.server.ts')
const { skillGapReport } = await import('#app/modules/matching/skill-gap.server.ts')
const { closeMatchIndex, matchIndex } = await import('#app/modules/matching/match-index.server.ts')

// The labelled set's taxonomy is created either way: the generated data at scale draws
// its skills from the whole table, so `--only scale` measures the same data.
const skillId = new Map<string, string>()
for (const s of skillDefs) {
  const row = await prisma.skill.create({
    data: { key: s.key, nameZh: s.zh, nameEn: s.en, aliases: [], parentId: s.parent ? skillId.get(s.parent) : null },
    select: { id: true },
  })
  skillId.set(s.key, row.id)
}

// ─── Quality on the labelled set ─────────────────────────────────────────────
async function measureQuality() {
  const university = await prisma.university.create({ data: { key: 'bench-u', nameZh: '基准大学', city: 'nanning' }, select: { id: true } })
  const company = await prisma.company.create({ data: { key: 'bench-co', nameZh: '基准公司', city: 'nanning', verifiedAt: new Date() }, select: { id: true } })
  const roles = generateRoles(EVAL_ROLES)
  const future = new Date(Date.now() + 60 * 86_400_000)
  const past = new Date(Date.now() - 86_400_000)
  const roleIdByKey = new Map<string, string>()
  for (const [i, r] of roles.entries()) {
    // Closed roles alternate between status "closed" and a deadline already passed.
    const closed = !r.open
    const closesAt = closed && i % 2 === 0 ? past : future
    const row = await prisma.internshipRole.create({
      data: {
        key: r.key,
        companyId: company.id,
        titleZh: r.zh,
        titleEn: r.en,
        kind: r.kind.replace(/-/g, '_') as 'smart_contract_dev',
        city: r.city,
        workMode: r.workMode,
        stipendMin: 2000,
        stipendMax: 4000,
        daysPerWeek: r.daysPerWeek,
        durationMonths: 3,
        languages: r.languages,
        openings: r.openings,
        deadline: closesAt,
        closesAt,
        status: closed && i % 2 === 1 ? 'closed' : 'published',
        skills: { create: r.skills.map((s) => ({ skillId: skillId.get(s.skill)!, level: s.level, required: s.required })) },
      },
      select: { id: true },
    })
    roleIdByKey.set(r.key, row.id)
  }
  const studentIdByKey = new Map<string, string>()
  for (const p of personas) {
    const courseIds: Array<{ id: string; grade: number }> = []
    for (const [i, c] of p.courses.entries()) {
      const course = await prisma.course.create({
        data: {
          universityId: university.id,
          code: `${p.key}-${i}`,
          titleZh: c.title,
          skills: { create: Object.entries(c.skills).map(([k, level]) => ({ skillId: skillId.get(k)!, level })) },
        },
        select: { id: true },
      })
      courseIds.push({ id: course.id, grade: c.grade })
    }
    const user = await prisma.user.create({
      data: {
        email: `${p.key}@bench.example`,
        name: p.name,
        studentProfile: {
          create: {
            key: p.key,
            universityId: university.id,
            visibility: 'discoverable',
            preferredCities: p.cities,
            workModes: p.modes ?? [],
            daysPerWeek: p.daysPerWeek ?? null,
            languages: { create: p.languages.map(([language, level]) => ({ language, level })) },
            courses: { create: courseIds.map((c) => ({ courseId: c.id, grade: c.grade, verified: true })) },
            skills: { create: Object.entries(p.declared ?? {}).map(([k, level]) => ({ skillId: skillId.get(k)!, level })) },
          },
        },
      },
      select: { studentProfile: { select: { id: true } } },
    })
    studentIdByKey.set(p.key, user.studentProfile!.id)
  }

  // The keyword baseline: the roles in Meilisearch, queried with the student's skill names.
  const baselineIndex = meili.index(indexName('eval_roles'))
  await meili
    .deleteIndex(indexName('eval_roles'))
    .waitTask({ timeout: 120_000 })
    .catch(() => undefined)
  const nameOf = new Map(skillDefs.map((s) => [s.key, s]))
  await meili.createIndex(indexName('eval_roles'), { primaryKey: 'id' }).waitTask({ timeout: 120_000 })
  await baselineIndex.updateFilterableAttributes(['open']).waitTask({ timeout: 120_000 })
  await baselineIndex
    .addDocuments(
      roles.map((r) => ({
        id: r.key,
        title: `${r.zh} ${r.en}`,
        skills: r.skills.flatMap((s) => [nameOf.get(s.skill)!.zh, nameOf.get(s.skill)!.en]).join(' '),
        open: r.open && true,
      })),
    )
    .waitTask({ timeout: 120_000 })

  function dcg(gains: number[]) {
    return gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0)
  }
  function metrics(persona: (typeof personas)[number], ranked: string[]) {
    const byKey = new Map(roles.map((r) => [r.key, r]))
    const gains = ranked.slice(0, 10).map((k) => relevance(persona, byKey.get(k) as GeneratedRole))
    const ideal = roles
      .map((r) => relevance(persona, r))
      .sort((a, b) => b - a)
      .slice(0, 10)
    const idcg = dcg(ideal)
    const top5 = gains.slice(0, 5)
    return { ndcg: idcg === 0 ? 1 : dcg(gains) / idcg, p5: top5.filter((g) => g >= 2).length / 5 }
  }
  const keyByRoleId = new Map([...roleIdByKey].map(([k, id]) => [id, k]))
  const perStudent = []
  for (const p of personas) {
    const ours = (await recommendationsFor(studentIdByKey.get(p.key)!, { limit: 10, locale: 'zh-CN' })).items.map((i) => keyByRoleId.get(i.role.id)!)
    const words = new Set<string>()
    for (const c of p.courses) for (const k of Object.keys(c.skills)) words.add(nameOf.get(k)!.en)
    for (const k of Object.keys(p.declared ?? {})) words.add(nameOf.get(k)!.en)
    const baseline = (await baselineIndex.search([...words].join(' '), { limit: 10, filter: 'open = true' })).hits.map((h) => String(h.id))
    perStudent.push({ student: p.key, ours: metrics(p, ours), baseline: metrics(p, baseline) })
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const round = (x: number) => Math.round(x * 1000) / 1000
  const summary = {
    students: personas.length,
    roles: roles.length,
    ours: { ndcg10: round(mean(perStudent.map((s) => s.ours.ndcg))), precision5: round(mean(perStudent.map((s) => s.ours.p5))) },
    keywordBaseline: { ndcg10: round(mean(perStudent.map((s) => s.baseline.ndcg))), precision5: round(mean(perStudent.map((s) => s.baseline.p5))) },
  }
  console.log(`quality (${summary.students} students × ${summary.roles} roles)`)
  console.log(`  ours:             NDCG@10 ${summary.ours.ndcg10}  P@5 ${summary.ours.precision5}`)
  console.log(`  keyword baseline: NDCG@10 ${summary.keywordBaseline.ndcg10}  P@5 ${summary.keywordBaseline.precision5}`)
  return { summary, perStudent }
}
const quality = only === 'scale' ? null : await measureQuality()
const qualityGoals = quality
  ? [
      { name: 'NDCG@10 ≥ 0.93 on the labelled set', value: quality.summary.ours.ndcg10, limit: 0.93, pass: quality.summary.ours.ndcg10 >= 0.93 },
      {
        name: 'NDCG@10 above the keyword baseline',
        value: quality.summary.ours.ndcg10,
        limit: quality.summary.keywordBaseline.ndcg10,
        pass: quality.summary.ours.ndcg10 > quality.summary.keywordBaseline.ndcg10,
      },
    ]
  : []
const printGoal = (goal: (typeof qualityGoals)[number]) =>
  console.log(
    `${GOAL_SIZE ? (goal.pass ? 'PASS' : 'FAIL') : 'info'}  ${goal.name}: ${goal.value} (goal ${goal.limit}${GOAL_SIZE ? '' : ' at 100,000 × 50,000'})`,
  )
/** Lets go of the bench database (dropped unless BENCH_KEEP_DB=1, kept for EXPLAIN ANALYZE sessions) and the eval index. */
async function release() {
  await meili
    .deleteIndex(indexName('eval_roles'))
    .waitTask({ timeout: 120_000 })
    .catch(() => undefined)
  await closeMatchIndex()
  await prisma.$disconnect()
  if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS "${benchName}" WITH (FORCE)`)
}
if (only === 'quality') {
  qualityGoals.forEach(printGoal)
  await release()
  process.exit(0)
}

/** The scale part in a fresh process (`--only scale --emit FILE`), as an app process would hold the index. */
async function measureScaleInFreshProcess(): Promise<Scale> {
  await release()
  const emitted = path.join(os.tmpdir(), `bench-match-scale-${process.pid}.json`)
  await runStep('tsx', ['bench/matching/run.ts', '--only', 'scale', '--emit', emitted, '--roles', String(SCALE_ROLES), '--students', String(SCALE_STUDENTS)], {
    ...process.env,
    DATABASE_URL: devUrl.toString(),
  })
  const scale = JSON.parse(await fs.readFile(emitted, 'utf8')) as Scale
  await fs.rm(emitted, { force: true })
  return scale
}

// ─── Speed at scale ──────────────────────────────────────────────────────────
type Scale = Awaited<ReturnType<typeof measureScale>>
async function measureScale() {
  console.log(`generating ${SCALE_ROLES} roles and ${SCALE_STUDENTS} students…`)
  const genStarted = performance.now()
  const sql = (text: string) => prisma.$executeRawUnsafe(text)
  await sql(`SELECT setseed(0.42)`)
  await sql(
    `INSERT INTO "Skill" (id, key, "nameZh", "nameEn", aliases, "updatedAt") SELECT 'gs' || g, 'gen-skill-' || g, '技能' || g, 'Skill ' || g, '{}', now() FROM generate_series(1, 40) g`,
  )
  await sql(`CREATE TEMP TABLE sk AS SELECT id, row_number() OVER (ORDER BY key) - 1 AS n FROM "Skill"`)
  await sql(
    `INSERT INTO "University" (id, key, "nameZh", city, "updatedAt") SELECT 'gu' || g, 'gen-u-' || g, '高校' || g, 'nanning', now() FROM generate_series(1, 12) g`,
  )
  await sql(
    `INSERT INTO "Course" (id, "universityId", code, "titleZh", "updatedAt") SELECT 'gc' || g, 'gu' || (1 + g % 12), 'C' || g, '课程' || g, now() FROM generate_series(1, 480) g`,
  )
  // Skill popularity is skewed (a few skills are in most postings), as in real data. Each
  // (row, k) draws its skill in a subquery: written as a join condition, the planner pushed
  // the draw down to the scan of sk and every row got the same skill (or none).
  await sql(
    `INSERT INTO "CourseSkill" ("courseId", "skillId", level) SELECT 'gc' || g, sk.id, 1 + floor(random() * 4)::int FROM (SELECT g, k, floor((SELECT count(*) FROM sk) * random() ^ 1.5)::int AS n FROM generate_series(1, 480) g CROSS JOIN generate_series(1, 3) k) pick JOIN sk ON sk.n = pick.n ON CONFLICT DO NOTHING`,
  )
  await sql(
    `INSERT INTO "Company" (id, "nameZh", city, "verifiedAt", "updatedAt") SELECT 'gco' || g, '公司' || g, 'nanning', now(), now() FROM generate_series(1, 800) g`,
  )
  await sql(`INSERT INTO "InternshipRole" (id, "companyId", "titleZh", kind, city, "workMode", "stipendMin", "stipendMax", "daysPerWeek", "durationMonths", languages, openings, deadline, "closesAt", status, "updatedAt")
    SELECT 'gr' || g, 'gco' || (1 + g % 800), '岗位' || g, (ARRAY['smart-contract-dev','app-dev','product','testing','other'])[1 + g % 5]::"RoleKind",
           (ARRAY['nanning','nanning','liuzhou','guilin','beihai','qinzhou'])[1 + g % 6], (ARRAY['onsite','hybrid','remote'])[1 + g % 3]::"WorkMode", 2000, 5000, 3 + g % 3, 3, ARRAY['zh'], 1 + g % 3,
           (now() + ((g % 120) - 10) * interval '1 day')::date, now() + ((g % 120) - 10) * interval '1 day', CASE WHEN g % 10 = 0 THEN 'closed' ELSE 'published' END::"RoleStatus", now()
      FROM generate_series(1, ${SCALE_ROLES}) g`)
  await sql(
    `INSERT INTO "RoleSkill" ("roleId", "skillId", level, required) SELECT 'gr' || g, sk.id, 2 + floor(random() * 3)::int, k <= 2 FROM (SELECT g, k, floor((SELECT count(*) FROM sk) * random() ^ 1.5)::int AS n FROM generate_series(1, ${SCALE_ROLES}) g CROSS JOIN generate_series(1, 4) k) pick JOIN sk ON sk.n = pick.n ON CONFLICT DO NOTHING`,
  )
  await sql(
    `INSERT INTO "User" (id, email, name, "updatedAt") SELECT 'gus' || g, 'gen' || g || '@bench.example', '学生' || g, now() FROM generate_series(1, ${SCALE_STUDENTS}) g`,
  )
  await sql(`INSERT INTO "StudentProfile" (id, "userId", "universityId", "preferredCities", "workModes", visibility, "updatedAt")
    SELECT 'gs' || g, 'gus' || g, 'gu' || (1 + g % 12), CASE WHEN g % 3 = 0 THEN ARRAY['nanning'] ELSE '{}'::text[] END, '{}', CASE WHEN g % 3 = 0 THEN 'discoverable' ELSE 'private' END::"ProfileVisibility", now()
      FROM generate_series(1, ${SCALE_STUDENTS}) g`)
  await sql(
    `INSERT INTO "StudentCourse" ("studentId", "courseId", grade, verified, "updatedAt") SELECT 'gs' || g, 'gc' || (1 + (g % 12) + 12 * floor(random() * 40)::int), 55 + floor(random() * 45)::int, true, now() FROM generate_series(1, ${SCALE_STUDENTS}) g CROSS JOIN generate_series(1, 4) k ON CONFLICT DO NOTHING`,
  )
  await sql(
    `INSERT INTO "StudentSkill" ("studentId", "skillId", level) SELECT 'gs' || g, sk.id, 1 + floor(random() * 4)::int FROM (SELECT g, k, floor((SELECT count(*) FROM sk) * random() ^ 1.5)::int AS n FROM generate_series(1, ${SCALE_STUDENTS}) g CROSS JOIN generate_series(1, 2) k) pick JOIN sk ON sk.n = pick.n ON CONFLICT DO NOTHING`,
  )
  await sql(`ANALYZE`)
  console.log(`  generated in ${((performance.now() - genStarted) / 1000).toFixed(1)} s`)

  function percentile(xs: number[], p: number) {
    const sorted = [...xs].sort((a, b) => a - b)
    return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10
  }
  async function time(runs: number, fn: (i: number) => Promise<unknown>) {
    for (let i = 0; i < 3; i++) await fn(i + 10_000)
    const ms: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      await fn(i)
      ms.push(performance.now() - started)
    }
    return { runs, p50Ms: percentile(ms, 50), p95Ms: percentile(ms, 95) }
  }
  // The matching index is built once per process (at server start in the app); the
  // requests below measure the steady state, each applying the change log first.
  const buildStarted = performance.now()
  await matchIndex()
  const indexBuildMs = Math.round(performance.now() - buildStarted)
  console.log(`  matching index built in ${(indexBuildMs / 1000).toFixed(1)} s`)
  const pickStudent = (i: number) => `gs${1 + ((i * 7919) % SCALE_STUDENTS)}`
  const pickRole = (i: number) => `gr${1 + ((i * 104_729) % SCALE_ROLES)}`
  const scale = {
    roles: SCALE_ROLES,
    students: SCALE_STUDENTS,
    studentRecommendations: await time(100, (i) => recommendationsFor(pickStudent(i), { limit: 10, locale: 'zh-CN' })),
    roleCandidates: await time(100, (i) => candidatesFor(pickRole(i), { limit: 20, locale: 'zh-CN' })),
    regionalSkillGap: await time(10, () => skillGapReport({ universityId: null })),
    universitySkillGap: await time(10, (i) => skillGapReport({ universityId: `gu${1 + (i % 12)}` })),
    indexBuildMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
  console.log(`scale (${SCALE_ROLES} roles, ${SCALE_STUDENTS} students)`)
  for (const name of ['studentRecommendations', 'roleCandidates', 'regionalSkillGap', 'universitySkillGap'] as const) {
    console.log(`  ${name}: p50 ${scale[name].p50Ms} ms, p95 ${scale[name].p95Ms} ms`)
  }
  console.log(`  peak RSS ${scale.peakRssMb} MB`)
  return scale
}

const scale = only === 'scale' ? await measureScale() : await measureScaleInFreshProcess()
if (args.data.emit) {
  await fs.writeFile(args.data.emit, JSON.stringify(scale))
  await release()
  process.exit(0)
}

const goals = [
  ...qualityGoals,
  { name: 'recommendations p95 ≤ 25 ms', value: scale.studentRecommendations.p95Ms, limit: 25, pass: scale.studentRecommendations.p95Ms <= 25 },
  { name: 'candidates p95 ≤ 100 ms', value: scale.roleCandidates.p95Ms, limit: 100, pass: scale.roleCandidates.p95Ms <= 100 },
  { name: 'regional skill gap p95 ≤ 500 ms', value: scale.regionalSkillGap.p95Ms, limit: 500, pass: scale.regionalSkillGap.p95Ms <= 500 },
  { name: 'matching index build ≤ 5 s', value: scale.indexBuildMs / 1000, limit: 5, pass: scale.indexBuildMs <= 5_000 },
  { name: 'peak RSS ≤ 350 MB', value: scale.peakRssMb, limit: 350, pass: scale.peakRssMb <= 350 },
]
goals.forEach(printGoal)
const targets = Object.fromEntries(goals.map((goal) => [goal.name, goal.pass]))
if (quality || !GOAL_SIZE) {
  const report = {
    benchmark: 'matching',
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: os.cpus().length, totalMemoryMb: Math.round(os.totalmem() / 2 ** 20), loadavgAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    ...(quality && { quality: quality.summary, perStudent: quality.perStudent }),
    scale,
    goals,
    targets,
  }
  const file = GOAL_SIZE ? 'bench/results/matching.json' : `bench/results/matching-${SCALE_ROLES}x${SCALE_STUDENTS}.json`
  await fs.mkdir('bench/results', { recursive: true })
  await fs.writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`written ${file}`)
}
if (only === 'scale') await release()
process.exit(0)
