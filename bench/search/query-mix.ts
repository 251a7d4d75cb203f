// The benchmark's query mix: thousands of distinct /roles queries drawn from the taxonomy,
// the cities, the role kinds and the filters, requested with a Zipf distribution (a few
// views are very popular, most are rare), so caching helps only as far as real traffic
// would let it. Seeded: every run asks the same things in the same order.
import { guangxiCities } from '#app/modules/cities/cities.ts'
import { roleKinds, workModes } from '#app/modules/roles/schemas.ts'
import { Random } from '#scripts/demo-data/prng.ts'
import { skills } from '#scripts/demo-data/skills.ts'

const MIX_SEED = 20261201

/** At least `count` distinct query strings (URLSearchParams form), most popular first. */
export function queryMix(count = 1_200): string[] {
  const rng = new Random(MIX_SEED)
  const words = skills.flatMap((s) => [s.name.zh, s.name.en].filter((w): w is string => Boolean(w)))
  const cityWords = guangxiCities.flatMap((c) => [c.zh, c.en])
  const sorts = ['newest', 'deadline', 'stipend'] as const
  const seen = new Set<string>()
  const mix: string[] = []
  const add = (params: URLSearchParams) => {
    const text = params.toString()
    if (seen.has(text)) return
    seen.add(text)
    mix.push(text)
  }
  // The head: the unfiltered list and single filters, as people arrive from the menu.
  add(new URLSearchParams())
  for (const city of guangxiCities) add(new URLSearchParams({ city: city.key }))
  for (const kind of roleKinds) add(new URLSearchParams({ kind }))
  for (const s of skills.slice(0, 30)) add(new URLSearchParams({ skill: s.key }))
  // The tail: words (a skill or a city, in either language, sometimes a typo), combined
  // with filters, sorts and later pages.
  for (let guard = 0; mix.length < count && guard < count * 20; guard++) {
    const params = new URLSearchParams()
    const shape = rng.int(0, 9)
    if (shape <= 6) {
      let word = rng.pick(rng.chance(0.85) ? words : cityWords)
      if (rng.chance(0.08) && word.length > 5) word = word.slice(0, 2) + word.slice(3)
      if (rng.chance(0.25)) word = `${word} ${rng.pick(words)}`
      params.set('q', word)
    }
    if (shape >= 4 || rng.chance(0.3)) params.append('city', rng.pick(guangxiCities).key)
    if (rng.chance(0.3)) params.set('kind', rng.pick(roleKinds))
    if (rng.chance(0.15)) params.set('skill', rng.pick(skills).key)
    if (rng.chance(0.12)) params.set('workMode', rng.pick(workModes))
    if (rng.chance(0.08)) params.set('days', String(rng.int(3, 5)))
    if (rng.chance(0.08)) params.set('minStipend', String(rng.pick([2000, 3000, 4000, 5000])))
    if (rng.chance(0.05)) params.set('parkIncubated', 'true')
    if (rng.chance(0.2)) params.set('sort', rng.pick(sorts))
    if (rng.chance(0.2)) params.set('page', String(rng.int(2, 4)))
    add(params)
  }
  return mix
}

/**
 * `length` indices into a list of `size` items, item r (from 0) drawn with probability
 * proportional to 1 / (r + 1)^exponent.
 */
export function zipfSequence(size: number, length: number, exponent = 1, seed = MIX_SEED): number[] {
  const rng = new Random(seed)
  const cumulative = new Float64Array(size)
  let total = 0
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / Math.pow(r + 1, exponent)
  return Array.from({ length }, () => {
    const target = rng.float() * total
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return lo
  })
}
