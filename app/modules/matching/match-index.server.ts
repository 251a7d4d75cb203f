// The matching index: the taxonomy, every published role and every student's evidence (as
// scoring reads them), held in this process's memory. Candidate generation and the
// skill-gap report add up tens of thousands of postings per request; in memory that takes
// milliseconds, where aggregating them in SQL took hundreds (docs/decisions/009).
//
// Exact, not eventually consistent: triggers write a MatchChange row in the same
// transaction as every change to what the index holds, and each use first applies the rows
// committed since the last one. So a request sees every change committed before it began,
// as a query of its own would.
import pg from 'pg'
import { env } from '#app/lib/env.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { bilingual, COUNTED_EVENT_IDS, type LoadedRole } from './evidence.server.ts'
import { isOpen, type Evidence, type SkillInfo, type StudentForMatch, type WorkModeValue } from './scoring.ts'

export type IndexedRole = LoadedRole & {
  kind: string
  /** The skills' ordinals (IndexState.skillOrd), in the order of `skills`. */
  skillOrds: number[]
}

type IndexedStudent = {
  id: string
  universityId: string | null
  /** Skills with any evidence (declared, any course, events): what candidate generation reads. */
  evidenceSkills: string[]
  /** What the skill-gap report counts as held, as skill ordinals: declared skills… */
  declared: number[]
  /** …and the skills of courses passed, with each course's university. */
  passedCourseSkills: number[]
  passedCourseUniversities: string[]
  discoverable: boolean
  /**
   * What scoring reads. Evidence titles are left out: a score does not depend on them, and
   * the reasons shown are worded from the database.
   */
  forMatch: StudentForMatch
}

/** A course passed with less than this does not count as holding its skills. */
const PASS_GRADE = 60
/** Past this many changed entities a rebuild is cheaper than applying them one by one. */
const REBUILD_ABOVE_CHANGES = 20_000
/** MatchChange rows live two days (maintenance.server.ts); an index idle for one rebuilds. */
export const CHANGE_RETENTION_MS = 2 * 86_400_000
const REBUILD_IF_IDLE_MS = CHANGE_RETENTION_MS / 2

/** Entries in numbered slots, reused after removal, so that postings are lists of ints and sums an array of floats. */
class SlotTable<T extends { id: string }> {
  readonly at: Array<T | undefined> = []
  private readonly slotOf = new Map<string, number>()
  private readonly free: number[] = []

  get size() {
    return this.slotOf.size
  }
  get(id: string): T | undefined {
    const slot = this.slotOf.get(id)
    return slot === undefined ? undefined : this.at[slot]
  }
  slot(id: string) {
    return this.slotOf.get(id)
  }
  insert(entry: T): number {
    const slot = this.free.pop() ?? this.at.length
    this.at[slot] = entry
    this.slotOf.set(entry.id, slot)
    return slot
  }
  remove(id: string) {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    this.at[slot] = undefined
    this.slotOf.delete(id)
    this.free.push(slot)
  }
  *values() {
    for (const entry of this.at) if (entry) yield entry
  }
}

/** A growable list of ints; order does not matter (removal moves the last one into the gap). */
class Postings {
  items = new Int32Array(16)
  length = 0
  add(value: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2)
      grown.set(this.items)
      this.items = grown
    }
    this.items[this.length++] = value
  }
  remove(value: number) {
    const i = this.items.subarray(0, this.length).indexOf(value)
    if (i >= 0) this.items[i] = this.items[--this.length]!
  }
}

function postingsOf(map: Map<string, Postings>, key: string) {
  let postings = map.get(key)
  if (!postings) map.set(key, (postings = new Postings()))
  return postings
}

/** Sums by slot, reused by every query (queries run synchronously, one at a time), with the list of slots touched. */
class SlotSums {
  sums = new Float64Array(0)
  touched = new Int32Array(0)
  count = 0
  reset(capacity: number) {
    if (this.sums.length < capacity) {
      this.sums = new Float64Array(capacity * 1.5)
      this.touched = new Int32Array(capacity * 1.5)
    }
    this.count = 0
  }
  add(slot: number, value: number) {
    const sum = this.sums[slot]!
    if (sum === 0) this.touched[this.count++] = slot
    this.sums[slot] = sum + value
  }
  /**
   * The `limit` best accepted entries by sum, ties by id, and the sums cleared for the next
   * query. Sums are rounded first so that equal evidence ties exactly whatever the order of
   * addition. A heap of the best so far, whose worst is at the root: most entries lose to
   * the root on the sum alone. (Sorting everything at or above the limit-th sum instead
   * compared strings across tens of thousands of ties.)
   */
  top<T extends { id: string }>(limit: number, accept: (slot: number) => T | undefined): T[] {
    const heap: Array<Ranked<T>> = []
    for (let i = 0; i < this.count; i++) {
      const slot = this.touched[i]!
      const sum = Math.round(this.sums[slot]! * 1e6) / 1e6
      this.sums[slot] = 0
      if (heap.length === limit && sum < heap[0]!.sum) continue
      const entry = accept(slot)
      if (!entry) continue
      const ranked = { entry, sum }
      if (heap.length < limit) heapPush(heap, ranked)
      else if (worse(heap[0]!, ranked)) heapReplaceRoot(heap, ranked)
    }
    this.count = 0
    return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)).map((r) => r.entry)
  }
}

type Ranked<T extends { id: string }> = { entry: T; sum: number }

function worse<T extends { id: string }>(a: Ranked<T>, b: Ranked<T>) {
  return a.sum < b.sum || (a.sum === b.sum && a.entry.id > b.entry.id)
}

function heapPush<T extends { id: string }>(heap: Array<Ranked<T>>, item: Ranked<T>) {
  let i = heap.push(item) - 1
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!worse(heap[i]!, heap[parent]!)) break
    ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
    i = parent
  }
}

function heapReplaceRoot<T extends { id: string }>(heap: Array<Ranked<T>>, item: Ranked<T>) {
  heap[0] = item
  for (let i = 0; ; ) {
    const [left, right] = [2 * i + 1, 2 * i + 2]
    let worst = i
    if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left
    if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right
    if (worst === i) return
    ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
    i = worst
  }
}

type IndexState = {
  roles: SlotTable<IndexedRole>
  /** skill id → slot × 2 + 1 if required, for each role asking for the skill. */
  rolesBySkill: Map<string, Postings>
  students: SlotTable<IndexedStudent>
  /** skill id → slots of the discoverable students with evidence of it. */
  discoverableBySkill: Map<string, Postings>
  /** The oldest transaction that was still running when the index last read: changes from it on are read again. */
  xmin: string
  /** Changes already applied among those read again. */
  applied: Set<string>
  syncedAt: number
  /** One copy of each repeated string (skill, university, company ids, cities): most of the index is repeats. */
  strings: Map<string, string>
  /** Skill id → a small number, so per-skill sums are arrays. */
  skillOrd: Map<string, number>
  /** The taxonomy (hundreds of rows), read again whenever a skill changes. */
  skills: Map<string, SkillInfo>
}

let state: IndexState | null = null

// ─── Loading ─────────────────────────────────────────────────────────────────

// The index reads through its own small pool with plain pg: hundreds of thousands of rows,
// not through Prisma's row mapping, which needed over 900 MB and 10 s for a build.
let pool: pg.Pool | null = null
function indexPool() {
  if (!pool) {
    pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true })
    // A connection dropped while idle (a restart, a test database dropped) is replaced on next use.
    pool.on('error', (error) => logger.warn({ message: error.message }, 'matching index connection lost'))
  }
  return pool
}

/** Ends the index's connections and forgets it: for tests and scripts that finish. */
export async function closeMatchIndex() {
  const ending = pool
  pool = null
  state = null
  await ending?.end()
}

type Queryable = Pick<pg.PoolClient, 'query'>

function intern(s: IndexState, value: string): string {
  const known = s.strings.get(value)
  if (known !== undefined) return known
  s.strings.set(value, value)
  return value
}

function ordinal(s: IndexState, skillId: string): number {
  let ord = s.skillOrd.get(skillId)
  if (ord === undefined) s.skillOrd.set(intern(s, skillId), (ord = s.skillOrd.size))
  return ord
}

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

// Lists are joined for all the rows of a page at once (`page` picks them) rather than
// looked up per row, and come as one string each, which splits far faster than pg parses
// arrays. Ids are cuids: no spaces or colons.
// closesAt as epoch milliseconds: pg would read the zone-less column as local time.
// Skills keep stored order (as the company listed them), as in evidence.server.ts.
function roleQuery(page: string) {
  return `WITH r AS MATERIALIZED (SELECT * FROM "InternshipRole" r WHERE r.status = 'published' AND ${page}),
    k AS (SELECT rs."roleId" AS id, string_agg(rs."skillId" || ':' || rs.level || ':' || rs.required::int, ' ' ORDER BY rs.ctid) AS skills
            FROM r JOIN "RoleSkill" rs ON rs."roleId" = r.id GROUP BY rs."roleId")
    SELECT r.id, r."companyId", r.kind::text AS kind, r.city, r."workMode"::text AS "workMode", r."daysPerWeek", coalesce(r.languages, '{}') AS languages,
           (extract(epoch FROM r."closesAt") * 1000)::float8 AS "closesMs", r.openings, k.skills
      FROM r LEFT JOIN k ON k.id = r.id`
}

function toRole(s: IndexState, r: RoleRow): IndexedRole {
  const skills = (r.skills ? r.skills.split(' ') : []).map((item) => {
    const [skillId, level, required] = item.split(':')
    return { skillId: intern(s, skillId!), level: Number(level), required: required === '1' }
  })
  return {
    id: r.id,
    companyId: intern(s, r.companyId),
    kind: intern(s, r.kind),
    city: intern(s, r.city),
    workMode: intern(s, r.workMode) as WorkModeValue,
    daysPerWeek: r.daysPerWeek,
    languages: r.languages.map((l) => intern(s, l)),
    closesAt: new Date(r.closesMs),
    status: 'published',
    openings: r.openings,
    skills,
    skillOrds: skills.map((k) => ordinal(s, k.skillId)),
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
}

// Lists never set are NULL in the table (Prisma reads them as []).
function studentQuery(page: string) {
  return `WITH p AS MATERIALIZED (SELECT * FROM "StudentProfile" p WHERE ${page}),
    d AS (SELECT ss."studentId" AS id, string_agg(ss."skillId" || ':' || ss.level, ' ') AS declared
            FROM p JOIN "StudentSkill" ss ON ss."studentId" = p.id GROUP BY ss."studentId"),
    c AS (SELECT sc."studentId" AS id,
                 string_agg(cs."skillId" || ':' || cs.level || ':' || co."universityId" || ':' || coalesce(sc.grade::text, '') || ':' || sc.verified::int, ' ') AS courses
            FROM p JOIN "StudentCourse" sc ON sc."studentId" = p.id JOIN "Course" co ON co.id = sc."courseId" JOIN "CourseSkill" cs ON cs."courseId" = sc."courseId"
           GROUP BY sc."studentId"),
    l AS (SELECT l."studentId" AS id, string_agg(l.language, ' ') AS languages FROM p JOIN "StudentLanguage" l ON l."studentId" = p.id GROUP BY l."studentId")
    SELECT p.id, p."universityId", p.visibility = 'discoverable' AS discoverable,
           coalesce(p."preferredCities", '{}') AS "preferredCities", coalesce(p."workModes"::text[], '{}') AS "workModes",
           (extract(epoch FROM p."availableFrom") * 1000)::float8 AS "availableMs", p."daysPerWeek", l.languages, d.declared, c.courses,
           (SELECT string_agg(es."skillId" || ':' || es.level, ' ') FROM (${COUNTED_EVENT_IDS}) r JOIN "EventSkill" es ON es."eventId" = r."eventId") AS events
      FROM p LEFT JOIN d ON d.id = p.id LEFT JOIN c ON c.id = p.id LEFT JOIN l ON l.id = p.id`
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
const split = (list: string | null) => (list ? list.split(' ').map((item) => item.split(':')) : [])

function toStudent(s: IndexState, p: StudentRow): IndexedStudent {
  const declared = split(p.declared).map(([skillId, level]) => ({ skillId: intern(s, skillId!), level: Number(level) }))
  const courses = split(p.courses).map(([skillId, level, universityId, grade, verified]) => ({
    skillId: intern(s, skillId!),
    level: Number(level),
    universityId: intern(s, universityId!),
    grade: grade === '' ? null : Number(grade),
    verified: verified === '1',
  }))
  const events = split(p.events).map(([skillId, level]) => ({ skillId: intern(s, skillId!), level: Number(level) }))
  const passed = courses.filter((c) => c.grade === null || c.grade >= PASS_GRADE)
  return {
    id: p.id,
    universityId: p.universityId === null ? null : intern(s, p.universityId),
    evidenceSkills: [...new Set([...declared, ...courses, ...events].map((e) => e.skillId))],
    declared: declared.map((d) => ordinal(s, d.skillId)),
    passedCourseSkills: passed.map((c) => ordinal(s, c.skillId)),
    passedCourseUniversities: passed.map((c) => c.universityId),
    discoverable: p.discoverable,
    forMatch: {
      id: p.id,
      universityId: p.universityId,
      evidence: [
        ...declared.map((d): Evidence => ({ ...d, source: DECLARED })),
        ...courses.map((c): Evidence => ({ skillId: c.skillId, level: c.level, source: courseSource(c.verified, c.grade) })),
        ...events.map((e): Evidence => ({ ...e, source: EVENT })),
      ],
      preferredCities: p.preferredCities.map((c) => intern(s, c)),
      workModes: p.workModes,
      availableFrom: p.availableMs === null ? null : new Date(p.availableMs),
      daysPerWeek: p.daysPerWeek,
      // Scoring reads which languages are spoken; the level only words a reason.
      languages: (p.languages ? p.languages.split(' ') : []).map((language) => ({ language: intern(s, language), level: null })),
    },
  }
}

async function loadSkills(db: Queryable): Promise<Map<string, SkillInfo>> {
  const { rows } = await db.query<{ id: string; key: string; nameZh: string | null; nameEn: string | null; parentId: string | null }>(
    `SELECT id, key, "nameZh", "nameEn", "parentId" FROM "Skill"`,
  )
  return new Map(rows.map((s) => [s.id, { id: s.id, key: s.key, name: bilingual(s.nameZh, s.nameEn), parentId: s.parentId }]))
}

/** Rows per query while building: the build's transient rows stay small beside the index. */
const BUILD_PAGE = 10_000
/** Rows by id, or the page of rows after an id. */
type Selection = { ids: string[] } | { after: string }
const selected = (alias: string, selection: Selection): [string, unknown] =>
  'ids' in selection ? [`${alias}.id = ANY($1::text[])`, selection.ids] : [`${alias}.id > $1 ORDER BY ${alias}.id LIMIT ${BUILD_PAGE}`, selection.after]

async function loadRoles(db: Queryable, s: IndexState, selection: Selection): Promise<IndexedRole[]> {
  const [condition, param] = selected('r', selection)
  const { rows } = await db.query<RoleRow>(roleQuery(condition), [param])
  return rows.map((r) => toRole(s, r))
}

async function loadStudents(db: Queryable, s: IndexState, selection: Selection): Promise<IndexedStudent[]> {
  const [condition, param] = selected('p', selection)
  const { rows } = await db.query<StudentRow>(studentQuery(condition), [param])
  return rows.map((p) => toStudent(s, p))
}

/** Loads every row a page at a time, handing each page on; pages come in id order, their rows in any. */
async function loadAllPages<T extends { id: string }>(load: (selection: Selection) => Promise<T[]>, put: (entry: T) => void) {
  for (let after = ''; ; ) {
    const page = await load({ after })
    for (const entry of page) {
      put(entry)
      if (entry.id > after) after = entry.id
    }
    if (page.length < BUILD_PAGE) return
  }
}

/** The students whose evidence a change to a course, user, team or event touches. */
async function studentsTouched(db: Queryable, changed: { student: string[]; course: string[]; user: string[]; team: string[]; event: string[] }): Promise<string[]> {
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

// ─── Keeping postings ────────────────────────────────────────────────────────

function putRole(s: IndexState, role: IndexedRole | undefined, id: string) {
  const old = s.roles.get(id)
  if (old) {
    const slot = s.roles.slot(id)!
    for (const skill of old.skills) s.rolesBySkill.get(skill.skillId)?.remove(slot * 2 + Number(skill.required))
    s.roles.remove(id)
  }
  if (!role) return
  const slot = s.roles.insert(role)
  for (const skill of role.skills) postingsOf(s.rolesBySkill, skill.skillId).add(slot * 2 + Number(skill.required))
}

function putStudent(s: IndexState, student: IndexedStudent | undefined, id: string) {
  const old = s.students.get(id)
  if (old) {
    const slot = s.students.slot(id)!
    if (old.discoverable) for (const skill of old.evidenceSkills) s.discoverableBySkill.get(skill)?.remove(slot)
    s.students.remove(id)
  }
  if (!student) return
  const slot = s.students.insert(student)
  if (student.discoverable) for (const skill of student.evidenceSkills) postingsOf(s.discoverableBySkill, skill).add(slot)
}

// ─── Syncing ─────────────────────────────────────────────────────────────────

// The snapshot's xmin: every transaction below it has ended, so its changes are visible now.
const SNAPSHOT_XMIN = `pg_snapshot_xmin(pg_current_snapshot())::text`

function emptyState(xmin: string): IndexState {
  return { roles: new SlotTable(), rolesBySkill: new Map(), students: new SlotTable(), discoverableBySkill: new Map(), xmin, applied: new Set(), syncedAt: Date.now(), strings: new Map(), skillOrd: new Map(), skills: new Map() }
}

async function rebuild(): Promise<IndexState> {
  // Let the old index go while the new one is read (callers wait for the sync anyway):
  // holding both would double the peak memory.
  state = null
  const started = performance.now()
  const client = await indexPool().connect()
  try {
    // One snapshot for the rows and the position in the change log, or a change could fall between.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const { rows } = await client.query<{ xmin: string }>(`SELECT ${SNAPSHOT_XMIN} AS xmin`)
    const next = emptyState(rows[0]!.xmin)
    next.skills = await loadSkills(client)
    const rolesStarted = performance.now()
    await loadAllPages((selection) => loadRoles(client, next, selection), (role) => putRole(next, role, role.id))
    const rolesMs = Math.round(performance.now() - rolesStarted)
    await loadAllPages((selection) => loadStudents(client, next, selection), (student) => putStudent(next, student, student.id))
    await client.query('COMMIT')
    const timings = { rolesMs, studentsMs: Math.round(performance.now() - rolesStarted) - rolesMs }
    logger.info({ roles: next.roles.size, students: next.students.size, ...timings, ms: Math.round(performance.now() - started) }, 'matching index built')
    return next
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

type ChangeRow = { seq: string; xid: string; kind: string; entityId: string }

async function applyChanges(s: IndexState): Promise<IndexState> {
  const db = indexPool()
  const { rows } = await db.query<{ xmin: string; changes: ChangeRow[] }>(
    `SELECT ${SNAPSHOT_XMIN} AS xmin,
            (SELECT coalesce(json_agg(json_build_object('seq', seq::text, 'xid', xid::text, 'kind', kind, 'entityId', "entityId")), '[]')
               FROM (SELECT * FROM "MatchChange" WHERE xid >= $1::bigint ORDER BY seq LIMIT $2) c) AS changes`,
    [s.xmin, REBUILD_ABOVE_CHANGES + 1],
  )
  const read = rows[0]!
  if (read.changes.length > REBUILD_ABOVE_CHANGES) return rebuild()
  const fresh = read.changes.filter((c) => !s.applied.has(c.seq))
  const changed = { skill: new Set<string>(), role: new Set<string>(), student: new Set<string>(), course: new Set<string>(), user: new Set<string>(), team: new Set<string>(), event: new Set<string>() }
  for (const c of fresh) {
    if (c.kind === 'all') return rebuild()
    changed[c.kind as keyof typeof changed]?.add(c.entityId)
  }
  const count = Object.values(changed).reduce((n, set) => n + set.size, 0)
  if (count > REBUILD_ABOVE_CHANGES) return rebuild()
  if (changed.skill.size > 0) s.skills = await loadSkills(db)
  if (count > changed.skill.size) {
    const roleIds = [...changed.role]
    const studentIds =
      changed.course.size + changed.user.size + changed.team.size + changed.event.size === 0
        ? [...changed.student]
        : await studentsTouched(db, { student: [...changed.student], course: [...changed.course], user: [...changed.user], team: [...changed.team], event: [...changed.event] })
    const [roles, students] = await Promise.all([roleIds.length ? loadRoles(db, s, { ids: roleIds }) : [], studentIds.length ? loadStudents(db, s, { ids: studentIds }) : []])
    const roleById = new Map(roles.map((r) => [r.id, r]))
    const studentById = new Map(students.map((p) => [p.id, p]))
    // Ids that load nothing were deleted, unpublished or never published: they leave the index.
    for (const id of roleIds) putRole(s, roleById.get(id), id)
    for (const id of studentIds) putStudent(s, studentById.get(id), id)
  }
  // Everything read is applied now; only what is at or above the new xmin will be read again.
  const xmin = BigInt(read.xmin)
  s.applied = new Set(read.changes.filter((c) => BigInt(c.xid) >= xmin).map((c) => c.seq))
  s.xmin = read.xmin
  s.syncedAt = Date.now()
  return s
}

async function sync(): Promise<IndexState> {
  const next = !state || Date.now() - state.syncedAt > REBUILD_IF_IDLE_MS ? await rebuild() : await applyChanges(state)
  state = next
  return next
}

let running: Promise<IndexState> | null = null
let queued: Promise<IndexState> | null = null

/**
 * The index with every change committed before this call. A caller arriving while a sync
 * runs waits for the next one (shared by all who arrive meanwhile): the running one may
 * have read the log before the caller's own change committed.
 */
export function matchIndex(): Promise<MatchIndexView> {
  return syncOnce().then((s) => new MatchIndexView(s))
}

function syncOnce(): Promise<IndexState> {
  if (!running) {
    running = sync().finally(() => {
      running = null
    })
    return running
  }
  queued ??= running
    .catch(() => undefined)
    .then(() => {
      queued = null
      return syncOnce()
    })
  return queued
}

// ─── Reading ─────────────────────────────────────────────────────────────────

const roleSums = new SlotSums()
const studentSums = new SlotSums()

export class MatchIndexView {
  constructor(private readonly s: IndexState) {}

  /**
   * Open roles sharing skills with a student, best first: each role scores the sum over its
   * skills of the student's weight for the skill times the skill's weight in the role.
   */
  rolesFor(studentWeights: ReadonlyMap<string, number>, skillWeight: { required: number; nice: number }, now: Date, limit: number): IndexedRole[] {
    roleSums.reset(this.s.roles.at.length)
    for (const [skillId, weight] of studentWeights) {
      const postings = this.s.rolesBySkill.get(skillId)
      if (!postings || !(weight > 0)) continue
      const [nice, required] = [weight * skillWeight.nice, weight * skillWeight.required]
      const items = postings.items
      for (let i = 0; i < postings.length; i++) {
        const entry = items[i]!
        roleSums.add(entry >> 1, entry & 1 ? required : nice)
      }
    }
    return roleSums.top(limit, (slot) => {
      const role = this.s.roles.at[slot]!
      return isOpen(role, now) ? role : undefined
    })
  }

  /**
   * Discoverable students with evidence of a role's skills, best first by the summed
   * weights of the skills they show, as scoring reads them (evidence without titles).
   */
  discoverableStudentsFor(skillWeights: ReadonlyMap<string, number>, limit: number): StudentForMatch[] {
    studentSums.reset(this.s.students.at.length)
    for (const [skillId, weight] of skillWeights) {
      const postings = this.s.discoverableBySkill.get(skillId)
      if (!postings || !(weight > 0)) continue
      const items = postings.items
      for (let i = 0; i < postings.length; i++) studentSums.add(items[i]!, weight)
    }
    return studentSums.top(limit, (slot) => this.s.students.at[slot]!.forMatch)
  }

  /** A student as scoring reads them (evidence without titles). */
  student(id: string): StudentForMatch | undefined {
    return this.s.students.get(id)?.forMatch
  }

  /** The taxonomy, current as of this sync. */
  get skills(): ReadonlyMap<string, SkillInfo> {
    return this.s.skills
  }

  /** Openings of open roles per skill id, a nice-to-have skill weighted `niceWeight`; optionally one city or one kind. */
  demandBySkill(now: Date, filter: { city?: string; kind?: string }, niceWeight: number): Map<string, number> {
    const sums = new Float64Array(this.s.skillOrd.size)
    const nowMs = now.getTime()
    for (const role of this.s.roles.at) {
      if (!role || role.closesAt.getTime() <= nowMs) continue
      if ((filter.city !== undefined && role.city !== filter.city) || (filter.kind !== undefined && role.kind !== filter.kind)) continue
      for (let i = 0; i < role.skillOrds.length; i++) sums[role.skillOrds[i]!]! += role.openings * (role.skills[i]!.required ? 1 : niceWeight)
    }
    return this.bySkillId(sums)
  }

  /**
   * Students holding each skill id, each once: by declaring it (students of the university)
   * or by passing a course that teaches it (courses of the university); everyone's when null.
   */
  supplyBySkill(universityId: string | null): Map<string, number> {
    const counts = new Float64Array(this.s.skillOrd.size)
    // The last student counted for each skill, by slot + 1.
    const countedFor = new Int32Array(this.s.skillOrd.size)
    const { at } = this.s.students
    for (let slot = 0; slot < at.length; slot++) {
      const student = at[slot]
      if (!student) continue
      const hold = (ord: number) => {
        if (countedFor[ord] === slot + 1) return
        countedFor[ord] = slot + 1
        counts[ord]!++
      }
      if (universityId === null || student.universityId === universityId) student.declared.forEach(hold)
      for (let i = 0; i < student.passedCourseSkills.length; i++) {
        if (universityId === null || student.passedCourseUniversities[i] === universityId) hold(student.passedCourseSkills[i]!)
      }
    }
    return this.bySkillId(counts)
  }

  private bySkillId(perOrdinal: Float64Array) {
    const result = new Map<string, number>()
    for (const [id, ord] of this.s.skillOrd) if (perOrdinal[ord]! > 0) result.set(id, perOrdinal[ord]!)
    return result
  }
}
