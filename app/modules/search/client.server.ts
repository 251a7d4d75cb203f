// The Meilisearch client, and the index names (prefixed so test files can share a server).
import { Meilisearch } from 'meilisearch'
import { env } from '#app/lib/env.server.ts'

// Uncompressed answers: Meilisearch sits beside the app on a private network, where
// compressing and inflating every answer cost both processes CPU (a tenth of the app's on
// the /roles page) to save bandwidth nobody lacks.
export const meili = new Meilisearch({
  host: env.MEILI_URL,
  apiKey: env.MEILI_MASTER_KEY || undefined,
  timeout: 5_000,
  requestInit: { headers: { 'Accept-Encoding': 'identity' } },
})

export function indexName(base: 'roles' | 'skills' | string) {
  return `${env.MEILI_INDEX_PREFIX}${base}`
}

/** True when Meilisearch answers its health check within a second. */
export async function isSearchUp(): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', env.MEILI_URL), { signal: AbortSignal.timeout(1_000) })
    return response.ok
  } catch {
    return false
  }
}
