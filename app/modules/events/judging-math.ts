// Per-judge normalisation: each judge's scores become z-scores against that judge's own
// mean and standard deviation, so a harsh judge (all 3s to 5s) and a lenient one (all 8s
// to 10s) move the ranking equally. A team's result is the weighted sum of its z-scores
// per judge (weights in percent), averaged over the judges who scored it.

export type Score = { judgeId: string; teamId: string; criterionId: string; value: number }
export type Criterion = { id: string; weight: number }
export type Standing = { teamId: string; normalised: number; raw: number; judges: number }

export function normalisedStandings(scores: Score[], criteria: Criterion[]): Standing[] {
  const weight = new Map(criteria.map((c) => [c.id, c.weight / 100]))
  const byJudge = new Map<string, Score[]>()
  for (const s of scores) if (weight.has(s.criterionId)) (byJudge.get(s.judgeId) ?? byJudge.set(s.judgeId, []).get(s.judgeId)!).push(s)

  const perTeam = new Map<string, { z: number[]; raw: number[] }>()
  for (const judgeScores of byJudge.values()) {
    const values = judgeScores.map((s) => s.value)
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length)
    const teams = new Map<string, { z: number; raw: number }>()
    for (const s of judgeScores) {
      const w = weight.get(s.criterionId) ?? 0
      const entry = teams.get(s.teamId) ?? { z: 0, raw: 0 }
      // A judge who gave every score the same says nothing about order: z = 0.
      entry.z += w * (sd === 0 ? 0 : (s.value - mean) / sd)
      entry.raw += w * s.value
      teams.set(s.teamId, entry)
    }
    for (const [teamId, { z, raw }] of teams) {
      const acc = perTeam.get(teamId) ?? perTeam.set(teamId, { z: [], raw: [] }).get(teamId)!
      acc.z.push(z)
      acc.raw.push(raw)
    }
  }
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  return [...perTeam.entries()]
    .map(([teamId, acc]) => ({ teamId, normalised: avg(acc.z), raw: avg(acc.raw), judges: acc.z.length }))
    .sort((a, b) => b.normalised - a.normalised || b.raw - a.raw || a.teamId.localeCompare(b.teamId))
}
