// The benchmark's roles, in the import format: the demo data's companies, skill taxonomy
// and role templates (scripts/demo-data), drawn with a fixed seed, so every run indexes the
// same text. Deadlines are counted from the run's day so the roles are open when searched.
import { companies } from '#scripts/demo-data/companies.ts'
import type { Role } from '#scripts/demo-data/format.ts'
import { Random } from '#scripts/demo-data/prng.ts'
import { draftRoles, draftText, stipendRange } from '#scripts/demo-data/roles.ts'
import { guangxiCities } from '#app/modules/cities/cities.ts'

export const SEED = 20261204

function addDays(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** The first `count` roles of the seeded sequence, `chunk` at a time (never all in memory). */
export function* benchRoles(count: number, chunk: number, today: string): Generator<Role[]> {
  const rng = new Random(SEED)
  let batch: Role[] = []
  for (let n = 1; n <= count; n++) {
    const company = rng.pick(companies)
    const draft = draftRoles(company, 1, rng)[0]
    if (!draft) throw new Error(`no role template fits ${company.key}`)
    const [lo, hi] = stipendRange[draft.kind]
    const min = Math.round(rng.int(lo, hi) / 100) * 100
    // Most postings are in the company's city; some in another Guangxi city, in either language.
    const city = rng.chance(0.7) ? company.city : rng.pick(guangxiCities).zh
    const cityText = rng.chance(0.2) ? (guangxiCities.find((c) => c.zh === city)?.en ?? city) : city
    batch.push({
      key: `bench.role-${String(n).padStart(6, '0')}`,
      company: company.key,
      ...draftText(draft),
      kind: draft.kind,
      city: cityText,
      workMode: rng.weighted([
        ['onsite', 0.55],
        ['hybrid', 0.3],
        ['remote', 0.15],
      ] as const),
      stipendMonthly: { min, max: Math.min(8000, min + 100 * rng.int(0, 20)) },
      daysPerWeek: rng.weighted([
        [3, 0.3],
        [4, 0.4],
        [5, 0.3],
      ] as const),
      durationMonths: rng.int(3, 6),
      skills: draft.skills,
      languages: rng.chance(0.2) ? ['zh', 'en'] : ['zh'],
      openings: rng.weighted([
        [1, 0.45],
        [2, 0.3],
        [3, 0.15],
        [4, 0.06],
        [5, 0.04],
      ] as const),
      deadline: addDays(today, rng.int(14, 380)),
      // A few drafts and closed roles, which search must leave out.
      status: rng.weighted([
        ['published', 0.96],
        ['draft', 0.025],
        ['closed', 0.015],
      ] as const),
    })
    if (batch.length === chunk) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}
