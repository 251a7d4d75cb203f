// Turns structured reasons into sentences in the reader's language. Values that are
// bilingual data pick the reader's language; `lang:xx` names a language; `msg:key` is a
// catalogue entry (e.g. a work mode).
import type { Locale } from '#app/i18n/locale.ts'
import { isMessageKey, pickText, translate, type MessageParams } from '#app/i18n/translate.ts'
import type { Reason, ReasonParam } from './scoring.ts'

export function languageName(code: string, locale: Locale) {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

function paramText(locale: Locale, value: ReasonParam): string | number {
  if (typeof value === 'number') return value
  if (typeof value === 'object') return pickText(locale, value.zh, value.en)
  if (value.startsWith('lang:')) return languageName(value.slice(5), locale)
  if (value.startsWith('msg:')) {
    const key = value.slice(4)
    return isMessageKey(key) ? translate(locale, key) : key
  }
  return value
}

export function renderReason(locale: Locale, reason: Reason): { kind: Reason['kind']; text: string; positive: boolean } {
  const params: MessageParams = {}
  for (const [name, value] of Object.entries(reason.params)) params[name] = paramText(locale, value)
  const text = isMessageKey(reason.message) ? translate(locale, reason.message, params) : reason.message
  return { kind: reason.kind, text, positive: reason.positive }
}
