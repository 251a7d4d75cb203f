// Writes scripts/demo-data/demo.json, the demo data set in the import format
// (docs/import-format.md). Deterministic: a fixed seed and fixed date anchors,
// so every run produces the same bytes. Run with `npx tsx scripts/demo-data/generate.ts`.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { companies, type CompanyInfo } from './companies.ts'
import { events } from './events.ts'
import type { Company, ImportDocument, Role, Skill, Student, WorkMode } from './format.ts'
import { makeName, type Nationality } from './names.ts'
import { Random } from './prng.ts'
import { draftRoles, draftText, stipendRange } from './roles.ts'
import { skills } from './skills.ts'
import { buildCourses, universities, type UniversityInfo } from './universities.ts'

const SEED = 20261127
/** Role deadlines fall between these days (inclusive). */
const DEADLINE_FIRST = '2027-03-01'
const DEADLINE_SPAN_DAYS = 305 // 2027-03-01 + 305 days = 2027-12-31
const STUDENT_COUNT = 300
const EMAIL_DOMAIN = 'students.example.edu.cn'

const englishCityNames: Record<string, string> = {
  南宁: 'Nanning',
  柳州: 'Liuzhou',
  桂林: 'Guilin',
  百色: 'Baise',
  北海: 'Beihai',
  梧州: 'Wuzhou',
  钦州: 'Qinzhou',
  玉林: 'Yulin',
  防城港: 'Fangchenggang',
  贵港: 'Guigang',
  河池: 'Hechi',
  来宾: 'Laibin',
  崇左: 'Chongzuo',
  贺州: 'Hezhou',
}

/** Adds whole days to a YYYY-MM-DD date using UTC arithmetic, so time zones never shift it. */
function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  if (y === undefined || m === undefined || d === undefined) throw new Error(`bad date ${isoDate}`)
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10)
}

/** Mostly the Chinese city name, sometimes the English one: the app treats both alike. */
function cityName(zh: string, rng: Random, englishShare: number): string {
  const en = englishCityNames[zh]
  return en !== undefined && rng.chance(englishShare) ? en : zh
}

function roundTo100(n: number): number {
  return Math.round(n / 100) * 100
}

// ---------------------------------------------------------------------------
// Roles

function roleLanguages(company: CompanyInfo, wantsAsean: boolean, slug: string, rng: Random): string[] {
  const asean = company.aseanLanguage
  if (asean !== undefined && (wantsAsean || rng.chance(0.08))) return rng.chance(0.6) ? ['zh', 'en', asean] : ['zh', asean]
  // Audit reports are delivered in both languages.
  if (slug === 'contract-audit' || rng.chance(0.18)) return ['zh', 'en']
  return ['zh']
}

function buildRoles(rng: Random): Role[] {
  const roles: Role[] = []
  for (const company of companies) {
    for (const draft of draftRoles(company, rng.int(3, 5), rng)) {
      const [lo, hi] = stipendRange[draft.kind]
      const min = roundTo100(rng.int(lo, hi))
      const max = Math.min(6000, min + 100 * rng.int(0, 15))
      roles.push({
        key: `${company.key}.${draft.slug}`,
        company: company.key,
        ...draftText(draft),
        kind: draft.kind,
        city: cityName(company.city, rng, 0.2),
        workMode: rng.weighted([
          ['onsite', 0.55],
          ['hybrid', 0.3],
          ['remote', 0.15],
        ] as const),
        stipendMonthly: { min, max },
        daysPerWeek: rng.weighted([
          [3, 0.3],
          [4, 0.4],
          [5, 0.3],
        ] as const),
        durationMonths: rng.int(3, 6),
        skills: draft.skills,
        languages: roleLanguages(company, draft.wantsAseanLanguage, draft.slug, rng),
        openings: rng.weighted([
          [1, 0.45],
          [2, 0.3],
          [3, 0.15],
          [4, 0.06],
          [5, 0.04],
        ] as const),
        deadline: addDays(DEADLINE_FIRST, rng.int(0, DEADLINE_SPAN_DAYS)),
        status: 'published',
      })
    }
  }
  // A few drafts and closed roles, spread over companies.
  const picked = rng.sample(
    roles.map((_, i) => i),
    13,
  )
  picked.forEach((index, n) => {
    const role = roles[index]
    if (role) role.status = n < 8 ? 'draft' : 'closed'
  })
  return roles
}

// ---------------------------------------------------------------------------
// Students

/** Skill categories each major leans towards: drives course choice and self-declared skills. */
const majorFocus: Record<string, readonly string[]> = {
  计算机科学与技术: ['chains', 'contracts', 'backend', 'frontend', 'ops'],
  软件工程: ['backend', 'frontend', 'testing', 'product', 'contracts'],
  网络空间安全: ['crypto', 'contracts', 'testing', 'ops'],
  信息安全: ['crypto', 'contracts', 'testing', 'ops'],
  区块链工程: ['chains', 'contracts', 'crypto', 'backend'],
  数据科学与大数据技术: ['data', 'backend'],
  人工智能: ['data', 'backend', 'crypto'],
  物联网工程: ['backend', 'ops', 'chains'],
  金融科技: ['domain', 'contracts', 'product', 'data'],
  金融学: ['domain', 'product', 'data'],
  国际经济与贸易: ['domain', 'product'],
  电子商务: ['domain', 'product', 'frontend'],
  信息管理与信息系统: ['product', 'data', 'backend'],
  物流管理: ['domain', 'product'],
}

const otherCities = ['柳州', '桂林', '北海', '钦州', '防城港', '崇左', '梧州', '玉林', '百色'] as const
const workModes: readonly WorkMode[] = ['onsite', 'hybrid', 'remote']

/** 45 ASEAN students (15%), by nationality. */
const aseanNationalities: Nationality[] = [
  ...Array<Nationality>(15).fill('vn'),
  ...Array<Nationality>(10).fill('th'),
  ...Array<Nationality>(8).fill('my'),
  ...Array<Nationality>(8).fill('id'),
  ...Array<Nationality>(4).fill('la'),
]

function clampLevel(level: number): number {
  return Math.max(1, Math.min(5, level))
}

function buildStudents(rng: Random, courses: ReturnType<typeof buildCourses>): Student[] {
  const skillCategory = new Map(skills.map((s) => [s.key, s.category ?? '']))
  const coursesByUniversity = new Map<string, typeof courses>()
  for (const course of courses) {
    const list = coursesByUniversity.get(course.university) ?? []
    list.push(course)
    coursesByUniversity.set(course.university, list)
  }

  // One slot per student seat, shuffled so keys do not run university by university.
  const slots: UniversityInfo[] = rng.sample(
    universities.flatMap((u) => Array<UniversityInfo>(u.students).fill(u)),
    STUDENT_COUNT,
  )
  const aseanSlots = rng.sample(
    slots.map((u, i) => (u.hostsAsean ? i : -1)).filter((i) => i >= 0),
    aseanNationalities.length,
  )
  const nationalityBySlot = new Map(aseanSlots.map((slot, i) => [slot, aseanNationalities[i] ?? 'vn']))

  return slots.map((university, index): Student => {
    const n = index + 1
    const nationality = nationalityBySlot.get(index) ?? 'cn'
    const name = makeName(nationality, rng)
    const major = rng.pick(university.majors)
    const focus = majorFocus[major] ?? []
    const graduationYear = rng.weighted([
      [2026, 0.08],
      [2027, 0.32],
      [2028, 0.35],
      [2029, 0.25],
    ] as const)

    // Seniors have passed more courses; relevant courses and the intro course are likelier.
    const offered = [...(coursesByUniversity.get(university.key) ?? [])]
    const courseCount = { 2026: rng.int(4, 7), 2027: rng.int(3, 6), 2028: rng.int(2, 5), 2029: rng.int(1, 3) }[graduationYear]
    const taken: { course: (typeof courses)[number]; grade: number }[] = []
    while (taken.length < courseCount && offered.length > 0) {
      const i = rng.weighted(
        offered.map((c, i) => {
          const relevant = c.skills.some((s) => focus.includes(skillCategory.get(s.skill) ?? ''))
          const intro = c.key.endsWith('.blockchain-principles')
          return [i, intro ? 4 : relevant ? 3 : 1] as const
        }),
      )
      const [course] = offered.splice(i, 1)
      if (!course) break
      // Average of three draws: grades cluster in the 70s and 80s.
      const grade = 60 + Math.round(((rng.float() + rng.float() + rng.float()) / 3) * 38)
      taken.push({ course, grade })
    }

    // Self-declared skills: some of what their courses taught, plus a few of their own.
    const declared = new Map<string, number>()
    for (const { course, grade } of taken) {
      for (const s of course.skills) {
        if (!rng.chance(0.25)) continue
        const delta = rng.weighted([
          [-1, 0.3],
          [0, 0.5],
          [1, grade >= 85 ? 0.4 : 0.15],
        ] as const)
        declared.set(s.skill, Math.max(declared.get(s.skill) ?? 0, clampLevel(s.level + delta)))
      }
    }
    const ownPool = skills.filter((s) => focus.includes(s.category ?? '') && !declared.has(s.key))
    for (const s of rng.sample(ownPool, rng.int(1, 3))) {
      declared.set(
        s.key,
        rng.weighted([
          [1, 0.3],
          [2, 0.4],
          [3, 0.25],
          [4, 0.05],
        ] as const),
      )
    }
    const studentSkills = [...declared].slice(0, 8).map(([skill, level]) => ({ skill, level }))

    const cities = new Set<string>()
    if (!rng.chance(0.15)) {
      if (rng.chance(0.6)) cities.add(university.city)
      if (rng.chance(0.7)) cities.add('南宁')
      if (rng.chance(0.35) || cities.size === 0) cities.add(rng.pick(otherCities))
    }

    const languages = name.nativeLanguage ? [name.nativeLanguage, 'zh', ...(rng.chance(0.8) ? ['en'] : [])] : ['zh', ...(rng.chance(0.75) ? ['en'] : [])]

    const student: Student = {
      key: `student.${String(n).padStart(4, '0')}`,
      email: `${name.first}.${name.last}.${n}@${EMAIL_DOMAIN}`,
      name: name.display,
      university: university.key,
      major,
      graduationYear,
      courses: taken.map(({ course, grade }) => ({ course: course.key, grade })),
      skills: studentSkills,
      preferredCities: [...cities].map((c) => cityName(c, rng, 0.15)),
      languages,
      availableFrom: `2027-${String(rng.int(1, 9)).padStart(2, '0')}-${rng.pick(['01', '15'])}`,
      discoverable: rng.chance(0.6),
    }
    // Missing or empty workModes both mean "any"; the demo shows both.
    const modeChoice = rng.float()
    if (modeChoice >= 0.2) {
      const chosen = modeChoice < 0.25 ? [] : rng.sample(workModes, rng.int(1, 3))
      student.workModes = workModes.filter((m) => chosen.includes(m))
    }
    return student
  })
}

// ---------------------------------------------------------------------------
// Self-checks for the hand-written lists (typos should fail here, not at import).

function assertConsistent(doc: Required<ImportDocument>): void {
  const skillKeys = new Set<string>()
  for (const s of doc.skills) {
    // Parents come first so the file never refers forward inside its own section.
    if (s.parent !== undefined && !skillKeys.has(s.parent)) throw new Error(`skill ${s.key}: parent ${s.parent} not defined before it`)
    skillKeys.add(s.key)
  }
  const used = [
    ...doc.courses.flatMap((c) => c.skills.map((s) => s.skill)),
    ...doc.roles.flatMap((r) => r.skills.map((s) => s.skill)),
    ...doc.students.flatMap((s) => s.skills.map((k) => k.skill)),
  ]
  for (const key of used) if (!skillKeys.has(key)) throw new Error(`unknown skill ${key}`)
  const roleKeys = new Set(doc.roles.map((r) => r.key))
  if (roleKeys.size !== doc.roles.length) throw new Error('duplicate role keys')
  if (doc.students.length !== STUDENT_COUNT) throw new Error(`expected ${STUDENT_COUNT} students`)
}

function toCompanyRecord(info: CompanyInfo): Company {
  const { key, name, city, description, website, parkIncubated } = info
  return { key, name, city, description, website, parkIncubated }
}

function main(): void {
  // Separate streams per section: editing one hand-written list does not reshuffle the others.
  const courses = buildCourses()
  const doc: Required<ImportDocument> = {
    version: 1,
    skills: skills satisfies Skill[],
    universities: universities.map(({ key, name, city }) => ({ key, name, city })),
    courses,
    companies: companies.map(toCompanyRecord),
    roles: buildRoles(new Random(SEED)),
    students: buildStudents(new Random(SEED + 1), courses),
    events,
  }
  assertConsistent(doc)

  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo.json')
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`)
  console.log(
    `wrote ${path.relative(process.cwd(), out)}: ${doc.skills.length} skills, ${doc.universities.length} universities, ` +
      `${doc.courses.length} courses, ${doc.companies.length} companies, ${doc.roles.length} roles, ` +
      `${doc.students.length} students, ${doc.events.length} events`,
  )
}

main()
