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
import {
  evidenceSkillsOf,
  loadRoles,
  loadSkills,
  loadStudents,
  streamAll,
  studentsTouched,
  type IndexedRole,
  type IndexedStudent,
  type InternTables,
} from './match-index-rows.server.ts'
import { isOpen } from '#app/modules/roles/open.ts'
import { type SkillInfo, type StudentForMatch } from './scoring.ts'
import { postingsOf, SlotSums, SlotTable, type Postings } from './slot-postings.ts'

/** Past this many changed entities a rebuild is cheaper than applying them one by one. */
const REBUILD_ABOVE_CHANGES = 20_000
/** MatchChange rows live two days (maintenance.server.ts); an index idle for one rebuilds. */
export const CHANGE_RETENTION_MS = 2 * 86_400_000
const REBUILD_IF_IDLE_MS = CHANGE_RETENTION_MS / 2

type IndexState = InternTables & {
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
    ? { built: true, roles: state.roles.size, students: state.students.size, syncedSecondsAgo: Math.round((now - state.syncedAt) / 1000) }
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
    if (old.discoverable) for (const skill of evidenceSkillsOf(old)) s.discoverableBySkill.get(skill)?.remove(slot)
    s.students.remove(id)
  }
  if (!student) return
  const slot = s.students.insert(student)
  if (student.discoverable) for (const skill of evidenceSkillsOf(student)) postingsOf(s.discoverableBySkill, skill).add(slot)
}

// ─── Syncing ─────────────────────────────────────────────────────────────────

// The snapshot's xmin: every transaction below it has ended, so its changes are visible now.
const SNAPSHOT_XMIN = `pg_snapshot_xmin(pg_current_snapshot())::text`

function emptyState(xmin: string): IndexState {
  return {
    roles: new SlotTable(),
    rolesBySkill: new Map(),
    students: new SlotTable(),
    discoverableBySkill: new Map(),
    xmin,
    applied: new Set(),
    syncedAt: Date.now(),
    strings: new Map(),
    skillOrd: new Map(),
    entries: new Map(),
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
    const timings = await streamAll(client, next, {
      role: (role) => putRole(next, role, role.id),
      student: (student) => putStudent(next, student, student.id),
    })
    await client.query('COMMIT')
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
    const [roles, students] = await Promise.all([roleIds.length ? loadRoles(db, s, roleIds) : [], studentIds.length ? loadStudents(db, s, studentIds) : []])
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
