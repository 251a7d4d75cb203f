// Checks a whole import document before anything is written: the format (schema.ts),
// then the rules across records and against the database. Problems are reported in
// file order, each with its JSON path, in the reader's language.
import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { translator, type MessageKey, type MessageParams } from '#app/i18n/translate.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { postingProblems } from '#app/modules/roles/posting-rules.ts'
import { roleFieldsFromImport } from '#app/modules/roles/schemas.ts'
import {
  documentShellSchema,
  KEY_PATTERN,
  sectionNames,
  sectionSchemas,
  type ImportCompany,
  type ImportCourse,
  type ImportRole,
  type ImportSkill,
  type ImportStudent,
  type SectionName,
} from './schema.ts'

export type ImportProblem = { path: string; message: string }

type Path = (string | number)[]

/** `['roles', 12, 'skills', 0, 'level']` → `roles[12].skills[0].level` */
export function formatPath(path: Path): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('')
}

type Parsed = {
  skills: ImportSkill
  universities: unknown
  courses: ImportCourse
  companies: ImportCompany
  roles: ImportRole
  students: ImportStudent
  events: unknown
}
type Row<S extends SectionName> = { index: number; raw: unknown; data?: Parsed[S]; issues: z.ZodIssue[] }

function rawKey(raw: unknown): string | undefined {
  const key = (raw as { key?: unknown } | null)?.key
  return typeof key === 'string' && KEY_PATTERN.test(key) ? key : undefined
}

export async function validateImport(raw: unknown, locale: Locale = 'en', now = new Date()): Promise<ImportProblem[]> {
  const t = translator(locale)
  const errorMap = errorMapFor(locale)
  const problems: ImportProblem[] = []
  const report = (path: Path, key: MessageKey, params?: MessageParams) => problems.push({ path: formatPath(path), message: t(key, params) })
  const reportIssues = (prefix: Path, issues: z.ZodIssue[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path]
      // One line per unknown field, at the field itself: they are usually typos.
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        for (const key of issue.keys) report([...path, key], 'import.unknownField')
      } else {
        problems.push({ path: formatPath(path), message: issue.message })
      }
    }
  }

  const shell = documentShellSchema.safeParse(raw, { errorMap })
  if (!shell.success) reportIssues([], shell.error.issues)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problems
  const document = raw as Record<string, unknown>

  const rows = Object.fromEntries(
    sectionNames.map((section) => {
      const list = Array.isArray(document[section]) ? (document[section] as unknown[]) : []
      const parsed = list.map((item, index) => {
        const result = sectionSchemas[section].safeParse(item, { errorMap })
        return { index, raw: item, data: result.success ? result.data : undefined, issues: result.success ? [] : result.error.issues }
      })
      return [section, parsed]
    }),
  ) as { [S in SectionName]: Row<S>[] }

  const inFile = Object.fromEntries(sectionNames.map((section) => [section, new Set(rows[section].map((row) => rawKey(row.raw)).filter(Boolean))])) as Record<
    SectionName,
    Set<string>
  >
  const db = await loadFromDatabase(rows, inFile)
  const unknownKey = {
    skills: 'import.unknownSkill',
    universities: 'import.unknownUniversity',
    courses: 'import.unknownCourse',
    companies: 'import.unknownCompany',
  } as const

  const skillParents = new Map(db.skillParents)
  for (const row of rows.skills) if (row.data) skillParents.set(row.data.key, row.data.parent ?? null)
  const emailsSeen = new Map<string, string>()
  const creditCodesSeen = new Map<string, string>()
  const courseCodesSeen = new Map<string, string>()

  for (const section of sectionNames) {
    const firstAt = new Map<string, string>()
    for (const row of rows[section] as Row<SectionName>[]) {
      const at: Path = [section, row.index]
      reportIssues(at, row.issues)
      const key = rawKey(row.raw)
      if (key !== undefined) {
        const first = firstAt.get(key)
        if (first) report([...at, 'key'], 'import.duplicateKey', { key, first })
        else firstAt.set(key, formatPath(at))
      }
      if (row.data) {
        if (section === 'skills') {
          const cycle = parentCycle((row.data as ImportSkill).key, skillParents)
          if (cycle) report([...at, 'parent'], 'import.skillCycle', { chain: cycle.join(' → ') })
        } else if (section === 'courses') {
          const course = row.data as ImportCourse
          if (course.code) {
            const codeKey = `${course.university}\u0000${course.code}`
            // A stored course that is also in the file is judged by its new code there.
            const stored = db.courseCodes.get(codeKey)
            const other = courseCodesSeen.get(codeKey) ?? (stored && !inFile.courses.has(stored) ? stored : undefined)
            if (other && other !== course.key) report([...at, 'code'], 'import.duplicateCourseCode', { code: course.code, other })
            else courseCodesSeen.set(codeKey, course.key)
          }
        } else if (section === 'companies') {
          // One code belongs to one company, in the file and in the database.
          const { creditCode, key: companyKey } = row.data as ImportCompany
          if (creditCode) {
            const first = creditCodesSeen.get(creditCode)
            const holder = db.creditCodeHolders.get(creditCode)
            if (first) report([...at, 'creditCode'], 'import.duplicateCreditCode', { code: creditCode, first })
            else if (holder !== undefined && holder !== companyKey) report([...at, 'creditCode'], 'import.creditCodeTaken', { code: creditCode })
            creditCodesSeen.set(creditCode, formatPath(at))
          }
        } else if (section === 'roles') {
          // The posting rules the form and the API apply, with the same field paths.
          const role = row.data as ImportRole
          for (const problem of postingProblems(roleFieldsFromImport(role), role.status, now)) {
            report([...at, ...problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))], problem.key, problem.params)
          }
        } else if (section === 'students') {
          const { email, key: studentKey } = row.data as ImportStudent
          const first = emailsSeen.get(email)
          if (first) report([...at, 'email'], 'import.duplicateEmail', { email, first })
          else emailsSeen.set(email, formatPath(at))
          const owner = db.emailOwners.get(email)
          if (owner !== undefined && owner !== studentKey) report([...at, 'email'], 'import.emailTaken', { email })
        }
      }
      for (const ref of refsOf(section, row.raw)) {
        if (!inFile[ref.kind].has(ref.key) && !db.keys[ref.kind].has(ref.key)) {
          report([...at, ...ref.path], unknownKey[ref.kind], { key: ref.key })
        }
      }
    }
  }
  return problems
}

/** The cycle through `start` that following parents leads back to, if any. */
function parentCycle(start: string, parents: Map<string, string | null>): string[] | null {
  const chain = [start]
  const visited = new Set(chain)
  for (let current = parents.get(start); current != null; current = parents.get(current)) {
    chain.push(current)
    if (current === start) return chain
    // A cycle further up that does not pass through `start` is reported at its own members.
    if (visited.has(current)) return null
    visited.add(current)
  }
  return null
}

type RefKind = 'skills' | 'universities' | 'courses' | 'companies'
type Ref = { path: Path; kind: RefKind; key: string }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The references a record makes, read from the raw JSON, so that a record with other
 * problems still has its references checked. Malformed keys are the schema's to report.
 */
function refsOf(section: SectionName, raw: unknown): Ref[] {
  const record = isObject(raw) ? raw : {}
  const refs: Ref[] = []
  const add = (path: Path, kind: RefKind, value: unknown) => {
    if (typeof value === 'string' && KEY_PATTERN.test(value)) refs.push({ path, kind, key: value })
  }
  const each = (field: string, inner: string, kind: RefKind) => {
    const list = record[field]
    if (Array.isArray(list)) list.forEach((item, i) => add([field, i, inner], kind, isObject(item) ? item[inner] : undefined))
  }
  if (section === 'skills') add(['parent'], 'skills', record.parent)
  if (section === 'courses' || section === 'students') add(['university'], 'universities', record.university)
  if (section === 'roles') add(['company'], 'companies', record.company)
  if (section === 'students') each('courses', 'course', 'courses')
  if (section === 'courses' || section === 'roles' || section === 'students') each('skills', 'skill', 'skills')
  return refs
}

/** Loads, with one query per kind, what the checks need to know about stored records. */
async function loadFromDatabase(rows: { [S in SectionName]: Row<S>[] }, inFile: Record<SectionName, Set<string>>) {
  const data = <S extends SectionName>(section: S) => rows[section].flatMap((row) => (row.data ? [row.data] : []))
  const wanted: Record<RefKind, Set<string>> = { skills: new Set(), universities: new Set(), courses: new Set(), companies: new Set() }
  for (const section of sectionNames) {
    for (const row of rows[section]) {
      for (const ref of refsOf(section, row.raw)) if (!inFile[ref.kind].has(ref.key)) wanted[ref.kind].add(ref.key)
    }
  }
  const keys = (kind: RefKind) => [...wanted[kind]]
  const emails = data('students').map((s) => s.email)
  const codedCourses = data('courses').filter((c) => c.code)
  const needsSkillTree = data('skills').some((s) => s.parent)
  const creditCodes = data('companies').flatMap((c) => (c.creditCode ? [c.creditCode] : []))

  const [skills, universities, courses, companies, users, storedCourses, tree, codeHolders] = await Promise.all([
    wanted.skills.size ? prisma.skill.findMany({ where: { key: { in: keys('skills') } }, select: { key: true } }) : [],
    wanted.universities.size ? prisma.university.findMany({ where: { key: { in: keys('universities') } }, select: { key: true } }) : [],
    wanted.courses.size ? prisma.course.findMany({ where: { key: { in: keys('courses') } }, select: { key: true } }) : [],
    wanted.companies.size ? prisma.company.findMany({ where: { key: { in: keys('companies') } }, select: { key: true } }) : [],
    emails.length ? prisma.user.findMany({ where: { email: { in: emails } }, select: { email: true, studentProfile: { select: { key: true } } } }) : [],
    codedCourses.length
      ? prisma.course.findMany({
          where: { code: { in: codedCourses.map((c) => c.code!) }, university: { key: { in: codedCourses.map((c) => c.university) } } },
          select: { key: true, code: true, university: { select: { key: true } } },
        })
      : [],
    needsSkillTree ? prisma.skill.findMany({ select: { key: true, parent: { select: { key: true } } } }) : [],
    creditCodes.length ? prisma.company.findMany({ where: { creditCode: { in: creditCodes } }, select: { key: true, creditCode: true } }) : [],
  ])
  const keySet = (list: { key: string | null }[]) => new Set(list.flatMap((r) => (r.key ? [r.key] : [])))
  return {
    keys: { skills: keySet(skills), universities: keySet(universities), courses: keySet(courses), companies: keySet(companies) },
    // An account without a student profile, or another student's, is "another account".
    emailOwners: new Map(users.map((u) => [u.email, u.studentProfile?.key ?? null])),
    courseCodes: new Map<string, string>(
      storedCourses.flatMap((c) => (c.key && c.university.key ? [[`${c.university.key}\u0000${c.code}`, c.key] as const] : [])),
    ),
    skillParents: new Map(tree.map((s) => [s.key, s.parent?.key ?? null] as const)),
    creditCodeHolders: new Map(codeHolders.map((c) => [c.creditCode ?? '', c.key] as const)),
  }
}
