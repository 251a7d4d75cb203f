// Guangxi's cities in Chinese and English. A known city is stored as its key ("nanning")
// and shown in the reader's language; anything else is kept as typed.
import type { Locale } from '#app/i18n/locale.ts'

export const guangxiCities = [
  { key: 'nanning', zh: '南宁', en: 'Nanning' },
  { key: 'liuzhou', zh: '柳州', en: 'Liuzhou' },
  { key: 'guilin', zh: '桂林', en: 'Guilin' },
  { key: 'baise', zh: '百色', en: 'Baise' },
  { key: 'beihai', zh: '北海', en: 'Beihai' },
  { key: 'wuzhou', zh: '梧州', en: 'Wuzhou' },
  { key: 'qinzhou', zh: '钦州', en: 'Qinzhou' },
  { key: 'yulin', zh: '玉林', en: 'Yulin' },
  { key: 'fangchenggang', zh: '防城港', en: 'Fangchenggang' },
  { key: 'guigang', zh: '贵港', en: 'Guigang' },
  { key: 'hechi', zh: '河池', en: 'Hechi' },
  { key: 'laibin', zh: '来宾', en: 'Laibin' },
  { key: 'chongzuo', zh: '崇左', en: 'Chongzuo' },
  { key: 'hezhou', zh: '贺州', en: 'Hezhou' },
] as const

const byName = new Map<string, (typeof guangxiCities)[number]>()
for (const city of guangxiCities) {
  for (const name of [city.key, city.zh, `${city.zh}市`, city.en.toLowerCase(), `${city.en.toLowerCase()} city`]) {
    byName.set(name, city)
  }
}

/** The stored form of a city: a known city's key, otherwise the trimmed text. */
export function canonicalCity(input: string): string {
  const trimmed = input.trim()
  return byName.get(trimmed.toLowerCase())?.key ?? trimmed
}

export function cityName(city: string, locale: Locale): string {
  const known = byName.get(city.toLowerCase())
  if (!known) return city
  return locale === 'en' ? known.en : known.zh
}

/** Every name a city goes by, for search synonyms. */
export function cityNames(city: string): string[] {
  const known = byName.get(city.toLowerCase())
  return known ? [known.key, known.zh, known.en] : [city]
}
