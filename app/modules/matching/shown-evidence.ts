// A student's evidence as a company sees it: one entry per course, event, project… with the
// skills it shows and where it comes from, grouped from the per-skill evidence the scorer
// reads, so what is shown and what is scored never disagree. Browser-safe.
import type { Bilingual, Evidence } from './scoring.ts'

export type EvidenceOrigin = 'credential' | 'verified' | 'selfReported' | 'event'

export type ShownEvidence = {
  what: 'credential' | 'course' | 'project' | 'work' | 'contest' | 'event' | 'skills'
  /** Null for the skills the student declared without saying where from. */
  title: Bilingual | null
  origin: EvidenceOrigin
  grade: number | null
  skills: Array<{ name: Bilingual; level: number }>
}

const ORDER: Record<string, number> = { credential: 0, verified: 1, event: 2, claimed: 3, own: 4, declared: 5 }

/** Groups per-skill evidence by what it comes from: credentials and verified results first, declared skills last. */
export function shownEvidence(evidence: Evidence[], skillName: (skillId: string) => Bilingual): ShownEvidence[] {
  const groups = new Map<string, { rank: number; entry: ShownEvidence; skillIds: Set<string> }>()
  for (const piece of evidence) {
    const s = piece.source
    const [id, rank, entry]: [string, number, Omit<ShownEvidence, 'skills'>] =
      s.kind === 'credential'
        ? [`credential:${s.credentialId}`, ORDER.credential!, { what: 'credential', title: s.title, origin: 'credential', grade: s.grade }]
        : s.kind === 'verifiedCourse' || s.kind === 'claimedCourse'
          ? [
              `course:${s.courseId}`,
              ORDER[s.kind === 'verifiedCourse' ? 'verified' : 'claimed']!,
              { what: 'course', title: s.title, origin: s.kind === 'verifiedCourse' ? 'verified' : 'selfReported', grade: s.grade },
            ]
          : s.kind === 'event'
            ? [`event:${s.eventId}`, ORDER.event!, { what: 'event', title: s.title, origin: 'event', grade: null }]
            : s.kind === 'selfReported'
              ? [`own:${s.evidenceId}`, ORDER.own!, { what: s.what, title: { zh: s.title, en: s.title }, origin: 'selfReported', grade: null }]
              : ['declared', ORDER.declared!, { what: 'skills', title: null, origin: 'selfReported', grade: null }]
    const group = groups.get(id) ?? { rank, entry: { ...entry, skills: [] }, skillIds: new Set<string>() }
    groups.set(id, group)
    if (group.skillIds.has(piece.skillId)) continue
    group.skillIds.add(piece.skillId)
    group.entry.skills.push({ name: skillName(piece.skillId), level: piece.level })
  }
  return [...groups.values()].sort((a, b) => a.rank - b.rank).map((g) => g.entry)
}
