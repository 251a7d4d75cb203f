// What the anonymous home shows, all from the database: the China–ASEAN contest with its
// registration deadline, the next events, park-incubated firms with their open roles, live
// numbers and the newest roles.
import { prisma } from '#app/lib/db.server.ts'
import { shanghaiDay, startOfShanghaiDay } from '#app/lib/time.ts'
import { openRoleWhere } from '#app/modules/roles/open.ts'

const eventSelect = { id: true, kind: true, titleZh: true, titleEn: true, startsAt: true, endsAt: true, registrationClosesAt: true, venue: true } as const

/** The first instant of this month in China time. */
function monthStart(now: Date) {
  return startOfShanghaiDay(`${shanghaiDay(now).slice(0, 7)}-01`)
}

export async function publicHome(now = new Date()) {
  const [contest, events, parkFirms, newestRoles, openRoleCount, firmCount, universityCount, matched] = await Promise.all([
    // The flagship: the published contest whose registration closes next (or the latest one).
    prisma.event.findFirst({
      where: { kind: 'contest', status: 'published', hiddenAt: null, endsAt: { gt: now } },
      orderBy: { registrationClosesAt: 'asc' },
      select: eventSelect,
    }),
    prisma.event.findMany({
      where: { status: 'published', hiddenAt: null, startsAt: { gt: now } },
      orderBy: { startsAt: 'asc' },
      take: 4,
      select: eventSelect,
    }),
    prisma.company.findMany({
      where: { parkIncubated: true, parkVerifiedAt: { not: null }, roles: { some: openRoleWhere(now) } },
      orderBy: { nameZh: 'asc' },
      take: 6,
      select: {
        id: true,
        nameZh: true,
        nameEn: true,
        city: true,
        roles: { where: openRoleWhere(now), orderBy: { publishedAt: 'desc' }, take: 3, select: { id: true, titleZh: true, titleEn: true } },
      },
    }),
    prisma.internshipRole.findMany({
      where: openRoleWhere(now),
      orderBy: { publishedAt: 'desc' },
      take: 5,
      select: { id: true, titleZh: true, titleEn: true, city: true, company: { select: { nameZh: true, nameEn: true } } },
    }),
    prisma.internshipRole.count({ where: openRoleWhere(now) }),
    prisma.company.count({ where: { verifiedAt: { not: null } } }),
    prisma.university.count(),
    // "Matched this month": students who applied to a role since the month began, counted
    // in the database rather than read row by row (the home is the most visited page).
    // The column holds UTC without a zone: the bound is compared as a UTC instant.
    prisma.$queryRaw<[{ count: number }]>`SELECT count(DISTINCT "studentId")::int AS count FROM "Application"
      WHERE "createdAt" >= to_timestamp(${monthStart(now).getTime() / 1000}::float8) AT TIME ZONE 'UTC'`,
  ])
  return {
    contest,
    events,
    parkFirms,
    newestRoles,
    numbers: { openRoles: openRoleCount, firms: firmCount, universities: universityCount, matchedThisMonth: matched[0].count },
  }
}
