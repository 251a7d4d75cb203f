// Loads what the scoring rules need, in a handful of batched queries whatever the number
// of students or roles: each student's evidence, each role's wants (the taxonomy is in the
// matching index).
import { prisma } from '#app/lib/db.server.ts'
import { localText } from '#app/modules/credentials/report-view.server.ts'
import type { Bilingual, Evidence, LoadedRole, SelfReportedKind, SkillInfo, StudentForMatch } from './scoring.ts'

export function bilingual(zh: string | null | undefined, en: string | null | undefined): Bilingual {
  return { zh: zh || en || '', en: en || zh || '' }
}

export type LoadedStudent = StudentForMatch & { userId: string; key: string | null; name: string; university: Bilingual | null }

type EvidenceRow = { skillId: string; level: number }
type CourseEvidenceRow = EvidenceRow & { courseId: string; titleZh: string | null; titleEn: string | null; grade: number | null; verified: boolean }
type EventEvidenceRow = EvidenceRow & { eventId: string; titleZh: string | null; titleEn: string | null }
type OwnEvidenceRow = EvidenceRow & { evidenceId: string; kind: SelfReportedKind; title: string }
type ExternalEvidenceRow = EvidenceRow & { credentialId: string; name: unknown; issuerZh: string; issuerEn: string }
type CredentialEvidenceRow = EvidenceRow & { credentialId: string; name: unknown; issuerZh: string; issuerEn: string; grade: number | null }
type StudentRow = {
  id: string
  key: string | null
  userId: string
  name: string
  universityId: string | null
  uniZh: string | null
  uniEn: string | null
  preferredCities: string[]
  workModes: StudentForMatch['workModes']
  availableFrom: Date | null
  daysPerWeek: number | null
  languages: StudentForMatch['languages']
  skills: EvidenceRow[]
  courses: CourseEvidenceRow[]
  events: EventEvidenceRow[]
  own: OwnEvidenceRow[]
  external: ExternalEvidenceRow[]
  credentials: CredentialEvidenceRow[]
}

// Participation counts once the place is confirmed or the student was checked in.
const COUNTED_REGISTRATION = `(reg.status = 'confirmed' OR reg."checkedInAt" IS NOT NULL)`
/**
 * The events (`pos`, `eventId`) that count for the student profile aliased `p`: its own
 * registrations and its contest teams' (a team's counts for every member).
 */
export const COUNTED_EVENT_IDS = `SELECT reg.ctid AS pos, reg."eventId" FROM "Registration" reg WHERE reg."userId" = p."userId" AND ${COUNTED_REGISTRATION}
  UNION
  SELECT reg.ctid, reg."eventId" FROM "TeamMember" tm JOIN "Registration" reg ON reg."teamId" = tm."teamId"
   WHERE tm."userId" = p."userId" AND ${COUNTED_REGISTRATION}`

/** The credentials of `ic` that count: neither revoked nor expired. */
export const ACTIVE_CREDENTIAL = `ic."revokedAt" IS NULL AND (ic."validUntil" IS NULL OR ic."validUntil" > now())`

/**
 * The imported credentials of `x` that count (docs/decisions/034): their issuer is on the
 * admins' trusted list, and they have not expired.
 */
export const COUNTED_EXTERNAL_CREDENTIAL = `x."trustedIssuerId" IS NOT NULL AND (x."validUntil" IS NULL OR x."validUntil" > now())`

/** A credential's skill as evidence; imported credentials carry no grade. */
const credentialEvidence = (c: ExternalEvidenceRow & { grade?: number | null }): Evidence => ({
  skillId: c.skillId,
  level: c.level,
  source: {
    kind: 'credential',
    credentialId: c.credentialId,
    title: bilingual(localText(c.name, 'zh-CN'), localText(c.name, 'en')),
    issuer: bilingual(c.issuerZh, c.issuerEn),
    grade: c.grade ?? null,
  },
})

/**
 * Profiles with all their evidence in one query (each list a JSON aggregate): one round
 * trip whether for one student or the few hundred candidates of a role. Lists keep the rows'
 * stored order (ctid), the order they were entered in and the order Prisma's unordered
 * relation reads gave: between equally strong pieces of evidence, the first is named.
 */
export async function loadStudentsForMatch(ids: string[]): Promise<Map<string, LoadedStudent>> {
  if (ids.length === 0) return new Map()
  const rows = await prisma.$queryRawUnsafe<StudentRow[]>(
    `SELECT p.id, p.key, p."userId", u.name, p."universityId", uni."nameZh" AS "uniZh", uni."nameEn" AS "uniEn",
            -- Lists never set are NULL in the table (Prisma reads them as []).
            coalesce(p."preferredCities", '{}') AS "preferredCities", coalesce(p."workModes"::text[], '{}') AS "workModes", p."availableFrom", p."daysPerWeek",
            (SELECT coalesce(json_agg(json_build_object('language', l.language, 'level', l.level) ORDER BY l.language), '[]')
               FROM "StudentLanguage" l WHERE l."studentId" = p.id) AS languages,
            (SELECT coalesce(json_agg(json_build_object('skillId', s."skillId", 'level', s.level) ORDER BY s.ctid), '[]')
               FROM "StudentSkill" s WHERE s."studentId" = p.id) AS skills,
            (SELECT coalesce(json_agg(json_build_object('courseId', c.id, 'titleZh', c."titleZh", 'titleEn', c."titleEn", 'grade', sc.grade,
                                                        'verified', sc.verified, 'skillId', cs."skillId", 'level', cs.level) ORDER BY sc.ctid, cs.ctid), '[]')
               FROM "StudentCourse" sc JOIN "Course" c ON c.id = sc."courseId" JOIN "CourseSkill" cs ON cs."courseId" = c.id
              WHERE sc."studentId" = p.id) AS courses,
            (SELECT coalesce(json_agg(json_build_object('eventId', ev.id, 'titleZh', ev."titleZh", 'titleEn', ev."titleEn", 'skillId', es."skillId", 'level', es.level)
                                      ORDER BY r.pos, es.ctid), '[]')
               FROM (${COUNTED_EVENT_IDS}) r
               JOIN "Event" ev ON ev.id = r."eventId" JOIN "EventSkill" es ON es."eventId" = ev.id) AS events,
            (SELECT coalesce(json_agg(json_build_object('evidenceId', e.id, 'kind', e.kind, 'title', e.title, 'skillId', es."skillId", 'level', es.level)
                                      ORDER BY e."createdAt", es.ctid), '[]')
               FROM "StudentEvidence" e JOIN "StudentEvidenceSkill" es ON es."evidenceId" = e.id WHERE e."studentId" = p.id) AS own,
            (SELECT coalesce(json_agg(json_build_object('credentialId', x.id, 'name', coalesce(x.document->'name', x.document->'credentialSubject'->'achievement'->'name'),
                                                        'issuerZh', t."nameZh", 'issuerEn', t."nameEn", 'skillId', xs."skillId", 'level', xs.level)
                                      ORDER BY x."createdAt", xs.ctid), '[]')
               FROM "ExternalCredential" x JOIN "TrustedExternalIssuer" t ON t.id = x."trustedIssuerId" JOIN "ExternalCredentialSkill" xs ON xs."credentialId" = x.id
              WHERE x."studentId" = p.id AND ${COUNTED_EXTERNAL_CREDENTIAL}) AS external,
            (SELECT coalesce(json_agg(json_build_object('credentialId', ic.id, 'name', ic.document->'name', 'issuerZh', i."nameZh", 'issuerEn', i."nameEn",
                                                        'skillId', cs."skillId", 'level', cs.level, 'grade', cs.grade) ORDER BY ic."createdAt", cs.ctid), '[]')
               FROM "IssuedCredential" ic JOIN "CredentialSkill" cs ON cs."credentialId" = ic.id JOIN "CredentialIssuer" i ON i.id = ic."issuerId"
              WHERE ic."studentId" = p.id AND ${ACTIVE_CREDENTIAL}) AS credentials
       FROM "StudentProfile" p JOIN "User" u ON u.id = p."userId" LEFT JOIN "University" uni ON uni.id = p."universityId"
      WHERE p.id = ANY($1::text[])`,
    ids,
  )
  const result = new Map<string, LoadedStudent>()
  for (const p of rows) {
    // Credentials first: between equally strong pieces of evidence, the first is named.
    const evidence: Evidence[] = [
      // An imported credential of a trusted issuer counts like Lianqiao's own.
      ...p.credentials.map(credentialEvidence),
      ...p.external.map(credentialEvidence),
      ...p.skills.map((s): Evidence => ({ skillId: s.skillId, level: s.level, source: { kind: 'declared' } })),
      ...p.courses.map((c): Evidence => ({
        skillId: c.skillId,
        level: c.level,
        source: { kind: c.verified ? 'verifiedCourse' : 'claimedCourse', courseId: c.courseId, title: bilingual(c.titleZh, c.titleEn), grade: c.grade },
      })),
      ...p.events.map((e): Evidence => ({
        skillId: e.skillId,
        level: e.level,
        source: { kind: 'event', eventId: e.eventId, title: bilingual(e.titleZh, e.titleEn) },
      })),
      ...p.own.map((e): Evidence => ({
        skillId: e.skillId,
        level: e.level,
        source: { kind: 'selfReported', what: e.kind, evidenceId: e.evidenceId, title: e.title },
      })),
    ]
    result.set(p.id, {
      id: p.id,
      key: p.key,
      userId: p.userId,
      name: p.name,
      university: p.universityId ? bilingual(p.uniZh, p.uniEn) : null,
      universityId: p.universityId,
      preferredCities: p.preferredCities,
      workModes: p.workModes,
      availableFrom: p.availableFrom,
      daysPerWeek: p.daysPerWeek,
      languages: p.languages,
      evidence,
    })
  }
  return result
}

/**
 * The columns a role is scored on, its skills as one JSON list in stored order (as the
 * company listed them; equal reasons and missing skills keep that order): for queries that
 * read roles aliased `r`, alone or behind a ranking.
 */
export const roleForMatchColumns = `r.id, r."companyId", r.city, r."workMode"::text AS "workMode", r."daysPerWeek", coalesce(r.languages, '{}') AS languages, r."closesAt",
  r.status::text AS status, r.openings,
  (SELECT coalesce(json_agg(json_build_object('skillId', rs."skillId", 'level', rs.level, 'required', rs.required) ORDER BY rs.ctid), '[]')
     FROM "RoleSkill" rs WHERE rs."roleId" = r.id) AS skills`

export async function loadRolesForMatch(ids: string[]): Promise<Map<string, LoadedRole>> {
  if (ids.length === 0) return new Map()
  const roles = await prisma.$queryRawUnsafe<LoadedRole[]>(`SELECT ${roleForMatchColumns} FROM "InternshipRole" r WHERE r.id = ANY($1::text[])`, ids)
  return new Map(roles.map((r) => [r.id, r]))
}

/** Skills a student has evidence for, with the best strength, plus the parents they partly show. */
export function evidenceSkillWeights(evidence: Evidence[], skills: ReadonlyMap<string, SkillInfo>, childFactor: number): Map<string, number> {
  const weights = new Map<string, number>()
  const bump = (id: string, w: number) => weights.set(id, Math.max(weights.get(id) ?? 0, w))
  for (const e of evidence) {
    const w = e.level / 5
    bump(e.skillId, w)
    const parent = skills.get(e.skillId)?.parentId
    if (parent) bump(parent, w * childFactor)
  }
  return weights
}
