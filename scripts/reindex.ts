// `npm run reindex`: rebuilds the search index from Postgres into a new index and swaps it
// in, so search keeps answering throughout (app/modules/search/reindex.server.ts).
import { prisma } from '#app/lib/db.server.ts'
import { reindexRoles } from '#app/modules/search/reindex.server.ts'

try {
  const result = await reindexRoles((message) => console.log(`[reindex] ${message}`))
  console.log(`[reindex] roles: ${result.documents} documents in ${result.ms} ms; ${result.requeued} outbox entries re-queued`)
} catch (error) {
  console.error('[reindex] failed:', error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await prisma.$disconnect()
}
