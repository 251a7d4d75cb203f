import { describe, expect, test } from 'vitest'
import { normalisedStandings, type Score } from './judging-math.ts'

const criteria = [
  { id: 'innovation', weight: 30 },
  { id: 'depth', weight: 30 },
  { id: 'value', weight: 25 },
  { id: 'presentation', weight: 15 },
]

function judge(judgeId: string, perTeam: Record<string, number>): Score[] {
  return Object.entries(perTeam).flatMap(([teamId, value]) => criteria.map((c) => ({ judgeId, teamId, criterionId: c.id, value })))
}

describe('per-judge normalisation', () => {
  test('a harsh and a lenient judge with opposite preferences count equally', () => {
    // Harsh judge prefers A (4 vs 2); lenient judge prefers B (10 vs 8). Raw means favour
    // nobody here, but with unequal spreads they would; z-scores make it a tie.
    const scores = [...judge('harsh', { A: 4, B: 2 }), ...judge('lenient', { A: 8, B: 10 })]
    const standings = normalisedStandings(scores, criteria)
    expect(standings).toHaveLength(2)
    expect(standings[0]!.normalised).toBeCloseTo(0, 10)
    expect(standings[1]!.normalised).toBeCloseTo(0, 10)
  })

  test('a lenient judge scoring only one team cannot lift it above a team the harsh judge ranks first', () => {
    // Raw: B gets 9 from lenient and 3 from harsh (mean 6); A gets 5 from harsh only (5).
    const scores = [...judge('harsh', { A: 5, B: 3, C: 1 }), ...judge('lenient', { B: 9, C: 9.5 })]
    const standings = normalisedStandings(scores, criteria)
    expect(standings[0]!.teamId).toBe('A')
  })

  test('weights apply per criterion and z-scores are against the judge’s own mean and spread', () => {
    const scores: Score[] = [
      { judgeId: 'j', teamId: 'X', criterionId: 'innovation', value: 10 },
      { judgeId: 'j', teamId: 'X', criterionId: 'presentation', value: 2 },
      { judgeId: 'j', teamId: 'Y', criterionId: 'innovation', value: 2 },
      { judgeId: 'j', teamId: 'Y', criterionId: 'presentation', value: 10 },
    ]
    // mean 6, sd 4: z = ±1. X: 0.30*1 + 0.15*(-1) = 0.15; Y: -0.15.
    const [first, second] = normalisedStandings(scores, criteria)
    expect(first).toMatchObject({ teamId: 'X', judges: 1 })
    expect(first!.normalised).toBeCloseTo(0.15, 10)
    expect(second!.normalised).toBeCloseTo(-0.15, 10)
    expect(first!.raw).toBeCloseTo(0.3 * 10 + 0.15 * 2, 10)
  })

  test('a judge who gives every score the same contributes zero, not NaN', () => {
    const standings = normalisedStandings(judge('flat', { A: 7, B: 7 }), criteria)
    expect(standings.every((s) => s.normalised === 0)).toBe(true)
  })
})
