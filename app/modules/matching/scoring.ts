// The matching rules, in one place and free of I/O so tests can pin each of them.
// A score is built from per-skill evidence (what the student did that shows the skill),
// then adjusted by practical fit (city, work mode, availability, days, language).
// Browser-safe: the role and profile pages may explain a score with the same code.
import { cityName } from '#app/modules/cities/cities.ts'
import { isOpen } from '#app/modules/roles/open.ts'
import { shanghaiDay } from '#app/lib/time.ts'

export type Bilingual = { zh: string; en: string }
export type WorkModeValue = 'onsite' | 'hybrid' | 'remote'

export type EvidenceSource =
  | { kind: 'verifiedCourse'; courseId: string; title: Bilingual; grade: number | null }
  | { kind: 'claimedCourse'; courseId: string; title: Bilingual; grade: number | null }
  | { kind: 'declared' }
  | { kind: 'event'; eventId: string; title: Bilingual }
  /** Added by the student: a course outside the catalogue, a project, past work, a contest result. */
  | { kind: 'selfReported'; what: SelfReportedKind; evidenceId: string; title: string }
  /** An active credential Lianqiao issued to the student (a course's grade scales it as a course result's does). */
  | { kind: 'credential'; credentialId: string; title: Bilingual; issuer: Bilingual; grade: number | null }

export type SelfReportedKind = 'course' | 'project' | 'work' | 'contest'

export type Evidence = { skillId: string; level: number; source: EvidenceSource }

export type SkillInfo = { id: string; key: string; name: Bilingual; parentId: string | null }

export type StudentForMatch = {
  id: string
  universityId: string | null
  evidence: Evidence[]
  preferredCities: string[]
  workModes: WorkModeValue[]
  availableFrom: Date | null
  daysPerWeek: number | null
  languages: Array<{ language: string; level: string | null }>
}

export type RoleForMatch = {
  id: string
  city: string
  workMode: WorkModeValue
  daysPerWeek: number
  languages: string[]
  closesAt: Date
  status: 'draft' | 'published' | 'closed'
  skills: Array<{ skillId: string; level: number; required: boolean }>
}

/** A role as the matching index and the evidence loader give it out: scored, and ranked per company and opening. */
export type LoadedRole = RoleForMatch & { companyId: string; openings: number }

export type ReasonKind = 'skill' | 'course' | 'credential' | 'city' | 'workMode' | 'availability' | 'language'
export type ReasonParam = string | number | Bilingual
/** A reason names a catalogue message (matching.ts) and its values; text is rendered per reader. */
export type Reason = { kind: ReasonKind; message: string; params: Record<string, ReasonParam>; positive: boolean }

export type MatchResult = {
  score: number
  reasons: Reason[]
  missing: Array<{ skillId: string; level: number; required: boolean }>
  /** Coverage 0..1 per role skill, for tests and the bench. */
  coverage: Record<string, number>
}

/**
 * How much one piece of evidence is trusted, before level and grade. What the student
 * reports themselves counts below what the university verified or Lianqiao saw (an event).
 * A signed credential is the strongest: above 1, so it makes up for a level or a grade
 * short of what the role asks where a course result cannot, while one piece of evidence
 * never covers a skill more than fully (docs/decisions/031).
 */
export const CONFIDENCE = { credential: 1.15, verifiedCourse: 1, claimedCourse: 0.7, event: 0.7, selfReported: 0.65, declared: 0.6 } as const
/** Evidence of a child skill (Solidity) counts this much for its parent (smart contracts). */
export const CHILD_FACTOR = 0.6
/** Candidate generation ranks by these; the score itself splits required and nice-to-have by NICE_SHARE. */
export const REQUIRED_WEIGHT = 2
export const NICE_WEIGHT = 1
/** Nice-to-have skills can move a score by this share at most: the required ones decide. */
export const NICE_SHARE = 0.15
/** Below this coverage a skill counts as missing. */
export const MISSING_BELOW = 0.3
export const CAP_ONE_MISSING = 40
export const CAP_MANY_MISSING = 20
// A role in another city or in no language the student speaks is rarely one they can take.
export const FIT = { city: 0.7, workMode: 0.85, availabilityLate: 0.8, availabilitySoon: 0.92, minDays: 0.7, minLanguage: 0.4 } as const
const DAY = 86_400_000
const PLAIN_LEVELS = new Set(['native', 'fluent', 'working', 'basic'])

/** A grade scales what a course shows: a bare pass shows less than a 92. */
export function gradeFactor(grade: number | null): number {
  if (grade === null) return 0.9
  if (grade >= 90) return 1
  if (grade >= 80) return 0.95
  if (grade >= 70) return 0.85
  if (grade >= 60) return 0.75
  return 0.3
}

function strength(evidence: Evidence, wantedLevel: number): number {
  const source = evidence.source
  const graded = source.kind === 'verifiedCourse' || source.kind === 'claimedCourse' || (source.kind === 'credential' && source.grade !== null)
  const level = evidence.level * (graded ? gradeFactor(source.grade) : 1)
  return Math.min(1, CONFIDENCE[source.kind] * Math.min(1, level / Math.max(1, wantedLevel)))
}

function evidenceReason(skill: SkillInfo, evidence: Evidence, via: SkillInfo | null): Reason {
  const s = evidence.source
  const params: Record<string, ReasonParam> = { skill: skill.name, level: evidence.level }
  if (via) params.child = via.name
  const prefix = via ? 'match.reason.viaChild.' : 'match.reason.'
  switch (s.kind) {
    case 'verifiedCourse':
    case 'claimedCourse': {
      const verified = s.kind === 'verifiedCourse'
      const message = `${prefix}${verified ? 'course' : 'claimedCourse'}${s.grade === null ? 'NoGrade' : ''}`
      return { kind: 'course', message, params: { ...params, course: s.title, ...(s.grade === null ? {} : { grade: s.grade }) }, positive: true }
    }
    case 'event':
      return { kind: 'skill', message: `${prefix}event`, params: { ...params, event: s.title }, positive: true }
    case 'declared':
      return { kind: 'skill', message: `${prefix}declared`, params, positive: true }
    case 'credential':
      return { kind: 'credential', message: `${prefix}credential`, params: { ...params, title: s.title, issuer: s.issuer }, positive: true }
    case 'selfReported':
      return {
        kind: s.what === 'course' ? 'course' : 'skill',
        message: `${prefix}selfReported.${s.what}`,
        params: { ...params, title: { zh: s.title, en: s.title } },
        positive: true,
      }
  }
}

function cityParam(city: string): Bilingual {
  return { zh: cityName(city, 'zh-CN'), en: cityName(city, 'en') }
}

/** A calendar day (a `@db.Date`) or an instant as the Shanghai day it falls on. */
const dateParam = shanghaiDay

/** Scores one (student, role) pair. Closed or past-deadline roles score null: they never appear. */
export function scoreMatch(student: StudentForMatch, role: RoleForMatch, skills: ReadonlyMap<string, SkillInfo>, now: Date): MatchResult | null {
  if (!isOpen(role, now)) return null
  const skillReasons: Array<{ reason: Reason; order: number }> = []
  const missing: MatchResult['missing'] = []
  const coverage: Record<string, number> = {}
  const sums = { required: 0, requiredCount: 0, nice: 0, niceCount: 0 }
  for (const wanted of role.skills) {
    const info = skills.get(wanted.skillId)
    let best = 0
    let bestEvidence: Evidence | null = null
    let bestVia: SkillInfo | null = null
    for (const evidence of student.evidence) {
      let value = 0
      let via: SkillInfo | null = null
      if (evidence.skillId === wanted.skillId) value = strength(evidence, wanted.level)
      else {
        const child = skills.get(evidence.skillId)
        if (child?.parentId === wanted.skillId) {
          value = strength(evidence, wanted.level) * CHILD_FACTOR
          via = child
        }
      }
      if (value > best) {
        best = value
        bestEvidence = evidence
        bestVia = via
      }
    }
    coverage[wanted.skillId] = best
    const weight = wanted.required ? REQUIRED_WEIGHT : NICE_WEIGHT
    if (wanted.required) {
      sums.required += best
      sums.requiredCount++
    } else {
      sums.nice += best
      sums.niceCount++
    }
    if (best < MISSING_BELOW) missing.push({ skillId: wanted.skillId, level: wanted.level, required: wanted.required })
    else if (bestEvidence && info) skillReasons.push({ reason: evidenceReason(info, bestEvidence, bestVia), order: weight * 10 + best })
  }
  const requiredPart = sums.requiredCount > 0 ? sums.required / sums.requiredCount : 0
  const nicePart = sums.niceCount > 0 ? sums.nice / sums.niceCount : null
  const skillScore = nicePart === null ? requiredPart : (1 - NICE_SHARE) * requiredPart + NICE_SHARE * nicePart

  const fitReasons: Reason[] = []
  let fit = 1
  // City: remote roles and students who did not name cities fit anywhere.
  if (role.workMode !== 'remote' && student.preferredCities.length > 0) {
    const preferred = student.preferredCities.includes(role.city)
    if (!preferred) fit *= FIT.city
    fitReasons.push({
      kind: 'city',
      message: preferred ? 'match.reason.cityPreferred' : 'match.reason.cityOther',
      params: { city: cityParam(role.city) },
      positive: preferred,
    })
  }
  if (student.workModes.length > 0) {
    const fits = student.workModes.includes(role.workMode)
    if (!fits) fit *= FIT.workMode
    fitReasons.push({
      kind: 'workMode',
      message: fits ? 'match.reason.workModeFits' : 'match.reason.workModeOther',
      params: { mode: `msg:match.workMode.${role.workMode}` },
      positive: fits,
    })
  }
  if (student.availableFrom) {
    const from = student.availableFrom.getTime()
    const start = Math.max(now.getTime(), role.closesAt.getTime())
    const late = from - start
    if (late <= 0) {
      fitReasons.push({ kind: 'availability', message: 'match.reason.availableInTime', params: { date: dateParam(student.availableFrom) }, positive: true })
    } else {
      fit *= late <= 30 * DAY ? FIT.availabilitySoon : FIT.availabilityLate
      fitReasons.push({
        kind: 'availability',
        message: 'match.reason.availableLate',
        params: { date: dateParam(student.availableFrom), deadline: dateParam(role.closesAt) },
        positive: false,
      })
    }
  }
  if (student.daysPerWeek !== null) {
    const enough = student.daysPerWeek >= role.daysPerWeek
    if (!enough) fit *= Math.max(FIT.minDays, student.daysPerWeek / role.daysPerWeek)
    fitReasons.push({
      kind: 'availability',
      message: enough ? 'match.reason.daysFit' : 'match.reason.daysShort',
      params: { days: student.daysPerWeek, need: role.daysPerWeek },
      positive: enough,
    })
  }
  // A student who listed no languages is not judged on them (as with cities and work modes).
  if (role.languages.length > 0 && student.languages.length > 0) {
    const spoken = new Map(student.languages.map((l) => [l.language, l.level]))
    const have = role.languages.filter((l) => spoken.has(l))
    fit *= FIT.minLanguage + (1 - FIT.minLanguage) * (have.length / role.languages.length)
    for (const language of role.languages) {
      const level = spoken.get(language)
      if (spoken.has(language)) {
        // Plain-word levels ("native") are catalogue words; test names ("HSK 5") are shown as they are.
        const levelParam = level && PLAIN_LEVELS.has(level) ? `msg:languageLevel.${level}` : level
        fitReasons.push({
          kind: 'language',
          message: levelParam ? 'match.reason.languageLevel' : 'match.reason.language',
          params: { language: `lang:${language}`, ...(levelParam ? { level: levelParam } : {}) },
          positive: true,
        })
      } else {
        fitReasons.push({ kind: 'language', message: 'match.reason.languageMissing', params: { language: `lang:${language}` }, positive: false })
      }
    }
  }

  const requiredMissing = missing.filter((m) => m.required).length
  let score = Math.round(100 * skillScore * fit)
  if (requiredMissing === 1) score = Math.min(score, CAP_ONE_MISSING)
  if (requiredMissing > 1) score = Math.min(score, CAP_MANY_MISSING)
  score = Math.max(0, Math.min(100, score))

  skillReasons.sort((a, b) => b.order - a.order)
  // Good news first, then what holds the score back.
  const reasons = [...skillReasons.map((r) => r.reason), ...fitReasons.filter((r) => r.positive), ...fitReasons.filter((r) => !r.positive)]
  missing.sort((a, b) => Number(b.required) - Number(a.required) || b.level - a.level)
  return { score, reasons, missing, coverage }
}
