// Every API route file has an entry in the generated OpenAPI document: a loader needs a
// GET, an action at least one writing method. A new endpoint without an entry fails here.
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { openApiDocument } from './openapi.server.ts'

const routesDir = path.resolve('app/routes')
const writingMethods = ['post', 'put', 'patch', 'delete'] as const

/** `api.v1.roles_.$id.applications.ts` → `/api/v1/roles/{id}/applications`; a splat route has no path. */
function documentedPathOf(file: string): string | null {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split(/(?<!\[)\.(?!\])/)
    .map((segment) => segment.replace('[.]', '.').replace(/_$/, ''))
  if (segments.includes('$')) return null
  return '/' + segments.map((segment) => (segment.startsWith('$') ? `{${segment.slice(1)}}` : segment)).join('/')
}

/** A loader that only answers 405 (for a POST-only path) is not a GET endpoint. */
async function answersGet(loader: (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>, documentedPath: string) {
  const response = await loader({ request: new Request(`http://localhost${documentedPath.replace(/\{id\}/g, 'x')}`), params: { id: 'x' }, context: {} })
  return response.status !== 405
}

const apiRouteFiles = fs.readdirSync(routesDir).filter((file) => file.startsWith('api.') && !file.includes('.test.') && file !== 'api.v1.openapi[.]json.ts')

test.each(apiRouteFiles)('%s is described in the OpenAPI document', async (file) => {
  const documentedPath = documentedPathOf(file)
  if (documentedPath === null) return // the catch-all 404 of /api/v1
  const operations = openApiDocument.paths?.[documentedPath] as Record<string, unknown> | undefined
  expect(operations, `no entry for ${documentedPath}`).toBeDefined()
  type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>
  const routeModule = (await import(path.join(routesDir, file))) as { loader?: Handler; action?: Handler }
  if (routeModule.loader && (await answersGet(routeModule.loader, documentedPath))) expect(Object.keys(operations ?? {})).toContain('get')
  if (routeModule.action) expect(writingMethods.some((method) => operations?.[method])).toBe(true)
})

test('the file-name rule maps nested and escaped routes', () => {
  expect(documentedPathOf('api.v1.roles_.$id.applications.ts')).toBe('/api/v1/roles/{id}/applications')
  expect(documentedPathOf('api.v1.openapi[.]json.ts')).toBe('/api/v1/openapi.json')
  expect(documentedPathOf('api.v1.$.ts')).toBeNull()
})
