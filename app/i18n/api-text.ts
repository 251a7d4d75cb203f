// Bilingual text as the API, search hits and reports write it: a language is present only
// when it has a value. Browser-safe.
import type { Locale } from './locale.ts'

export type ApiText = { zh?: string; en?: string }

export function apiText(zh: string | null | undefined, en: string | null | undefined): ApiText {
  return { ...(zh ? { zh } : {}), ...(en ? { en } : {}) }
}

/** Only the language `pickText(locale, …)` shows of a text: what a page sends its reader. */
export function textFor(locale: Locale, text: ApiText): ApiText {
  const shown = locale === 'en' ? (text.en ? 'en' : 'zh') : text.zh ? 'zh' : 'en'
  return text[shown] ? { [shown]: text[shown] } : {}
}
