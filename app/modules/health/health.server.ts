import { prisma } from '#app/lib/db.server.ts'
import { isSearchUp } from '#app/modules/search/client.server.ts'

export type Health = { status: 'ok' | 'degraded'; db: 'ok' | 'down'; search: 'ok' | 'down' }

export async function checkHealth(): Promise<Health> {
  const [db, search] = await Promise.all([
    prisma.$queryRaw`SELECT 1`.then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    isSearchUp().then((up) => (up ? ('ok' as const) : ('down' as const))),
  ])
  return { status: db === 'ok' && search === 'ok' ? 'ok' : 'degraded', db, search }
}
