// Operator help shown inside the app is the README's own text, so it has one home.
import readme from '../../../README.md?raw'
import { renderMarkdown } from '#app/modules/roles/markdown.server.ts'

/** The README section on plain HTTP, other devices and a TLS proxy in front. */
export const TLS_HELP_SECTION = 'Reaching Lianqiao from another device'

/** One `## heading` section of the README (without its heading), as sanitised HTML. */
export function readmeSectionHtml(heading: string): string {
  const lines = readme.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  if (start < 0) return ''
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  return renderMarkdown(lines.slice(start + 1, end < 0 ? undefined : end).join('\n'))
}
