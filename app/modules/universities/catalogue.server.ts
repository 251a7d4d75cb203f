// A university's course catalogue: staff edit courses one by one, or upload the whole
// catalogue (CSV or the import format's JSON). An upload is checked completely and
// previewed — create / update / unchanged per course, every row error — before a
// confirm step writes all of it in one transaction.
import { z } from 'zod'
import type { MessageKey, MessageParams } from '#app/i18n/translate.ts'
import { decodeUtf8, parseCsv, CsvSyntaxError } from '#app/lib/csv.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { sha256Hex } from '#app/lib/hash.server.ts'
import { signToken, verifyToken } from '#app/lib/signed-token.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { assertUniversityStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { courseSchema } from '#app/modules/import/schema.ts'
import { MAX_UPLOAD_BYTES } from '#app/lib/upload-limits.ts'
import { CATALOGUE_COLUMNS, parseSkillList, type CourseFormValue, type ReplaceSkillInput } from './schemas.ts'

export type RowProblem = { row: string; key: MessageKey; params?: MessageParams }

export function getUniversity(id: string) {
  return prisma.university.findUnique({ where: { id }, select: { id: true, key: true, nameZh: true, nameEn: true, city: true } })
}

export function listCourses(universityId: string) {
  return prisma.course.findMany({
    where: { universityId },
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      key: true,
      code: true,
      titleZh: true,
      titleEn: true,
      semester: true,
      skills: { orderBy: { level: 'desc' }, select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true } } } },
      _count: { select: { studentCourses: { where: { verified: true } } } },
    },
  })
}

export async function getCourse(universityId: string, courseId: string) {
  const course = await prisma.course.findFirst({
    where: { id: courseId, universityId },
    select: {
      id: true,
      code: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      semester: true,
      skills: { select: { level: true, skill: { select: { key: true, nameZh: true, nameEn: true, category: true } } } },
    },
  })
  if (!course) throw notFound()
  return course
}

async function skillIdsByKey(tx: Tx, keys: string[]) {
  const rows = await tx.skill.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })
  return new Map(rows.map((r) => [r.key, r.id]))
}

type CourseData = {
  key?: string
  code: string
  titleZh: string | null
  titleEn: string | null
  descriptionZh: string | null
  descriptionEn: string | null
  semester: string | null
  skills: Array<{ key: string; level: number }>
}

function fromForm(value: CourseFormValue): CourseData {
  return {
    code: value.code,
    titleZh: value.titleZh ?? null,
    titleEn: value.titleEn ?? null,
    descriptionZh: value.descriptionZh ?? null,
    descriptionEn: value.descriptionEn ?? null,
    semester: value.semester ?? null,
    skills: value.skills.map((s) => ({ key: s.skill, level: s.level })),
  }
}

async function writeCourse(tx: Tx, universityId: string, courseId: string | null, data: CourseData, skillIds: Map<string, string>) {
  const fields = {
    code: data.code,
    titleZh: data.titleZh,
    titleEn: data.titleEn,
    descriptionZh: data.descriptionZh,
    descriptionEn: data.descriptionEn,
    semester: data.semester,
  }
  const id = courseId
    ? (await tx.course.update({ where: { id: courseId }, data: { ...fields, ...(data.key ? { key: data.key } : {}) }, select: { id: true } })).id
    : (await tx.course.create({ data: { ...fields, universityId, key: data.key ?? null }, select: { id: true } })).id
  await tx.courseSkill.deleteMany({ where: { courseId: id } })
  await tx.courseSkill.createMany({ data: data.skills.map((s) => ({ courseId: id, skillId: skillIds.get(s.key)!, level: s.level })) })
  return id
}

/** Creates or updates one course from the staff form. */
export async function saveCourse(actor: SessionUser, universityId: string, courseId: string | null, value: CourseFormValue) {
  assertUniversityStaff(actor, universityId)
  const actorId = actor.id
  const data = fromForm(value)
  return prisma.$transaction(async (tx) => {
    if (courseId && !(await tx.course.findFirst({ where: { id: courseId, universityId }, select: { id: true } }))) throw notFound()
    const skillIds = await skillIdsByKey(
      tx,
      data.skills.map((s) => s.key),
    )
    const unknown = data.skills.filter((s) => !skillIds.has(s.key)).map((s) => s.key)
    if (unknown.length > 0)
      throw new UserFacingError(422, 'universities.unknownSkill', { skill: unknown.join(', ') }, [
        { path: 'skills', key: 'universities.unknownSkill', params: { skill: unknown.join(', ') } },
      ])
    const clash = await tx.course.findFirst({ where: { universityId, code: data.code, ...(courseId ? { id: { not: courseId } } : {}) }, select: { id: true } })
    if (clash) throw new UserFacingError(409, 'universities.codeTaken', undefined, [{ path: 'code', key: 'universities.codeTaken' }])
    const id = await writeCourse(tx, universityId, courseId, data, skillIds)
    await recordAudit(tx, { actorId, action: courseId ? 'course.update' : 'course.create', entity: 'course', entityId: id, data: { ...data } })
    return id
  })
}

export async function deleteCourse(actor: SessionUser, universityId: string, courseId: string) {
  assertUniversityStaff(actor, universityId)
  const actorId = actor.id
  await prisma.$transaction(async (tx) => {
    const deleted = await tx.course.deleteMany({ where: { id: courseId, universityId } })
    if (deleted.count === 0) throw notFound()
    await recordAudit(tx, { actorId, action: 'course.delete', entity: 'course', entityId: courseId })
  })
}

// ─── Bulk upload ─────────────────────────────────────────────────────────────

export type CataloguePreview = {
  problems: RowProblem[]
  rows: Array<{ row: string; code: string; title: { zh: string | null; en: string | null }; action: 'create' | 'update' | 'unchanged'; changes: string[] }>
  /** Present only when there is nothing wrong: the payload and its signature for the confirm step. */
  confirm: { payload: string; signature: string } | null
  /** Skill keys the taxonomy does not know, with the text signed as a draft so staff can pick a replacement with the skill picker. */
  unknownSkills: { keys: string[]; draft: { payload: string; signature: string } } | null
}

const jsonUploadSchema = z.object({ version: z.literal(1), courses: z.array(z.unknown()) }).strict()

function parseCatalogueText(text: string, universityKey: string | null): { courses: Array<CourseData & { row: string }>; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const courses: Array<CourseData & { row: string }> = []
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{')) {
    let raw: unknown
    try {
      raw = JSON.parse(trimmed)
    } catch {
      return { courses, problems: [{ row: '-', key: 'universities.badJson' }] }
    }
    const shell = jsonUploadSchema.safeParse(raw)
    if (!shell.success) return { courses, problems: [{ row: '-', key: 'universities.jsonShape' }] }
    shell.data.courses.forEach((item, index) => {
      const row = `courses[${index}]`
      const parsed = courseSchema.safeParse(item)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          problems.push({ row: `${row}.${issue.path.join('.')}`, key: 'universities.invalidField', params: { detail: issue.message } })
        return
      }
      const c = parsed.data
      if (universityKey && c.university !== universityKey)
        problems.push({ row: `${row}.university`, key: 'universities.otherUniversity', params: { key: c.university } })
      if (!c.code) problems.push({ row: `${row}.code`, key: 'universities.codeRequired' })
      courses.push({
        row,
        key: c.key,
        code: c.code ?? '',
        titleZh: c.title.zh ?? null,
        titleEn: c.title.en ?? null,
        descriptionZh: c.description?.zh ?? null,
        descriptionEn: c.description?.en ?? null,
        semester: null,
        skills: c.skills.map((s) => ({ key: s.skill, level: s.level })),
      })
    })
    return { courses, problems }
  }
  let records: ReturnType<typeof parseCsv>
  try {
    records = parseCsv(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { courses, problems: [{ row: String(error.line), key: 'universities.csvSyntax' }] }
    throw error
  }
  const [header, ...body] = records
  if (!header) return { courses, problems: [{ row: '1', key: 'universities.emptyFile' }] }
  const columns = header.fields.map((f) => f.trim().toLowerCase())
  const unknown = columns.filter((c) => !(CATALOGUE_COLUMNS as readonly string[]).includes(c))
  const missing = ['code', 'skills'].filter((c) => !columns.includes(c))
  if (!columns.includes('title_zh') && !columns.includes('title_en')) missing.push('title_zh')
  if (unknown.length > 0) problems.push({ row: '1', key: 'universities.unknownColumns', params: { columns: unknown.join(', ') } })
  if (missing.length > 0)
    problems.push({ row: '1', key: 'universities.missingColumns', params: { columns: missing.join(', '), expected: CATALOGUE_COLUMNS.join(',') } })
  if (problems.length > 0) return { courses, problems }
  const at = (fields: string[], name: string) => {
    const i = columns.indexOf(name)
    return i >= 0 ? (fields[i] ?? '').trim() || null : null
  }
  for (const record of body) {
    const row = String(record.line)
    if (record.fields.length !== columns.length) {
      problems.push({ row, key: 'universities.fieldCount', params: { found: record.fields.length, expected: columns.length } })
      continue
    }
    const code = at(record.fields, 'code')
    if (!code) problems.push({ row, key: 'universities.codeRequired' })
    else if (code.length > 40) problems.push({ row, key: 'universities.codeTooLong' })
    const titleZh = at(record.fields, 'title_zh')
    const titleEn = at(record.fields, 'title_en')
    if (!titleZh && !titleEn) problems.push({ row, key: 'universities.titleRequired' })
    const parsedSkills = parseSkillList(at(record.fields, 'skills') ?? '')
    for (const p of parsedSkills.problems) problems.push({ row, key: p.key, params: p.params })
    courses.push({
      row,
      code: code ?? '',
      titleZh,
      titleEn,
      descriptionZh: at(record.fields, 'description_zh'),
      descriptionEn: at(record.fields, 'description_en'),
      semester: at(record.fields, 'semester'),
      skills: parsedSkills.skills,
    })
  }
  return { courses, problems }
}

type Planned = { data: CourseData & { row: string }; existingId: string | null; action: 'create' | 'update' | 'unchanged'; changes: string[] }

async function planCatalogue(tx: Tx, universityId: string, text: string) {
  const university = await tx.university.findUnique({ where: { id: universityId }, select: { key: true } })
  if (!university) throw notFound()
  const { courses, problems } = parseCatalogueText(text, university.key)
  const seen = new Map<string, string>()
  for (const c of courses) {
    if (!c.code) continue
    const first = seen.get(c.code)
    if (first) problems.push({ row: c.row, key: 'universities.duplicateCode', params: { code: c.code, first } })
    else seen.set(c.code, c.row)
  }
  const skillIds = await skillIdsByKey(tx, [...new Set(courses.flatMap((c) => c.skills.map((s) => s.key)))])
  for (const c of courses) {
    for (const s of c.skills) if (!skillIds.has(s.key)) problems.push({ row: c.row, key: 'universities.unknownSkill', params: { skill: s.key } })
  }
  const existing = await tx.course.findMany({
    where: { universityId, OR: [{ code: { in: courses.map((c) => c.code) } }, { key: { in: courses.flatMap((c) => (c.key ? [c.key] : [])) } }] },
    select: {
      id: true,
      key: true,
      code: true,
      titleZh: true,
      titleEn: true,
      descriptionZh: true,
      descriptionEn: true,
      semester: true,
      skills: { select: { level: true, skill: { select: { key: true } } } },
    },
  })
  // A course key used by another university cannot be taken over.
  const foreignKeys = await tx.course.findMany({
    where: { universityId: { not: universityId }, key: { in: courses.flatMap((c) => (c.key ? [c.key] : [])) } },
    select: { key: true },
  })
  for (const f of foreignKeys) {
    const c = courses.find((x) => x.key === f.key)
    if (c) problems.push({ row: c.row, key: 'universities.keyTaken', params: { key: f.key ?? '' } })
  }
  const planned: Planned[] = courses.map((data) => {
    const current = existing.find((e) => (data.key && e.key === data.key) || e.code === data.code)
    if (!current) return { data, existingId: null, action: 'create', changes: [] }
    const changes: string[] = []
    for (const field of ['code', 'titleZh', 'titleEn', 'descriptionZh', 'descriptionEn', 'semester'] as const) {
      // JSON uploads carry no semester: keep the stored one.
      if (field === 'semester' && data.key) continue
      if ((current[field] ?? null) !== data[field]) changes.push(field)
    }
    const before = current.skills
      .map((s) => `${s.skill.key}:${s.level}`)
      .sort()
      .join(';')
    const after = data.skills
      .map((s) => `${s.key}:${s.level}`)
      .sort()
      .join(';')
    if (before !== after) changes.push('skills')
    if (data.key && data.semester === null) data.semester = current.semester
    return { data, existingId: current.id, action: changes.length > 0 ? 'update' : 'unchanged', changes }
  })
  return { planned, problems, skillIds }
}

function signatureFor(universityId: string, text: string, purpose: 'catalogue-upload' | 'catalogue-draft' = 'catalogue-upload') {
  return signToken(purpose, { u: universityId, h: sha256Hex(text) }, new Date(Date.now() + 60 * 60 * 1000))
}

function signedFor(universityId: string, payload: string, signature: string, purpose: 'catalogue-upload' | 'catalogue-draft') {
  const signed = verifyToken<{ u: string; h: string }>(purpose, signature)
  if (!signed || signed.u !== universityId || signed.h !== sha256Hex(payload)) throw new UserFacingError(400, 'universities.uploadExpired')
}

/** A CSV field as written back: quoted when it holds a comma, a quote, a line break or edge spaces. */
const csvField = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/** The upload's text with every `from` skill item (CSV `from:level`, JSON `{ skill: from }`) now naming `to` at its level. */
function replaceSkill(text: string, from: string, to: { skill: string; level: number }): string {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{')) {
    const raw = JSON.parse(trimmed) as { courses?: Array<{ skills?: Array<{ skill?: string; level?: number }> }> }
    for (const course of raw.courses ?? []) {
      for (const item of course.skills ?? []) if (item.skill?.toLowerCase() === from) Object.assign(item, to)
    }
    return `${JSON.stringify(raw, null, 2)}\n`
  }
  const [header, ...body] = parseCsv(text)
  if (!header) return text
  const column = header.fields.map((f) => f.trim().toLowerCase()).indexOf('skills')
  const replaceItems = (cell: string) =>
    cell
      .split(/([;；])/)
      .map((item) => {
        const match = /^(\s*)([a-z0-9._-]{1,100})\s*[:：]\s*\S+(\s*)$/i.exec(item)
        return match && match[2]!.toLowerCase() === from ? `${match[1]}${to.skill}:${to.level}${match[3]}` : item
      })
      .join('')
  const rows = [header, ...body].map((record, i) => record.fields.map((field, j) => csvField(i > 0 && j === column ? replaceItems(field) : field)).join(','))
  return `${rows.join('\n')}\n`
}

/** Reads an upload as UTF-8 (a BOM is fine); anything else is a problem, not an exception. */
export function decodeUpload(bytes: Uint8Array): { text: string } | { problem: RowProblem } {
  if (bytes.byteLength === 0) return { problem: { row: '-', key: 'universities.emptyFile' } }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { problem: { row: '-', key: 'universities.tooLarge' } }
  const text = decodeUtf8(bytes)
  if (text === null) return { problem: { row: '-', key: 'universities.notUtf8' } }
  return { text }
}

export async function previewCatalogue(universityId: string, text: string): Promise<CataloguePreview> {
  const { planned, problems } = await planCatalogue(prisma, universityId, text)
  return {
    problems,
    rows: planned.map((p) => ({ row: p.data.row, code: p.data.code, title: { zh: p.data.titleZh, en: p.data.titleEn }, action: p.action, changes: p.changes })),
    confirm: problems.length === 0 && planned.length > 0 ? { payload: text, signature: signatureFor(universityId, text) } : null,
    unknownSkills: unknownSkillsOf(universityId, text, problems),
  }
}

function unknownSkillsOf(universityId: string, text: string, problems: RowProblem[]): CataloguePreview['unknownSkills'] {
  const keys = [...new Set(problems.flatMap((p) => (p.key === 'universities.unknownSkill' ? [String(p.params?.skill ?? '')] : [])))].filter(Boolean)
  return keys.length > 0 ? { keys, draft: { payload: text, signature: signatureFor(universityId, text, 'catalogue-draft') } } : null
}

/** The preview of a draft again (after a skill search without JavaScript); the draft must be this university's, as previewed. */
export async function previewCatalogueDraft(universityId: string, draft: { payload: string; signature: string }) {
  signedFor(universityId, draft.payload, draft.signature, 'catalogue-draft')
  return previewCatalogue(universityId, draft.payload)
}

/**
 * Staff picked a taxonomy skill (with the skill picker) for a key the upload names but the
 * taxonomy does not know: the draft's items of that key now name the chosen skill at the
 * chosen level, and the changed text is previewed again (and may then be confirmed).
 */
export async function replaceUnknownSkill(actor: SessionUser, universityId: string, input: ReplaceSkillInput) {
  assertUniversityStaff(actor, universityId)
  signedFor(universityId, input.payload, input.signature, 'catalogue-draft')
  const to = input.skills[0]!
  if (!(await prisma.skill.findUnique({ where: { key: to.skill }, select: { id: true } }))) {
    throw new UserFacingError(422, 'roles.unknownSkill', { skill: to.skill }, [{ path: 'skills', key: 'roles.unknownSkill', params: { skill: to.skill } }])
  }
  return previewCatalogue(universityId, replaceSkill(input.payload, input.from.toLowerCase(), to))
}

/** Writes a previewed upload. The signature proves this exact text was previewed for this university. */
export async function applyCatalogue(actor: SessionUser, universityId: string, payload: string, signature: string) {
  assertUniversityStaff(actor, universityId)
  const actorId = actor.id
  signedFor(universityId, payload, signature, 'catalogue-upload')
  return prisma.$transaction(
    async (tx) => {
      // Checked again inside the transaction: the catalogue or taxonomy may have changed since the preview.
      const { planned, problems, skillIds } = await planCatalogue(tx, universityId, payload)
      if (problems.length > 0) throw new UserFacingError(422, 'universities.uploadChanged')
      const counts = { create: 0, update: 0, unchanged: 0 }
      for (const p of planned) {
        counts[p.action]++
        if (p.action !== 'unchanged') await writeCourse(tx, universityId, p.existingId, p.data, skillIds)
      }
      await recordAudit(tx, { actorId, action: 'course.catalogue.upload', entity: 'university', entityId: universityId, data: counts })
      return counts
    },
    { timeout: 60_000 },
  )
}
