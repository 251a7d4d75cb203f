// Course results uploaded by university staff (student e-mail, course code, grade). They
// become verified course records; students without an account get one without a
// password and a link to claim it, e-mailed to them and shown once to the staff member.
// Nothing is written until every row is valid.
import { CsvSyntaxError, parseCsv } from '#app/lib/csv.ts'
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { UserFacingError, notFound } from '#app/lib/errors.server.ts'
import { randomToken, sha256Hex } from '#app/lib/hash.server.ts'
import { signToken, verifyToken } from '#app/lib/signed-token.server.ts'
import { recordAudit } from '#app/modules/audit/audit.server.ts'
import { assertUniversityStaff, type SessionUser } from '#app/modules/auth/permissions.server.ts'
import { emailSchema } from '#app/modules/auth/schemas.ts'
import { queueCredentialTask } from '#app/modules/credentials/tasks.server.ts'
import { enqueueMail } from '#app/modules/mail/queue.server.ts'
import { recordPrivacyAcceptance } from '#app/modules/privacy/privacy.server.ts'
import { mergeConfirmedCourses } from '#app/modules/students/evidence.server.ts'
import type { RowProblem } from './catalogue.server.ts'
import { ROSTER_COLUMNS } from './schemas.ts'

const CLAIM_DAYS = 30

type RosterRow = { row: string; email: string; code: string; grade: number }

export type RosterPreview = {
  problems: RowProblem[]
  rows: Array<{ row: string; email: string; code: string; grade: number; newAccount: boolean; action: 'create' | 'update' | 'unchanged' }>
  confirm: { payload: string; signature: string } | null
}

function parseRoster(text: string): { rows: RosterRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const rows: RosterRow[] = []
  let records: ReturnType<typeof parseCsv>
  try {
    records = parseCsv(text)
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows, problems: [{ row: String(error.line), key: 'universities.csvSyntax' }] }
    throw error
  }
  const [header, ...body] = records
  if (!header) return { rows, problems: [{ row: '1', key: 'universities.emptyFile' }] }
  const columns = header.fields.map((f) => f.trim().toLowerCase())
  if (columns.length !== ROSTER_COLUMNS.length || ROSTER_COLUMNS.some((c) => !columns.includes(c))) {
    return {
      rows,
      problems: [
        {
          row: '1',
          key: 'universities.missingColumns',
          params: { columns: ROSTER_COLUMNS.filter((c) => !columns.includes(c)).join(', ') || columns.join(', '), expected: ROSTER_COLUMNS.join(',') },
        },
      ],
    }
  }
  const seen = new Map<string, string>()
  for (const record of body) {
    const row = String(record.line)
    if (record.fields.length !== columns.length) {
      problems.push({ row, key: 'universities.fieldCount', params: { found: record.fields.length, expected: columns.length } })
      continue
    }
    const get = (name: string) => (record.fields[columns.indexOf(name)] ?? '').trim()
    const email = emailSchema.safeParse(get('email'))
    if (!email.success) problems.push({ row, key: 'universities.badEmail', params: { value: get('email') } })
    const code = get('course_code')
    if (!code) problems.push({ row, key: 'universities.codeRequired' })
    const gradeText = get('grade')
    const grade = Number(gradeText)
    if (!/^\d{1,3}$/.test(gradeText) || grade > 100) problems.push({ row, key: 'universities.badGrade', params: { value: gradeText } })
    if (email.success && code) {
      const id = `${email.data}|${code}`
      const first = seen.get(id)
      if (first) problems.push({ row, key: 'universities.duplicateRosterRow', params: { first } })
      seen.set(id, row)
      rows.push({ row, email: email.data, code, grade })
    }
  }
  return { rows, problems }
}

async function planRoster(tx: Tx, universityId: string, text: string) {
  const { rows, problems } = parseRoster(text)
  const courses = await tx.course.findMany({ where: { universityId, code: { in: [...new Set(rows.map((r) => r.code))] } }, select: { id: true, code: true } })
  const courseByCode = new Map(courses.map((c) => [c.code ?? '', c.id]))
  const users = await tx.user.findMany({
    where: { email: { in: [...new Set(rows.map((r) => r.email))] } },
    select: {
      id: true,
      email: true,
      studentProfile: {
        select: { id: true, courses: { where: { courseId: { in: courses.map((c) => c.id) } }, select: { courseId: true, grade: true, verified: true } } },
      },
    },
  })
  const userByEmail = new Map(users.map((u) => [u.email, u]))
  const planned = rows.map((r) => {
    const courseId = courseByCode.get(r.code)
    if (!courseId) problems.push({ row: r.row, key: 'universities.unknownCourse', params: { code: r.code } })
    const user = userByEmail.get(r.email)
    if (user && !user.studentProfile) problems.push({ row: r.row, key: 'universities.notStudent', params: { email: r.email } })
    const current = user?.studentProfile?.courses.find((c) => c.courseId === courseId)
    const action: 'create' | 'update' | 'unchanged' = !current ? 'create' : current.verified && current.grade === r.grade ? 'unchanged' : 'update'
    return { ...r, courseId: courseId ?? null, studentId: user?.studentProfile?.id ?? null, newAccount: !user, action }
  })
  return { planned, problems }
}

function signatureFor(universityId: string, text: string) {
  return signToken('roster-upload', { u: universityId, h: sha256Hex(text) }, new Date(Date.now() + 60 * 60 * 1000))
}

export async function previewRoster(universityId: string, text: string): Promise<RosterPreview> {
  const { planned, problems } = await planRoster(prisma, universityId, text)
  problems.sort((a, b) => Number(a.row) - Number(b.row))
  return {
    problems,
    rows: planned.map((p) => ({ row: p.row, email: p.email, code: p.code, grade: p.grade, newAccount: p.newAccount, action: p.action })),
    confirm: problems.length === 0 && planned.length > 0 ? { payload: text, signature: signatureFor(universityId, text) } : null,
  }
}

/** Writes a previewed roster in one transaction. Returns the claim links for new accounts (shown once). */
export async function applyRoster(actor: SessionUser, universityId: string, payload: string, signature: string) {
  assertUniversityStaff(actor, universityId)
  const actorId = actor.id
  const signed = verifyToken<{ u: string; h: string }>('roster-upload', signature)
  if (!signed || signed.u !== universityId || signed.h !== sha256Hex(payload)) throw new UserFacingError(400, 'universities.uploadExpired')
  return prisma.$transaction(
    async (tx) => {
      const { planned, problems } = await planRoster(tx, universityId, payload)
      if (problems.length > 0) throw new UserFacingError(422, 'universities.uploadChanged')
      const claims: Array<{ email: string; token: string }> = []
      const created = new Map<string, string>()
      const university = await tx.university.findUniqueOrThrow({ where: { id: universityId }, select: { nameZh: true, nameEn: true } })
      const confirmed: Array<{ studentId: string; courseId: string }> = []
      for (const p of planned) {
        let studentId = p.studentId ?? created.get(p.email) ?? null
        if (!studentId) {
          const user = await tx.user.create({
            data: {
              email: p.email,
              name: p.email.split('@')[0] ?? p.email,
              roles: { create: { role: 'student' } },
              studentProfile: { create: { universityId } },
            },
            select: { id: true, studentProfile: { select: { id: true } } },
          })
          studentId = user.studentProfile!.id
          created.set(p.email, studentId)
          const token = randomToken()
          await tx.oneTimeToken.create({
            data: { userId: user.id, purpose: 'claim_account', tokenHash: sha256Hex(token), expiresAt: new Date(Date.now() + CLAIM_DAYS * 86_400_000) },
            select: { id: true },
          })
          claims.push({ email: p.email, token })
          // Queued in this transaction: the invitation goes out exactly when the account exists.
          await enqueueMail(tx, {
            userId: user.id,
            type: 'account.claim',
            data: { university: { zh: university.nameZh, en: university.nameEn } },
            link: `/claim/${token}`,
          })
        }
        await tx.studentCourse.upsert({
          where: { studentId_courseId: { studentId, courseId: p.courseId! } },
          create: { studentId, courseId: p.courseId!, grade: p.grade, verified: true },
          update: { grade: p.grade, verified: true },
          select: { studentId: true },
        })
        confirmed.push({ studentId, courseId: p.courseId! })
      }
      await mergeConfirmedCourses(tx, confirmed)
      // Verified results become course credentials in the background; the uploader sees progress.
      for (const courseId of new Set(planned.map((p) => p.courseId!)))
        await queueCredentialTask(tx, { kind: 'course', subjectId: courseId, requestedById: actorId })
      await recordAudit(tx, {
        actorId,
        action: 'course.roster.upload',
        entity: 'university',
        entityId: universityId,
        data: { rows: planned.length, newAccounts: claims.length },
      })
      return { rows: planned.length, claims }
    },
    { timeout: 60_000 },
  )
}

/** The account a claim link is for, while the link is unused and unexpired. */
export async function describeClaim(token: string, now = new Date()) {
  const row = await prisma.oneTimeToken.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true } } },
  })
  if (!row || row.purpose !== 'claim_account' || row.usedAt || row.expiresAt <= now) throw notFound()
  return { tokenId: row.id, user: row.user }
}

/** Marks the link used and records the student's consent and the privacy notice they accepted; the caller then sets the password. */
export async function completeClaim(token: string, name: string) {
  const claim = await describeClaim(token)
  await prisma.$transaction(async (tx) => {
    const used = await tx.oneTimeToken.updateMany({ where: { id: claim.tokenId, usedAt: null }, data: { usedAt: new Date() } })
    if (used.count === 0) throw notFound()
    await tx.user.update({ where: { id: claim.user.id }, data: { name }, select: { id: true } })
    await tx.studentProfile.updateMany({ where: { userId: claim.user.id }, data: { consentedAt: new Date() } })
    await recordPrivacyAcceptance(tx, claim.user.id)
    await recordAudit(tx, { actorId: claim.user.id, action: 'user.claim', entity: 'user', entityId: claim.user.id })
  })
  return claim.user
}
