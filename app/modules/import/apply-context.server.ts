// What the section writers of the importer share: key → id maps, the outbox rows to
// write, and the comparisons that keep a re-import from writing unchanged rows.
import type { OutboxEntity } from '#app/generated/prisma/enums.ts'
import type { Tx } from '#app/lib/db.server.ts'
import type { UserFacingError } from '#app/lib/errors.server.ts'

export type Counts = { created: number; updated: number; unchanged: number }
export const newCounts = (): Counts => ({ created: 0, updated: 0, unchanged: 0 })

export type RefKind = 'skills' | 'universities' | 'courses' | 'companies'

type KeyedRow = { id: string; key: string | null }

/**
 * A domain rule refused a record while the import was being written (a rule that needs
 * the locked row, such as an event's capacity against its confirmed registrations). The
 * whole import rolls back and the rule's message is reported at the record's path.
 */
export class ImportRecordError extends Error {
  constructor(
    readonly at: (string | number)[],
    readonly cause: UserFacingError,
  ) {
    super(cause.message)
    this.name = 'ImportRecordError'
  }
}

export class ImportContext {
  readonly ids: Record<RefKind, Map<string, string>> = {
    skills: new Map(),
    universities: new Map(),
    courses: new Map(),
    companies: new Map(),
  }
  readonly outbox: { entity: OutboxEntity; entityId: string }[] = []

  constructor(
    readonly tx: Tx,
    /** One timestamp for the whole import (consent, publication, closing). */
    readonly now: Date,
  ) {}

  remember(kind: RefKind, rows: KeyedRow[]) {
    for (const row of rows) if (row.key) this.ids[kind].set(row.key, row.id)
  }

  /** Loads, in one query, the ids of referenced records that are not known yet. */
  async resolve(kind: RefKind, keys: (string | undefined)[]) {
    const wanted = [...new Set(keys.filter((k): k is string => k !== undefined && !this.ids[kind].has(k)))]
    if (wanted.length === 0) return
    const where = { key: { in: wanted } }
    const select = { id: true, key: true } as const
    const rows: KeyedRow[] =
      kind === 'skills'
        ? await this.tx.skill.findMany({ where, select })
        : kind === 'universities'
          ? await this.tx.university.findMany({ where, select })
          : kind === 'courses'
            ? await this.tx.course.findMany({ where, select })
            : await this.tx.company.findMany({ where, select })
    this.remember(kind, rows)
  }

  /** The id of a referenced record; validation has made sure it exists. */
  id(kind: RefKind, key: string): string {
    const id = this.ids[kind].get(key)
    if (!id) throw new Error(`import: ${kind} "${key}" vanished during the import`)
    return id
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]))
  }
  return a === b
}

/** The fields of `desired` that differ from `current`, or null when none do. */
export function changedFields<D extends Record<string, unknown>>(current: Record<string, unknown>, desired: D): Partial<D> | null {
  const changes: Partial<D> = {}
  let any = false
  for (const field of Object.keys(desired) as (keyof D & string)[]) {
    if (!same(current[field], desired[field])) {
      changes[field] = desired[field]
      any = true
    }
  }
  return any ? changes : null
}

/** How a child set (e.g. a role's skills) must change to become `desired`. */
export function diffChildren<V>(current: Map<string, V>, desired: Map<string, V>, equal: (a: V, b: V) => boolean) {
  const create: [string, V][] = []
  const update: [string, V][] = []
  const remove: string[] = []
  for (const [key, value] of desired) {
    const existing = current.get(key)
    if (existing === undefined) create.push([key, value])
    else if (!equal(existing, value)) update.push([key, value])
  }
  for (const key of current.keys()) if (!desired.has(key)) remove.push(key)
  return { create, update, remove, changed: create.length + update.length + remove.length > 0 }
}

export const textFields = <F extends string>(field: F, text: { zh?: string; en?: string } | undefined) =>
  ({ [`${field}Zh`]: text?.zh ?? null, [`${field}En`]: text?.en ?? null }) as Record<`${F}Zh` | `${F}En`, string | null>
