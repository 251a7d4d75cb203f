// Flat routes nest by their dots: `profile.delete.tsx` renders inside `profile.tsx`'s
// <Outlet />. A page under a parent page that has no outlet is never shown (its URL shows
// the parent instead), so such a page must opt out of the nesting (`profile_.delete.tsx`).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

const dir = path.join(import.meta.dirname)
const routes = readdirSync(dir)
  .filter((file) => /\.tsx?$/.test(file) && !/\.(test|server)\.tsx?$/.test(file))
  .map((file) => ({ id: file.replace(/\.tsx?$/, ''), source: readFileSync(path.join(dir, file), 'utf8') }))
const pages = routes.filter((route) => /^export default /m.test(route.source))

test('every page nested under another page has an outlet to render in', () => {
  const hidden = pages.flatMap((page) => {
    const parent = pages.filter((candidate) => candidate.id !== page.id && page.id.startsWith(`${candidate.id}.`)).sort((a, b) => b.id.length - a.id.length)[0]
    return parent && !parent.source.includes('<Outlet') ? [`${page.id} under ${parent.id}`] : []
  })
  expect(hidden).toEqual([])
})
