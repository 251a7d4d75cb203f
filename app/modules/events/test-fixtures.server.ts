// Builders for the events tests and the benchmark: real rows, created directly, because
// hashing 200 passwords would only slow the tests down.
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { loadSessionUser, type SessionUser } from '#app/modules/auth/session.server.ts'
import { createEvent, publishEvent } from './events.server.ts'
import { eventFormSchema } from './schemas.ts'

let counter = 0

export async function makeUser(roles: AccountRole[] = ['student'], name?: string, universityId?: string): Promise<SessionUser> {
  counter++
  const tag = `${Date.now().toString(36)}${counter}`
  const user = await prisma.user.create({
    data: {
      email: `u${tag}@example.cn`,
      name: name ?? `用户${tag}`,
      roles: { createMany: { data: roles.map((role) => ({ role })) } },
      ...(roles.includes('student') ? { studentProfile: { create: { universityId: universityId ?? null } } } : {}),
    },
    select: { id: true },
  })
  const loaded = await loadSessionUser(user.id)
  if (!loaded) throw new Error('user vanished')
  return loaded
}

/** Many students at once (one statement per table), for the concurrency tests. */
export async function makeStudents(count: number): Promise<SessionUser[]> {
  const tag = `${Date.now().toString(36)}${++counter}`
  const data = Array.from({ length: count }, (_, i) => ({ id: `s${tag}x${i}`, email: `s${tag}x${i}@example.cn`, name: `学生${i}` }))
  await prisma.user.createMany({ data })
  await prisma.userRole.createMany({ data: data.map((u) => ({ userId: u.id, role: 'student' as const })) })
  await prisma.studentProfile.createMany({ data: data.map((u) => ({ userId: u.id })) })
  return data.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: 'zh-CN' as const,
    roles: ['student' as const],
    companyIds: [],
    universityIds: [],
    studentProfileId: null,
  }))
}

const hour = 60 * 60 * 1000

export async function makeEvent(organizer: SessionUser, overrides: Record<string, string | number | boolean | undefined> = {}) {
  const now = Date.now()
  const input = eventFormSchema.parse({
    kind: 'lecture',
    titleZh: '区块链讲座',
    titleEn: 'Blockchain lecture',
    startsAt: new Date(now + 48 * hour).toISOString(),
    endsAt: new Date(now + 50 * hour).toISOString(),
    registrationOpensAt: new Date(now - hour).toISOString(),
    registrationClosesAt: new Date(now + 40 * hour).toISOString(),
    capacity: 50,
    waitlist: true,
    ...overrides,
  })
  const event = await createEvent(organizer, input)
  await publishEvent(organizer, event.id)
  return event.id
}
