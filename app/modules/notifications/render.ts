// A notification's text in the reader's language, from its type and data (browser-safe:
// the centre renders it, and the mail job renders the same text into e-mails).
import type { Locale } from '#app/i18n/locale.ts'
import { isMessageKey, pickText, translate, type MessageParams } from '#app/i18n/translate.ts'

type Bilingual = { zh?: string | null; en?: string | null }

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && ('zh' in value || 'en' in value)
}

/** Plain values fill placeholders as they are; `{ zh, en }` values in the reader's language. */
export function notificationParams(locale: Locale, data: unknown): MessageParams {
  const params: MessageParams = {}
  if (typeof data !== 'object' || data === null) return params
  for (const [name, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value
    else if (isBilingual(value)) params[name] = pickText(locale, value.zh, value.en)
  }
  return params
}

export function notificationText(locale: Locale, type: string, data: unknown): string {
  const key = `notification.${type}`
  const params = notificationParams(locale, data)
  return isMessageKey(key) ? translate(locale, key, params) : translate(locale, 'notifications.unknownType', { type })
}

/** Lists carried in the data (a digest's roles): `items: [{ title: {zh,en}, link }]`. */
export function notificationItems(locale: Locale, data: unknown): Array<{ title: string; link: string | null }> {
  const items = typeof data === 'object' && data !== null ? (data as { items?: unknown }).items : undefined
  if (!Array.isArray(items)) return []
  return items.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return []
    const { title, link } = item as { title?: unknown; link?: unknown }
    const text = isBilingual(title) ? pickText(locale, title.zh, title.en) : typeof title === 'string' ? title : ''
    return text ? [{ title: text, link: typeof link === 'string' ? link : null }] : []
  })
}

/** Types a user can set preferences for: every `notification.<type>` in the catalogue. */
export function notificationTypes(keys: readonly string[]): string[] {
  return keys
    .filter((key) => key.startsWith('notification.'))
    .map((key) => key.slice('notification.'.length))
    .sort()
}
