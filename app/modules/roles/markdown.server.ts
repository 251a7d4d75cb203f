// Role descriptions are Markdown written by companies: rendered to HTML and sanitised, so
// a description can format text but never run script or load remote content.
import { marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'blockquote', 'code', 'pre', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    // Headings inside a description sit below the page's own h1/h2.
    h1: 'h3',
    h2: 'h3',
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
  },
}

export function renderMarkdown(markdown: string | null | undefined): string {
  if (!markdown) return ''
  return sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), allowed)
}

/** Plain text of a description, for search documents and snippets. */
export function markdownToText(markdown: string | null | undefined, maxLength = 3000): string {
  if (!markdown) return ''
  const text = sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }), { allowedTags: [], allowedAttributes: {} })
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength)
}
