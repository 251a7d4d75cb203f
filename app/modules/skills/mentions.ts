// Finds the taxonomy's skills in free text (a résumé), by their names and aliases in both
// languages, with the sentence each was found in. Latin terms match whole words only, so
// "Go" is not found in "Google"; Chinese terms match anywhere, since Chinese has no spaces.
// Terms of up to three Latin letters ("Go", "sol", "PoS") match only as the taxonomy spells
// them or in capitals: case-insensitive they would find the English verb "go".

export type SkillTerms = { id: string; terms: readonly (string | null)[] }
export type SkillMention = { skillId: string; term: string; sentence: string }

const HAN = /\p{Script=Han}/u
const LATIN_OR_DIGIT = '[\\p{Script=Latin}\\p{N}]'
const SHORT_LATIN = 3
/** A sentence longer than this is cut to a window around the term. */
const SENTENCE_MAX = 240

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * One term as a pattern: words may be joined by spaces, hyphens or nothing ("FISCO BCOS",
 * "FISCO-BCOS", "FISCOBCOS"), and a PDF may put spaces between Chinese characters.
 */
function termPattern(term: string): RegExp | null {
  const words = term
    .trim()
    .split(/[\s\-_]+/)
    .filter(Boolean)
  const letters = words.join('')
  if ([...letters].length < 2) return null
  const body = (spelling: string[]) =>
    spelling
      .map((word) => [...word].map((char, i) => (i > 0 && (HAN.test(char) || HAN.test(word[i - 1] ?? '')) ? '\\s*' : '') + escape(char)).join(''))
      .join('[\\s\\-_]*')
  const latinStart = new RegExp(`^${LATIN_OR_DIGIT}`, 'u').test(letters)
  const latinEnd = new RegExp(`${LATIN_OR_DIGIT}$`, 'u').test(letters)
  const before = latinStart ? `(?<!${LATIN_OR_DIGIT})` : ''
  const after = latinEnd ? `(?!${LATIN_OR_DIGIT})` : ''
  const short = !HAN.test(letters) && letters.length <= SHORT_LATIN
  if (short) {
    const spellings = [...new Set([words, words.map((w) => w.toUpperCase())].map((s) => body(s)))]
    return new RegExp(`${before}(?:${spellings.join('|')})${after}`, 'gu')
  }
  return new RegExp(`${before}${body(words)}${after}`, 'giu')
}

/** Where each sentence of the text starts and ends: at 。！？；!?; a line break, or a full stop before a space. */
function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    const ends = /[。！？；!?;\n]/.test(char) || (char === '.' && (i + 1 === text.length || /\s/.test(text[i + 1]!)))
    if (ends) {
      spans.push([start, i + 1])
      start = i + 1
    }
  }
  if (start < text.length) spans.push([start, text.length])
  return spans
}

function sentenceAround(text: string, spans: [number, number][], at: number, length: number) {
  const [start, end] = spans.find(([s, e]) => at >= s && at < e) ?? [0, text.length]
  let from = start
  let to = end
  if (to - from > SENTENCE_MAX) {
    from = Math.max(start, at - Math.floor((SENTENCE_MAX - length) / 2))
    to = Math.min(end, from + SENTENCE_MAX)
  }
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim()
  return `${from > start ? '…' : ''}${sentence}${to < end ? '…' : ''}`
}

/**
 * The skills named in `text`, each once, in the order they first appear. Where terms of two
 * skills overlap, the longer one wins: "区块链服务网络" is the BSN, not also "区块链".
 */
export function findSkillMentions(text: string, skills: readonly SkillTerms[]): SkillMention[] {
  type Hit = { skillId: string; term: string; start: number; end: number }
  const hits: Hit[] = []
  for (const skill of skills) {
    const terms = new Set(skill.terms.filter((t): t is string => Boolean(t?.trim())).map((t) => t.trim()))
    for (const term of terms) {
      const pattern = termPattern(term)
      if (!pattern) continue
      for (const match of text.matchAll(pattern)) hits.push({ skillId: skill.id, term, start: match.index, end: match.index + match[0].length })
    }
  }
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: Hit[] = []
  for (const hit of hits) {
    const inside = kept.some((k) => k.skillId !== hit.skillId && hit.start < k.end && k.start < hit.end)
    if (!inside) kept.push(hit)
  }
  kept.sort((a, b) => a.start - b.start)
  const spans = sentenceSpans(text)
  const mentions = new Map<string, SkillMention>()
  for (const hit of kept) {
    if (mentions.has(hit.skillId)) continue
    mentions.set(hit.skillId, { skillId: hit.skillId, term: hit.term, sentence: sentenceAround(text, spans, hit.start, hit.end - hit.start) })
  }
  return [...mentions.values()]
}
