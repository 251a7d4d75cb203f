// What the matching index reads from PostgreSQL: the taxonomy, published roles and students
// as scoring reads them, numbered into the index's tables (index-columns.ts). Lists come
// joined as one string per row (see roleQuery), which splits far faster than pg parses arrays.
import type pg from 'pg'
import { ACTIVE_CREDENTIAL, bilingual, COUNTED_EVENT_IDS, COUNTED_EXTERNAL_CREDENTIAL } from './evidence.server.ts'
import { supplyEntry, type IndexTables, type RoleRecord, type StudentRecord } from './index-columns.ts'
import type { Evidence, SkillInfo, WorkModeValue } from './scoring.ts'

/** A course passed with less than this does not count as holding its skills. */
const PASS_GRADE = 60

export type Queryable = Pick<pg.PoolClient, 'query'>

type RoleRow = {
  id: string
  companyId: string
  kind: string
  city: string
  workMode: WorkModeValue
  daysPerWeek: number
  languages: string[]
  closesMs: number
  openings: number
  /** "skillId:level:required(0/1)" separated by spaces, in stored order. */
  skills: string | null
}

// Lists are joined for all the selected rows at once rather than looked up per row, and
// come as one string each, which splits far faster than pg parses
// arrays. Ids are cuids: no spaces or colons.
// closesAt as epoch milliseconds: pg would read the zone-less column as local time.
// Skills keep stored order (as the company listed them), as in evidence.server.ts.
function roleQuery({ cte, where }: Selected) {
  return `WITH r AS ${cte} (SELECT * FROM "InternshipRole" r WHERE r.status = 'published' AND r."hiddenAt" IS NULL
                                 AND NOT EXISTS (SELECT 1 FROM "Company" c WHERE c.id = r."companyId" AND (c."suspendedAt" IS NOT NULL OR c."verifiedAt" IS NULL)) AND ${where('r')}),
    k AS (SELECT rs."roleId" AS id, string_agg(rs."skillId" || ':' || rs.level || ':' || rs.required::int, ' ' ORDER BY rs.ctid) AS skills
            FROM r JOIN "RoleSkill" rs ON rs."roleId" = r.id GROUP BY rs."roleId")
    SELECT r.id, r."companyId", r.kind::text AS kind, r.city, r."workMode"::text AS "workMode", r."daysPerWeek", coalesce(r.languages, '{}') AS languages,
           (extract(epoch FROM r."closesAt") * 1000)::float8 AS "closesMs", r.openings, k.skills
      FROM r LEFT JOIN k ON k.id = r.id`
}

function toRole(t: IndexTables, r: RoleRow): RoleRecord {
  return {
    id: r.id,
    company: t.value(r.companyId),
    kind: t.value(r.kind),
    city: t.value(r.city),
    workMode: t.value(r.workMode),
    daysPerWeek: r.daysPerWeek,
    languages: t.list(r.languages),
    closesMs: r.closesMs,
    openings: r.openings,
    skills: (r.skills ? r.skills.split(' ') : []).map((item) =>
      t.roleSkills.ord(item, () => {
        const [skillId, level, required] = item.split(':')
        return { entry: { skillId: skillId!, level: Number(level), required: required === '1' }, ord: t.ordinal(skillId!) }
      }),
    ),
  }
}

type StudentRow = {
  id: string
  universityId: string | null
  discoverable: boolean
  preferredCities: string[]
  workModes: WorkModeValue[]
  availableMs: number | null
  daysPerWeek: number | null
  languages: string | null
  /** "skillId:level" separated by spaces. */
  declared: string | null
  /** "skillId:level:universityId:grade(or empty):verified(0/1)" separated by spaces. */
  courses: string | null
  /** "skillId:level" separated by spaces. */
  events: string | null
  /** "skillId:level:kind" separated by spaces: what the student reported themselves. */
  own: string | null
  /** "skillId:level" separated by spaces: the skills of imported credentials that count. */
  external: string | null
  /** "skillId:level:grade(or empty)" separated by spaces: the skills of active credentials. */
  credentials: string | null
}

// Lists never set are NULL in the table (Prisma reads them as []).
function studentQuery({ cte, where }: Selected) {
  return `WITH p AS ${cte} (SELECT * FROM "StudentProfile" p WHERE ${where('p')}),
    d AS (SELECT ss."studentId" AS id, string_agg(ss."skillId" || ':' || ss.level, ' ') AS declared
            FROM p JOIN "StudentSkill" ss ON ss."studentId" = p.id GROUP BY ss."studentId"),
    c AS (SELECT sc."studentId" AS id,
                 string_agg(cs."skillId" || ':' || cs.level || ':' || co."universityId" || ':' || coalesce(sc.grade::text, '') || ':' || sc.verified::int, ' ') AS courses
            FROM p JOIN "StudentCourse" sc ON sc."studentId" = p.id JOIN "Course" co ON co.id = sc."courseId" JOIN "CourseSkill" cs ON cs."courseId" = sc."courseId"
           GROUP BY sc."studentId"),
    l AS (SELECT l."studentId" AS id, string_agg(l.language, ' ') AS languages FROM p JOIN "StudentLanguage" l ON l."studentId" = p.id GROUP BY l."studentId"),
    o AS (SELECT es."studentId" AS id, string_agg(es."skillId" || ':' || es.level || ':' || e.kind, ' ') AS own
            FROM p JOIN "StudentEvidenceSkill" es ON es."studentId" = p.id JOIN "StudentEvidence" e ON e.id = es."evidenceId" GROUP BY es."studentId"),
    xc AS (SELECT x."studentId" AS id, string_agg(xs."skillId" || ':' || xs.level, ' ') AS external
             FROM p JOIN "ExternalCredential" x ON x."studentId" = p.id JOIN "ExternalCredentialSkill" xs ON xs."credentialId" = x.id
            WHERE ${COUNTED_EXTERNAL_CREDENTIAL} GROUP BY x."studentId"),
    v AS (SELECT ic."studentId" AS id, string_agg(cs."skillId" || ':' || cs.level || ':' || coalesce(cs.grade::text, ''), ' ') AS credentials
            FROM p JOIN "IssuedCredential" ic ON ic."studentId" = p.id JOIN "CredentialSkill" cs ON cs."credentialId" = ic.id
           WHERE ${ACTIVE_CREDENTIAL} GROUP BY ic."studentId")
    SELECT p.id, p."universityId",
           -- As discoverableStudentWhere (students/profile.server.ts): only a proven address is found.
           p.visibility = 'discoverable' AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = p."userId" AND u."emailVerifiedAt" IS NOT NULL) AS discoverable,
           coalesce(p."preferredCities", '{}') AS "preferredCities", coalesce(p."workModes"::text[], '{}') AS "workModes",
           (extract(epoch FROM p."availableFrom") * 1000)::float8 AS "availableMs", p."daysPerWeek", l.languages, d.declared, c.courses, o.own, xc.external, v.credentials,
           (SELECT string_agg(es."skillId" || ':' || es.level, ' ') FROM (${COUNTED_EVENT_IDS}) r JOIN "EventSkill" es ON es."eventId" = r."eventId") AS events
      FROM p LEFT JOIN d ON d.id = p.id LEFT JOIN c ON c.id = p.id LEFT JOIN l ON l.id = p.id LEFT JOIN o ON o.id = p.id LEFT JOIN xc ON xc.id = p.id LEFT JOIN v ON v.id = p.id`
}

// Evidence sources without titles, shared: a course's differs only by verified and grade.
const NO_TITLE = { zh: '', en: '' }
const DECLARED: Evidence['source'] = { kind: 'declared' }
const EVENT: Evidence['source'] = { kind: 'event', eventId: '', title: NO_TITLE }
const courseSources = new Map<string, Evidence['source']>()
function courseSource(verified: boolean, grade: number | null): Evidence['source'] {
  const key = `${verified}:${grade}`
  const known = courseSources.get(key)
  if (known) return known
  const source: Evidence['source'] = { kind: verified ? 'verifiedCourse' : 'claimedCourse', courseId: '', title: NO_TITLE, grade }
  courseSources.set(key, source)
  return source
}
const ownSources = new Map<string, Evidence['source']>(
  (['course', 'project', 'work', 'contest'] as const).map((what) => [what, { kind: 'selfReported', what, evidenceId: '', title: '' }]),
)
const EXTERNAL_CREDENTIAL: Evidence['source'] = { kind: 'credential', credentialId: '', title: NO_TITLE, issuer: NO_TITLE, grade: null }
const credentialSources = new Map<string, Evidence['source']>()
function credentialSource(grade: number | null): Evidence['source'] {
  const key = String(grade)
  const known = credentialSources.get(key)
  if (known) return known
  const source: Evidence['source'] = { kind: 'credential', credentialId: '', title: NO_TITLE, issuer: NO_TITLE, grade }
  credentialSources.set(key, source)
  return source
}
const split = (list: string | null) => (list ? list.split(' ').map((item) => item.split(':')) : [])

function toStudent(t: IndexTables, p: StudentRow): StudentRecord {
  const evidence = (key: string, make: () => Evidence) =>
    t.evidence.ord(key, () => {
      const entry = make()
      return { entry, ord: t.ordinal(entry.skillId) }
    })
  const supply: number[] = []
  const declared = split(p.declared).map(([skillId, level]) => {
    supply.push(supplyEntry(t.ordinal(skillId!), null))
    return evidence(`d:${skillId}:${level}`, () => ({ skillId: skillId!, level: Number(level), source: DECLARED }))
  })
  const courses = split(p.courses).map(([skillId, level, universityId, grade, verified]) => {
    const graded = grade === '' ? null : Number(grade)
    if (graded === null || graded >= PASS_GRADE) supply.push(supplyEntry(t.ordinal(skillId!), t.university(universityId!)))
    return evidence(`c:${skillId}:${level}:${verified}:${grade}`, () => ({
      skillId: skillId!,
      level: Number(level),
      source: courseSource(verified === '1', graded),
    }))
  })
  const credentials = split(p.credentials).map(([skillId, level, grade]) =>
    evidence(`v:${skillId}:${level}:${grade}`, () => ({
      skillId: skillId!,
      level: Number(level),
      source: credentialSource(grade === '' ? null : Number(grade)),
    })),
  )
  const external = split(p.external).map(([skillId, level]) =>
    evidence(`x:${skillId}:${level}`, () => ({ skillId: skillId!, level: Number(level), source: EXTERNAL_CREDENTIAL })),
  )
  const events = split(p.events).map(([skillId, level]) =>
    evidence(`e:${skillId}:${level}`, () => ({ skillId: skillId!, level: Number(level), source: EVENT })),
  )
  const own = split(p.own).map(([skillId, level, kind]) =>
    evidence(`o:${skillId}:${level}:${kind}`, () => ({ skillId: skillId!, level: Number(level), source: ownSources.get(kind!) ?? DECLARED })),
  )
  const languages = p.languages ? p.languages.split(' ') : []
  return {
    id: p.id,
    university: p.universityId === null ? -1 : t.university(p.universityId),
    discoverable: p.discoverable,
    cities: t.list(p.preferredCities),
    workModes: t.list(p.workModes),
    // Scoring reads which languages are spoken; the level only words a reason.
    spoken: t.spoken.ord(languages.join(' '), () => languages.map((language) => ({ language, level: null }))),
    availableMs: p.availableMs ?? Number.NaN,
    daysPerWeek: p.daysPerWeek ?? -1,
    evidence: [...credentials, ...external, ...declared, ...courses, ...events, ...own],
    supply,
  }
}

export async function loadSkills(db: Queryable): Promise<Map<string, SkillInfo>> {
  const { rows } = await db.query<{ id: string; key: string; nameZh: string | null; nameEn: string | null; parentId: string | null }>(
    `SELECT id, key, "nameZh", "nameEn", "parentId" FROM "Skill"`,
  )
  return new Map(rows.map((s) => [s.id, { id: s.id, key: s.key, name: bilingual(s.nameZh, s.nameEn), parentId: s.parentId }]))
}

/** Rows per FETCH while building: the build's transient rows stay small beside the index. */
const BUILD_BATCH = 2_000
/** Some rows by id (a change applied), or all of them (the build). */
type Selection = { ids: string[] } | 'all'
type Selected = { cte: string; where: (alias: string) => string }
// A few ids: the selected rows are materialised first, so each list is joined for them
// alone. All rows: the planner is free to aggregate each list in one pass over its table;
// reading all rows a page at a time instead re-scanned the list tables for every page.
const selected = (selection: Selection): Selected =>
  selection === 'all' ? { cte: 'NOT MATERIALIZED', where: () => 'TRUE' } : { cte: 'MATERIALIZED', where: (alias) => `${alias}.id = ANY($1::text[])` }

export async function loadRoles(db: Queryable, t: IndexTables, ids: string[]): Promise<RoleRecord[]> {
  const { rows } = await db.query<RoleRow>(roleQuery(selected({ ids })), [ids])
  return rows.map((r) => toRole(t, r))
}

export async function loadStudents(db: Queryable, t: IndexTables, ids: string[]): Promise<StudentRecord[]> {
  const { rows } = await db.query<StudentRow>(studentQuery(selected({ ids })), [ids])
  return rows.map((p) => toStudent(t, p))
}

/** Every row a query selects, `BUILD_BATCH` at a time, through a cursor the caller's transaction closes. */
async function streamRows<Row>(client: Queryable, cursor: string, sql: string, each: (row: Row) => void) {
  const started = performance.now()
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`)
  for (;;) {
    const { rows } = await client.query<Row & pg.QueryResultRow>(`FETCH ${BUILD_BATCH} FROM ${cursor}`)
    rows.forEach(each)
    if (rows.length < BUILD_BATCH) return Math.round(performance.now() - started)
  }
}

/** Every role, then every student, handed on one at a time (the build, in one transaction). */
export async function streamAll(client: Queryable, t: IndexTables, put: { role: (role: RoleRecord) => void; student: (student: StudentRecord) => void }) {
  const rolesMs = await streamRows<RoleRow>(client, 'match_build_roles', roleQuery(selected('all')), (row) => put.role(toRole(t, row)))
  const studentsMs = await streamRows<StudentRow>(client, 'match_build_students', studentQuery(selected('all')), (row) => put.student(toStudent(t, row)))
  return { rolesMs, studentsMs }
}

/** The students whose evidence a change to a course, user, team or event touches. */
export async function studentsTouched(
  db: Queryable,
  changed: { student: string[]; course: string[]; user: string[]; team: string[]; event: string[] },
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT unnest($1::text[]) AS id
     UNION SELECT sc."studentId" FROM "StudentCourse" sc WHERE sc."courseId" = ANY($2::text[])
     UNION SELECT p.id FROM "StudentProfile" p WHERE p."userId" = ANY($3::text[])
     UNION SELECT p.id FROM "TeamMember" tm JOIN "StudentProfile" p ON p."userId" = tm."userId" WHERE tm."teamId" = ANY($4::text[])
     UNION SELECT p.id FROM "Registration" reg JOIN "StudentProfile" p ON p."userId" = reg."userId" WHERE reg."eventId" = ANY($5::text[])
     UNION SELECT p.id FROM "Registration" reg JOIN "TeamMember" tm ON tm."teamId" = reg."teamId"
             JOIN "StudentProfile" p ON p."userId" = tm."userId" WHERE reg."eventId" = ANY($5::text[])`,
    [changed.student, changed.course, changed.user, changed.team, changed.event],
  )
  return rows.map((r) => r.id)
}
