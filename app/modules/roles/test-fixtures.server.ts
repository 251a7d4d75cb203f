// Test data for roles and search: a small bilingual taxonomy, companies with a member each,
// and a role builder. Written straight to the database; used only by tests.
import { prisma } from '#app/lib/db.server.ts'
import { loadSessionUser, type SessionUser } from '#app/modules/auth/session.server.ts'
import type { RoleFields } from './schemas.ts'
import { shanghaiDay } from '#app/lib/time.ts'

let counter = 0

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

/** A company with one member (a company_member user); returns both. */
export async function makeCompanyMember(options: { key?: string; nameZh?: string; nameEn?: string; city?: string; park?: 'claimed' | 'verified'; verified?: boolean } = {}) {
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
      roles: { create: { role: 'company_member' } },
      companyMembers: { create: { companyId: company.id, role: 'owner' } },
    },
    select: { id: true },
  })
  return { companyId: company.id, user: (await loadSessionUser(user.id)) as SessionUser }
}

export async function makeUser(role: 'student' | 'admin' = 'student') {
  counter++
  const user = await prisma.user.create({
    data: { email: `user${counter}-${Date.now()}@example.cn`, name: `用户${counter}`, roles: { create: { role } } },
    select: { id: true },
  })
  return (await loadSessionUser(user.id)) as SessionUser
}

export function inDays(days: number) {
  return shanghaiDay(new Date(Date.now() + days * 86_400_000))
}

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
