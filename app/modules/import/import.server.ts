// The bulk importer (docs/import-format.md): validate the whole file, then apply
// it all-or-nothing in one transaction. Re-importing the same file writes nothing.
import { prisma } from '#app/lib/db.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { applyCompanies, applyCourses, applySkills, applyUniversities } from './apply-catalog.server.ts'
import { ImportContext, ImportRecordError, type Counts } from './apply-context.server.ts'
import { applyEvents } from './apply-events.server.ts'
import { applyRoles } from './apply-roles.server.ts'
import { applyStudents } from './apply-students.server.ts'
import { importSchema, sectionNames, type ImportDocument, type SectionName } from './schema.ts'
import { formatPath, validateImport, type ImportProblem } from './validate.server.ts'

export { validateImport, type ImportProblem }
export type { Counts }
export type ImportCounts = Partial<Record<SectionName, Counts>>

const writers: { [S in SectionName]: (ctx: ImportContext, records: NonNullable<ImportDocument[S]>) => Promise<Counts> } = {
  skills: applySkills,
  universities: applyUniversities,
  courses: applyCourses,
  companies: applyCompanies,
  roles: applyRoles,
  students: applyStudents,
  events: applyEvents,
}

/** Writes a validated document; counts per section present in the file. */
export async function applyImport(doc: ImportDocument, options: { actorId?: string | null } = {}): Promise<ImportCounts> {
  return prisma.$transaction(
    async (tx) => {
      const ctx = new ImportContext(tx, new Date(), options.actorId ?? null)
      const counts: ImportCounts = {}
      for (const section of sectionNames) {
        const records = doc[section]
        if (records) counts[section] = await (writers[section] as (c: ImportContext, r: typeof records) => Promise<Counts>)(ctx, records)
      }
      if (ctx.outbox.length > 0) await tx.outboxEntry.createMany({ data: ctx.outbox })
      await recordAudit(tx, { actorId: options.actorId, action: 'import.apply', entity: 'import', data: counts })
      return counts
    },
    // Large files (hundreds of students) take seconds; the default 5 s is too tight.
    { maxWait: 10_000, timeout: 120_000 },
  )
}

export type ImportResult = { ok: true; counts: ImportCounts } | { ok: false; problems: ImportProblem[] }

/** Validates and, when the file has no problems, applies it. */
export async function importDocument(raw: unknown, locale: Locale = 'en', options: { actorId?: string | null } = {}): Promise<ImportResult> {
  const problems = await validateImport(raw, locale)
  if (problems.length > 0) return { ok: false, problems }
  try {
    const counts = await applyImport(importSchema.parse(raw), options)
    // The file is in; statistics that failed to refresh are autovacuum's to catch up on.
    await refreshPlannerStatistics().catch((error: unknown) => logger.warn({ err: error }, 'ANALYZE after an import failed'))
    return { ok: true, counts }
  } catch (error) {
    if (!(error instanceof ImportRecordError)) throw error
    return { ok: false, problems: recordProblems(error, locale) }
  }
}

/**
 * Refreshes PostgreSQL's statistics after a bulk write, as its manual advises, instead of
 * waiting for autovacuum. Until then the planner takes the new rows for an empty table: the
 * matching index's build, started right after a 100,000-role load, spent 30 s and more on
 * each page of a cursor planned that way. Sampled, so about a second at 100,000 roles.
 */
export async function refreshPlannerStatistics() {
  await prisma.$executeRawUnsafe('ANALYZE')
}

/** A domain rule's refusal as import problems at the record's fields. */
function recordProblems({ at, cause }: ImportRecordError, locale: Locale): ImportProblem[] {
  if (cause.fields.length === 0) return [{ path: formatPath(at), message: translate(locale, cause.key, cause.params) }]
  return cause.fields.map((field) => ({ path: formatPath([...at, ...field.path.split('.')]), message: translate(locale, field.key, field.params) }))
}

/** Whether any university exists: the demo data is imported only into an empty database. */
export async function hasUniversities() {
  return (await prisma.university.findFirst({ select: { id: true } })) !== null
}
