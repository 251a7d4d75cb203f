// Saved /roles searches and their daily digest: the roles published since the last digest
// that match the saved query, one notification (and e-mail) per search, none when nothing
// is new. Matching runs the query against Postgres with the /roles filters.
import type PgBoss from 'pg-boss'
import type { z } from 'zod'
import type { Prisma } from '#app/generated/prisma/client.ts'
import type { RoleKind, WorkMode } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { notFound, unprocessable } from '#app/lib/errors.server.ts'
import { canonicalCity } from '#app/modules/cities/cities.ts'
import { ensureQueue } from '#app/modules/jobs/boss.server.ts'
import { notify } from '#app/modules/notifications/notify.server.ts'
import type { saveSearchSchema } from './schemas.ts'

const MAX_PER_USER = 20
const FILTERS = ['q', 'city', 'skill', 'kind', 'workMode', 'minStipend', 'parkIncubated', 'sort'] as const

/** Keeps the filters of a /roles query (not its page), in a stable order. */
export function normaliseQuery(query: string) {
  const given = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query)
  const kept = new URLSearchParams()
  for (const name of FILTERS) for (const value of given.getAll(name)) if (value.trim()) kept.append(name, value.trim())
  return kept.toString()
}

export async function saveSearch(userId: string, input: z.output<typeof saveSearchSchema>) {
  const query = normaliseQuery(input.query)
  const count = await prisma.savedSearch.count({ where: { userId } })
  if (count >= MAX_PER_USER) throw unprocessable('savedSearches.tooMany', [], { max: MAX_PER_USER })
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

const roleKinds: Record<string, RoleKind> = {
  'smart-contract-dev': 'smart_contract_dev',
  'app-dev': 'app_dev',
  product: 'product',
  testing: 'testing',
  other: 'other',
}
const workModes = new Set<string>(['onsite', 'hybrid', 'remote'])

/** The /roles filters as a Postgres condition on open, published roles. */
export function roleFilter(query: string, now = new Date()): Prisma.InternshipRoleWhereInput {
  const params = new URLSearchParams(query)
  const and: Prisma.InternshipRoleWhereInput[] = [{ status: 'published', closesAt: { gt: now } }]
  const q = params.get('q')?.trim()
  if (q) {
    and.push({
      OR: [
        { titleZh: { contains: q, mode: 'insensitive' } },
        { titleEn: { contains: q, mode: 'insensitive' } },
        { descriptionZh: { contains: q, mode: 'insensitive' } },
        { descriptionEn: { contains: q, mode: 'insensitive' } },
        { company: { nameZh: { contains: q, mode: 'insensitive' } } },
        { company: { nameEn: { contains: q, mode: 'insensitive' } } },
        { skills: { some: { skill: { key: q.toLowerCase() } } } },
      ],
    })
  }
  const cities = params.getAll('city').map(canonicalCity)
  if (cities.length) and.push({ city: { in: cities } })
  for (const skill of params.getAll('skill')) and.push({ skills: { some: { skill: { key: skill } } } })
  const kinds = params.getAll('kind').flatMap((k) => (roleKinds[k] ? [roleKinds[k]] : []))
  if (kinds.length) and.push({ kind: { in: kinds } })
  const modes = params.getAll('workMode').filter((m) => workModes.has(m)) as WorkMode[]
  if (modes.length) and.push({ workMode: { in: modes } })
  const minStipend = Number(params.get('minStipend'))
  if (Number.isFinite(minStipend) && minStipend > 0) and.push({ stipendMax: { gte: minStipend } })
  if (params.get('parkIncubated') === 'true') and.push({ company: { parkIncubated: true, parkVerifiedAt: { not: null } } })
  return { AND: and }
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
    const where: Prisma.InternshipRoleWhereInput = { AND: [roleFilter(search.query, now), { publishedAt: { gt: since, lte: now } }] }
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
            items: roles.map((role) => ({ title: { zh: role.titleZh ?? role.titleEn ?? '', en: role.titleEn ?? role.titleZh ?? '' }, link: `/roles/${role.id}` })),
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
  await boss.schedule(QUEUE, '0 8 * * *', {}, { tz: 'Asia/Shanghai' })
}
