// The role search's query, shared by /roles (the URL holds the whole state) and
// GET /api/v1/roles. Browser-safe.
import { z } from 'zod'
import { roleKinds, workModes } from '#app/modules/roles/schemas.ts'

/** `recommended` orders by the signed-in student's match score (relevance for anyone else). */
export const roleSorts = ['relevance', 'recommended', 'newest', 'deadline', 'stipend'] as const

const repeatable = ['city', 'skill', 'kind', 'workMode', 'company', 'days'] as const

export const roleSearchSchema = z.object({
  q: z.string().trim().max(200).default(''),
  city: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  /** All listed skills must match. */
  skill: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  kind: z.array(z.enum(roleKinds)).max(5).default([]),
  workMode: z.array(z.enum(workModes)).max(3).default([]),
  company: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Days per week the role asks for. */
  days: z.array(z.coerce.number().int().min(1).max(7)).max(7).default([]),
  /** Roles whose guaranteed monthly stipend (the range's minimum) is at least this. */
  minStipend: z.coerce.number().int().min(0).max(1_000_000).optional(),
  parkIncubated: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /** Only companies whose business licence an admin verified. */
  licenceVerified: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  sort: z.enum(roleSorts).default('relevance'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
})

export type RoleSearchQuery = z.output<typeof roleSearchSchema>

/** Query parameters as the schema's input: repeatable ones as arrays, empty ones dropped. */
export function searchParamsToQuery(params: URLSearchParams): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name).filter((v) => v.trim() !== '')
    if ((repeatable as readonly string[]).includes(name)) result[name] = values
    else if (values.length > 0) result[name] = values[values.length - 1]
  }
  return result
}

/** The query string for a search state; defaults are left out so URLs stay short. */
export function queryToSearchParams(query: Partial<RoleSearchQuery>): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const name of repeatable) for (const value of (query[name] ?? []) as Array<string | number>) params.append(name, String(value))
  if (query.minStipend !== undefined) params.set('minStipend', String(query.minStipend))
  if (query.parkIncubated) params.set('parkIncubated', 'true')
  if (query.licenceVerified) params.set('licenceVerified', 'true')
  if (query.sort && query.sort !== 'relevance') params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  if (query.perPage && query.perPage !== 20) params.set('perPage', String(query.perPage))
  return params
}

/** Highlighted text travels with these markers and is split into <mark> elements by React, never injected as HTML. */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export function highlightSegments(text: string): Array<{ text: string; marked: boolean }> {
  const segments: Array<{ text: string; marked: boolean }> = []
  let rest = text
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START)
    if (start < 0) {
      segments.push({ text: rest, marked: false })
      break
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), marked: false })
    const end = rest.indexOf(MARK_END, start + 1)
    const stop = end < 0 ? rest.length : end
    segments.push({ text: rest.slice(start + 1, stop), marked: true })
    rest = rest.slice(stop + 1)
  }
  return segments.filter((s) => s.text.length > 0)
}

export function stripMarks(text: string) {
  return text.replaceAll(MARK_START, '').replaceAll(MARK_END, '')
}
