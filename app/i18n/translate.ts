// Looks up a message in the catalogue and fills in {placeholders}.
import { messages, type MessageKey } from './messages/index.ts'
import type { Locale } from './locale.ts'

export type { MessageKey }
export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(messages, value)
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const entry = messages[key]
  const template = locale === 'en' ? entry.en : entry.zh
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params)
}

/** Picks the reader's language from bilingual text, falling back to the other one. */
export function pickText(locale: Locale, zh: string | null | undefined, en: string | null | undefined) {
  return (locale === 'en' ? en || zh : zh || en) ?? ''
}
