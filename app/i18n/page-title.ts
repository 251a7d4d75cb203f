// A page's <title> in the reader's language. The root loader knows the locale; a page's
// meta names its title by catalogue key: `export const meta: MetaFunction = pageTitle('title.events')`.
import { defaultLocale, isLocale, type Locale } from './locale.ts'
import { translate, type MessageKey } from './translate.ts'

type Match = { id: string; data: unknown }

/** The locale the root loader chose, from a meta function's matches. */
export function localeOf(matches: readonly Match[]): Locale {
  const root = matches.find((match) => match.id === 'root')?.data
  const locale = root && typeof root === 'object' && 'locale' in root ? root.locale : undefined
  return isLocale(locale) ? locale : defaultLocale
}

export function pageTitle(key: MessageKey) {
  return ({ matches }: { matches: readonly Match[] }) => [{ title: `${translate(localeOf(matches), key)} · 链桥 Lianqiao` }]
}
