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
import { IndexTables, RoleColumns, StudentColumns, suppliedAt, suppliedSkill, type IndexedRole, type RoleRecord, type StudentRecord } from './index-columns.ts'
import { loadRoles, loadSkills, loadStudents, streamAll, studentsTouched } from './match-index-rows.server.ts'
import { isOpen } from '#app/modules/roles/open.ts'
import { type SkillInfo, type StudentForMatch } from './scoring.ts'
import { postingsOf, SlotSums, type Postings } from './slot-postings.ts'

/** Past this many changed entities a rebuild is cheaper than applying them one by one. */
const REBUILD_ABOVE_CHANGES = 20_000
/** MatchChange rows live two days (maintenance.server.ts); an index idle for one rebuilds. */
export const CHANGE_RETENTION_MS = 2 * 86_400_000
const REBUILD_IF_IDLE_MS = CHANGE_RETENTION_MS / 2

type IndexState = {
  tables: IndexTables
  roles: RoleColumns
  /** By skill ordinal: slot × 2 + 1 if required, for each role asking for the skill. */
  rolesBySkill: Postings[]
  students: StudentColumns
  /** By skill ordinal: slots of the discoverable students with evidence of it. */
  discoverableBySkill: Postings[]
  /** The oldest transaction that was still running when the index last read: changes from it on are read again. */
  xmin: string
  /** Changes already applied among those read again. */
  applied: Set<string>
  syncedAt: number
  /** The taxonomy (hundreds of rows), read again whenever a skill changes. */
  skills: Map<string, SkillInfo>
}

let state: IndexState | null = null

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

/** Whether this process holds a built index, and how fresh it is (for /readyz). */
export function matchIndexStatus(now = Date.now()) {
  return state
    ? { built: true, roles: state.roles.slots.size, students: state.students.slots.size, syncedSecondsAgo: Math.round((now - state.syncedAt) / 1000) }
    : { built: false as const }
}

/** Ends the index's connections and forgets it: for tests and scripts that finish. */
export async function closeMatchIndex() {
  const ending = pool
  pool = null
  state = null
  await ending?.end()
}

// ─── Keeping postings ────────────────────────────────────────────────────────

function putRole(s: IndexState, role: RoleRecord | undefined, id: string) {
  const old = s.roles.slots.slot(id)
  if (old !== undefined) {
    for (const { ord, required } of s.roles.skillsOf(old)) s.rolesBySkill[ord]?.remove(old * 2 + Number(required))
    s.roles.remove(id)
  }
  if (!role) return
  const slot = s.roles.insert(role)
  for (const { ord, required } of s.roles.skillsOf(slot)) postingsOf(s.rolesBySkill, ord).add(slot * 2 + Number(required))
}

function putStudent(s: IndexState, student: StudentRecord | undefined, id: string) {
  const old = s.students.slots.slot(id)
  if (old !== undefined) {
    if (s.students.discoverable[old]) for (const ord of s.students.evidenceSkillsOf(old)) s.discoverableBySkill[ord]?.remove(old)
    s.students.remove(id)
  }
  if (!student) return
  const slot = s.students.insert(student)
  if (student.discoverable) for (const ord of s.students.evidenceSkillsOf(slot)) postingsOf(s.discoverableBySkill, ord).add(slot)
}

// ─── Syncing ─────────────────────────────────────────────────────────────────

// The snapshot's xmin: every transaction below it has ended, so its changes are visible now.
const SNAPSHOT_XMIN = `pg_snapshot_xmin(pg_current_snapshot())::text`

function emptyState(xmin: string): IndexState {
  const tables = new IndexTables()
  return {
    tables,
    roles: new RoleColumns(tables),
    rolesBySkill: [],
    students: new StudentColumns(tables),
    discoverableBySkill: [],
    xmin,
    applied: new Set(),
    syncedAt: Date.now(),
    skills: new Map(),
  }
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
    const timings = await streamAll(client, next.tables, {
      role: (role) => putRole(next, role, role.id),
      student: (student) => putStudent(next, student, student.id),
    })
    await client.query('COMMIT')
    logger.info(
      { roles: next.roles.slots.size, students: next.students.slots.size, ...timings, ms: Math.round(performance.now() - started) },
      'matching index built',
    )
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
  const changed = {
    skill: new Set<string>(),
    role: new Set<string>(),
    student: new Set<string>(),
    course: new Set<string>(),
    user: new Set<string>(),
    team: new Set<string>(),
    event: new Set<string>(),
  }
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
        : await studentsTouched(db, {
            student: [...changed.student],
            course: [...changed.course],
            user: [...changed.user],
            team: [...changed.team],
            event: [...changed.event],
          })
    const [roles, students] = await Promise.all([
      roleIds.length ? loadRoles(db, s.tables, roleIds) : [],
      studentIds.length ? loadStudents(db, s.tables, studentIds) : [],
    ])
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
    const { roles, rolesBySkill, tables } = this.s
    roleSums.reset(roles.slots.capacity)
    for (const [skillId, weight] of studentWeights) {
      const ord = tables.skillOrd.get(skillId)
      const postings = ord === undefined ? undefined : rolesBySkill[ord]
      if (!postings || !(weight > 0)) continue
      const [nice, required] = [weight * skillWeight.nice, weight * skillWeight.required]
      const items = postings.items
      for (let i = 0; i < postings.length; i++) {
        const entry = items[i]!
        roleSums.add(entry >> 1, entry & 1 ? required : nice)
      }
    }
    return roleSums.top(limit, (slot) => {
      const role = roles.role(slot)
      return isOpen(role, now) ? role : undefined
    })
  }

  /**
   * Discoverable students with evidence of a role's skills, best first by the summed
   * weights of the skills they show, as scoring reads them (evidence without titles).
   */
  discoverableStudentsFor(skillWeights: ReadonlyMap<string, number>, limit: number): StudentForMatch[] {
    const { students, discoverableBySkill, tables } = this.s
    studentSums.reset(students.slots.capacity)
    for (const [skillId, weight] of skillWeights) {
      const ord = tables.skillOrd.get(skillId)
      const postings = ord === undefined ? undefined : discoverableBySkill[ord]
      if (!postings || !(weight > 0)) continue
      const items = postings.items
      for (let i = 0; i < postings.length; i++) studentSums.add(items[i]!, weight)
    }
    return studentSums.top(limit, (slot) => students.student(slot))
  }

  /** A student as scoring reads them (evidence without titles). */
  student(id: string): StudentForMatch | undefined {
    const slot = this.s.students.slots.slot(id)
    return slot === undefined ? undefined : this.s.students.student(slot)
  }

  /** The taxonomy, current as of this sync. */
  get skills(): ReadonlyMap<string, SkillInfo> {
    return this.s.skills
  }

  /** Openings of open roles per skill id, a nice-to-have skill weighted `niceWeight`; optionally one city or one kind. */
  demandBySkill(now: Date, filter: { city?: string; kind?: string }, niceWeight: number): Map<string, number> {
    const { roles, tables } = this.s
    const sums = new Float64Array(tables.skillOrd.size)
    // A city or kind no held role has: no demand.
    const [city, kind] = [filter.city, filter.kind].map((value) => (value === undefined ? -1 : (tables.values.find(value) ?? -2)))
    if (city === -2 || kind === -2) return new Map()
    const nowMs = now.getTime()
    for (let slot = 0; slot < roles.slots.capacity; slot++) {
      if (roles.slots.ids[slot] === undefined || roles.closesMs[slot]! <= nowMs) continue
      if ((city !== -1 && roles.city[slot] !== city) || (kind !== -1 && roles.kind[slot] !== kind)) continue
      const openings = roles.openings[slot]!
      for (const { ord, required } of roles.skillsOf(slot)) sums[ord]! += openings * (required ? 1 : niceWeight)
    }
    return this.bySkillId(sums)
  }

  /**
   * Students holding each skill id, each once: by declaring it (students of the university)
   * or by passing a course that teaches it (courses of the university); everyone's when null.
   */
  supplyBySkill(universityId: string | null): Map<string, number> {
    const { students, tables } = this.s
    const university = universityId === null ? -1 : tables.universities.find(universityId)
    if (university === undefined) return new Map()
    const counts = new Float64Array(tables.skillOrd.size)
    // The last student counted for each skill, by slot + 1.
    const countedFor = new Int32Array(tables.skillOrd.size)
    for (let slot = 0; slot < students.slots.capacity; slot++) {
      if (students.slots.ids[slot] === undefined) continue
      for (const held of students.supply.get(slot)) {
        const ord = suppliedSkill(held)
        if ((university !== -1 && suppliedAt(held, students.university[slot]!) !== university) || countedFor[ord] === slot + 1) continue
        countedFor[ord] = slot + 1
        counts[ord]!++
      }
    }
    return this.bySkillId(counts)
  }

  private bySkillId(perOrdinal: Float64Array) {
    const result = new Map<string, number>()
    for (const [id, ord] of this.s.tables.skillOrd) if (perOrdinal[ord]! > 0) result.set(id, perOrdinal[ord]!)
    return result
  }
}
