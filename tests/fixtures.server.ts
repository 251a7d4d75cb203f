// The one set of test builders (tests and the events benchmark): real rows written straight
// to the database, because signing up through the forms would hash a password per user and
// only slow the tests down.
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import { prisma } from '#app/lib/db.server.ts'
import { shanghaiDay } from '#app/lib/time.ts'
import { loadSessionUser, type SessionUser } from '#app/modules/auth/session.server.ts'
import { createEvent, publishEvent } from '#app/modules/events/events.server.ts'
import { eventFormSchema } from '#app/modules/events/schemas.ts'
import type { RoleFields } from '#app/modules/roles/schemas.ts'
import { PRIVACY_NOTICE_VERSION } from '#app/modules/privacy/notice.ts'

let counter = 0

/** A user with the given roles (e-mail verified unless `verified: false`); a student gets a profile (consented, at `universityId` if given). */
export async function makeUser(
  roles: AccountRole[] = ['student'],
  options: { name?: string; email?: string; universityId?: string; locale?: 'zh-CN' | 'en'; verified?: boolean } = {},
): Promise<SessionUser> {
  counter++
  const tag = `${Date.now().toString(36)}${counter}`
  const user = await prisma.user.create({
    data: {
      email: options.email ?? `u${tag}@example.cn`,
      name: options.name ?? `用户${tag}`,
      locale: options.locale === 'en' ? 'en' : 'zh_CN',
      ...(options.verified === false ? { emailVerifiedAt: null } : {}),
      // Accepted at sign-up, as every sign-up form asks; tests of the re-asking change it.
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyNoticeAcceptedAt: new Date(),
      roles: { createMany: { data: roles.map((role) => ({ role })) } },
      ...(roles.includes('student') ? { studentProfile: { create: { universityId: options.universityId ?? null, consentedAt: new Date() } } } : {}),
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
  const data = Array.from({ length: count }, (_, i) => ({
    id: `s${tag}x${i}`,
    email: `s${tag}x${i}@example.cn`,
    name: `学生${i}`,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
  }))
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

/** A company with one member (a company_member user); returns both. */
export async function makeCompanyMember(
  options: { key?: string; nameZh?: string; nameEn?: string; city?: string; park?: 'claimed' | 'verified'; verified?: boolean } = {},
) {
  counter++
  const company = await prisma.company.create({
    data: {
      key: options.key,
      nameZh: options.nameZh ?? `测试企业${counter}`,
      nameEn: options.nameEn ?? `Test Company ${counter}`,
      city: options.city ?? 'nanning',
      parkIncubated: options.park !== undefined,
      parkVerifiedAt: options.park === 'verified' ? new Date() : null,
      // Verified by an admin unless a test needs the unverified case (only verified firms publish).
      verifiedAt: options.verified === false ? null : new Date(),
    },
    select: { id: true },
  })
  const user = await prisma.user.create({
    data: {
      email: `member${counter}-${company.id}@firm.example`,
      name: `成员${counter}`,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      roles: { create: { role: 'company_member' } },
      companyMembers: { create: { companyId: company.id, role: 'owner' } },
    },
    select: { id: true },
  })
  return { companyId: company.id, user: (await loadSessionUser(user.id)) as SessionUser }
}

/** A small bilingual skill taxonomy for the roles and search tests. */
export async function seedSkills() {
  const contracts = await prisma.skill.create({
    data: { key: 'smart-contracts', nameZh: '智能合约', nameEn: 'Smart contracts', aliases: ['smart contract', '合约开发'], category: 'contracts' },
    select: { id: true },
  })
  await prisma.skill.create({
    data: { key: 'solidity', nameZh: 'Solidity', nameEn: 'Solidity', aliases: ['智能合约语言'], category: 'contracts', parentId: contracts.id },
  })
  await prisma.skill.create({ data: { key: 'fisco-bcos', nameZh: 'FISCO BCOS', nameEn: 'FISCO BCOS', aliases: ['金链盟'], category: 'chains' } })
  await prisma.skill.create({ data: { key: 'react', nameZh: 'React', nameEn: 'React', aliases: [], category: 'frontend' } })
  await prisma.skill.create({ data: { key: 'testing', nameZh: '软件测试', nameEn: 'Software testing', aliases: ['QA'], category: 'testing' } })
}

export function inDays(days: number) {
  return shanghaiDay(new Date(Date.now() + days * 86_400_000))
}

/** A valid role form, as a company member would fill it in. */
export function roleFields(overrides: Partial<RoleFields> = {}): RoleFields {
  return {
    title: { zh: '智能合约开发实习生', en: 'Smart contract developer intern' },
    description: { zh: '参与基于 FISCO BCOS 的供应链金融合约开发。', en: 'Build supply-chain finance contracts on FISCO BCOS.' },
    kind: 'smart-contract-dev',
    city: '南宁',
    workMode: 'onsite',
    stipendMonthly: { min: 3000, max: 4500 },
    daysPerWeek: 4,
    durationMonths: 6,
    skills: [{ skill: 'solidity', level: 3, required: true }],
    languages: ['zh'],
    openings: 2,
    deadline: inDays(30),
    ...overrides,
  }
}

/** A role written straight to the table (no posting rules), open for 30 days unless told. */
export async function makeRole(
  companyId: string,
  overrides: Partial<{ status: 'draft' | 'published' | 'closed'; closesAt: Date; titleEn: string; publishedAt: Date }> = {},
) {
  const closesAt = overrides.closesAt ?? new Date(Date.now() + 30 * 86_400_000)
  return prisma.internshipRole.create({
    data: {
      companyId,
      titleZh: '智能合约开发实习生',
      titleEn: overrides.titleEn ?? 'Smart-contract intern',
      kind: 'smart_contract_dev',
      city: 'nanning',
      workMode: 'onsite',
      stipendMin: 2000,
      stipendMax: 4000,
      daysPerWeek: 4,
      durationMonths: 3,
      languages: ['zh'],
      openings: 2,
      deadline: closesAt,
      closesAt,
      status: overrides.status ?? 'published',
      publishedAt: overrides.publishedAt ?? new Date(),
    },
    select: { id: true },
  })
}

const hour = 60 * 60 * 1000

/** A published event organized by `organizer`, its registration open now. */
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
