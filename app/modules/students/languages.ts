// Languages a student speaks, with levels people know: native and plain words for any
// language, HSK for Chinese, CET/TEM and IELTS/TOEFL bands for English. Browser-safe:
// the language picker and the profile schema share it.
import { formLanguages } from '#app/modules/roles/schemas.ts'

export const studentLanguages = formLanguages

/** Levels with a plain-word label (`languageLevel.*`); the test names are shown as they are. */
export const generalLevels = ['native', 'fluent', 'working', 'basic'] as const

export const levelGroups = [
  { id: 'general', levels: generalLevels, languages: null },
  { id: 'hsk', levels: ['HSK 6', 'HSK 5', 'HSK 4', 'HSK 3', 'HSK 2', 'HSK 1'], languages: ['zh'] },
  { id: 'cet', levels: ['CET-6', 'CET-4'], languages: ['en'] },
  { id: 'tem', levels: ['TEM-8', 'TEM-4'], languages: ['en'] },
  { id: 'ielts', levels: ['IELTS 8+', 'IELTS 7.5', 'IELTS 7', 'IELTS 6.5', 'IELTS 6', 'IELTS 5.5', 'IELTS 5'], languages: ['en'] },
  { id: 'toefl', levels: ['TOEFL 110+', 'TOEFL 100–109', 'TOEFL 90–99', 'TOEFL 80–89', 'TOEFL 60–79'], languages: ['en'] },
] as const

/** Whether `level` is one the picker offers for `language`. */
export function levelFits(language: string, level: string) {
  return levelGroups.some(
    (group) => (group.languages === null || (group.languages as readonly string[]).includes(language)) && (group.levels as readonly string[]).includes(level),
  )
}
