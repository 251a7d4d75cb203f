// Saved /roles searches and their daily digest: the roles published since the last digest
// that match the saved query, one notification (and e-mail) per search, none when nothing
// is new. The query is read by the search's own schema and matched with the search's own
// Postgres condition, so every /roles filter counts as it does on the page.
import type PgBoss from 'pg-boss'
import type { z } from 'zod'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/lib/db.server.ts'
import { notFound, unprocessable } from '#app/lib/errors.server.ts'
import { listCaps } from '#app/lib/list-caps.ts'
import { ensureQueue } from '#app/lib/boss.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import { queryToSearchParams, roleSearchSchema, searchParamsToQuery, type RoleSearchQuery } from '#app/modules/search/schemas.ts'
import { roleSearchWhere } from '#app/modules/search/search.server.ts'
import type { saveSearchSchema } from './schemas.ts'
import { TIME_ZONE } from '#app/lib/time.ts'

/** A /roles query string as the search reads it; null for one that does not parse. */
function parseRoleQuery(query: string): RoleSearchQuery | null {
  const parsed = roleSearchSchema.safeParse(searchParamsToQuery(new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)))
  return parsed.success ? parsed.data : null
}

/** The filters and sort of a /roles query (not its page), as /roles writes them. */
function normaliseQuery(query: string) {
  const parsed = parseRoleQuery(query)
  if (!parsed) throw unprocessable('savedSearches.invalidQuery')
  return queryToSearchParams({ ...parsed, page: 1, perPage: 20 }).toString()
}

export async function saveSearch(userId: string, input: z.output<typeof saveSearchSchema>) {
  const query = normaliseQuery(input.query)
  const count = await prisma.savedSearch.count({ where: { userId } })
  if (count >= listCaps.savedSearchesPerUser) throw unprocessable('savedSearches.tooMany', [], { max: listCaps.savedSearchesPerUser })
  const params = new URLSearchParams(query)
  const name = input.name || params.get('q') || [...params.values()].join(' · ') || '*'
  return prisma.savedSearch.create({ data: { userId, query, name: name.slice(0, 100) }, select: { id: true } })
}

export function listSavedSearches(userId: string) {
  return prisma.savedSearch.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, query: true, lastNotifiedAt: true, createdAt: true },
  })
}

export async function deleteSavedSearch(userId: string, id: string) {
  const deleted = await prisma.savedSearch.deleteMany({ where: { id, userId } })
  if (deleted.count === 0) throw notFound()
}

const DIGEST_LIMIT = 20

/**
 * Sends one digest per saved search with roles published since its last digest (or since
 * it was saved). The search's cursor moves in the same transaction as the notification.
 */
export async function runSavedSearchDigests(now = new Date()) {
  const searches = await prisma.savedSearch.findMany({ select: { id: true, userId: true, name: true, query: true, createdAt: true, lastNotifiedAt: true } })
  let sent = 0
  for (const search of searches) {
    const since = search.lastNotifiedAt ?? search.createdAt
    const query = parseRoleQuery(search.query)
    if (!query) continue
    const where: Prisma.InternshipRoleWhereInput = { AND: [roleSearchWhere(query, now), { publishedAt: { gt: since, lte: now } }] }
    const [roles, count] = await Promise.all([
      prisma.internshipRole.findMany({ where, orderBy: { publishedAt: 'desc' }, take: DIGEST_LIMIT, select: { id: true, titleZh: true, titleEn: true } }),
      prisma.internshipRole.count({ where }),
    ])
    if (count === 0) continue
    await prisma.$transaction(
      async (tx) => {
        // Another worker may have sent this digest meanwhile: move the cursor only if unmoved.
        const moved = await tx.savedSearch.updateMany({ where: { id: search.id, lastNotifiedAt: search.lastNotifiedAt }, data: { lastNotifiedAt: now } })
        if (moved.count !== 1) return
        await notify(tx, {
          userId: search.userId,
          type: 'savedSearch.digest',
          data: {
            name: search.name,
            count,
            items: roles.map((role) => ({
              title: { zh: role.titleZh ?? role.titleEn ?? '', en: role.titleEn ?? role.titleZh ?? '' },
              link: `/roles/${role.id}`,
            })),
          },
          link: `/roles?${search.query}`,
        })
        sent++
      },
      { timeout: 15_000 },
    )
  }
  return { sent }
}

const QUEUE = 'saved-searches.digest'

export async function registerSavedSearchDigest(boss: PgBoss) {
  await ensureQueue(boss, QUEUE)
  await boss.work(QUEUE, async () => {
    await runSavedSearchDigests()
  })
  await boss.schedule(QUEUE, '0 8 * * *', {}, { tz: TIME_ZONE })
}
