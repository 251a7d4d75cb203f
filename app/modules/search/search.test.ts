import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { changeRoleStatus, closeExpiredRoles, createRole, duplicateRole, getRoleForViewer, updateRole } from '#app/modules/roles/roles.server.ts'
import { inDays, makeCompanyMember, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { meili } from './client.server.ts'
import { allRoleDocuments } from './documents.server.ts'
import { drainOutbox } from './outbox.server.ts'
import { reindexRoles } from './reindex.server.ts'
import { ensureRoleIndex, rolesIndexUid } from './role-index.server.ts'
import { roleSearchSchema, stripMarks } from './schemas.ts'
import { facetLabels } from './page-facets.server.ts'
import { searchRoles } from './search.server.ts'

const search = (input: Record<string, unknown> = {}) => searchRoles(roleSearchSchema.parse(input))
const ids = async (input: Record<string, unknown>) => (await search(input)).hits.map((h) => h.id).sort()

let company: Awaited<ReturnType<typeof makeCompanyMember>>
let contractRole: string
let frontendRole: string
let testingRole: string

beforeAll(async () => {
  await seedSkills()
  await ensureRoleIndex()
  company = await makeCompanyMember({ nameZh: '南宁链融科技', nameEn: 'Nanning Chainfin', park: 'verified' })
  const other = await makeCompanyMember({ nameZh: '桂林数链', nameEn: 'Guilin Datachain', city: 'guilin' })
  contractRole = (await createRole(company.user, company.companyId, roleFields(), 'published')).id
  frontendRole = (
    await createRole(
      other.user,
      other.companyId,
      roleFields({
        title: { zh: '区块链前端开发实习生', en: 'Blockchain front-end intern' },
        description: { zh: '用 React 开发数字藏品平台前端。', en: 'Build the front end of a digital collectibles platform in React.' },
        kind: 'app-dev',
        city: 'Guilin',
        workMode: 'remote',
        stipendMonthly: { min: 2000, max: 3000 },
        daysPerWeek: 3,
        skills: [{ skill: 'react', level: 3, required: true }],
      }),
      'published',
    )
  ).id
  testingRole = (
    await createRole(
      other.user,
      other.companyId,
      roleFields({
        title: { en: 'Blockchain test engineer intern' },
        description: { en: 'Test consortium chain deployments.' },
        kind: 'testing',
        city: 'Guilin',
        stipendMonthly: { min: 6000, max: 8000 },
        skills: [
          { skill: 'testing', level: 2, required: true },
          { skill: 'fisco-bcos', level: 2, required: false },
        ],
      }),
      'published',
    )
  ).id
  await drainOutbox()
})

describe('outbox → index', () => {
  test('every write leaves an outbox row in its transaction; draining makes the change searchable', async () => {
    const draft = await createRole(
      company.user,
      company.companyId,
      roleFields({ title: { zh: '钦州港口溯源产品经理', en: 'Port traceability product manager' }, kind: 'product' }),
      'draft',
    )
    const pending = await prisma.outboxEntry.findMany({ where: { entityId: draft.id, processedAt: null }, select: { entity: true } })
    expect(pending).toEqual([{ entity: 'role' }])
    await drainOutbox()
    expect(await ids({ q: '溯源' })).toEqual([])

    await changeRoleStatus(company.user, draft.id, 'published')
    await drainOutbox()
    expect(await ids({ q: '溯源' })).toEqual([draft.id])
    expect(await prisma.outboxEntry.count({ where: { processedAt: null } })).toBe(0)

    // A company rename reaches every one of its roles' documents, and the facet's label
    // (kept per search-index version) follows once the outbox applied it.
    const companyLabel = async () => (await facetLabels((await search()).facets, 'en')).company[company.companyId]?.en
    expect(await companyLabel()).toBe('Nanning Chainfin')
    await prisma.$transaction(async (tx) => {
      await tx.company.update({ where: { id: company.companyId }, data: { nameEn: 'Nanning Chainfin Labs' }, select: { id: true } })
      await tx.outboxEntry.create({ data: { entity: 'company', entityId: company.companyId } })
    })
    await drainOutbox()
    const renamed = await search({ q: 'Chainfin Labs' })
    expect(renamed.hits.map((h) => h.company.name.en)).toContain('Nanning Chainfin Labs')
    expect(await companyLabel()).toBe('Nanning Chainfin Labs')

    // Closing drops it from search; the role page still shows it, marked closed.
    await changeRoleStatus(company.user, draft.id, 'closed')
    await drainOutbox()
    expect(await ids({ q: '溯源' })).toEqual([])
    const page = await getRoleForViewer(draft.id, null)
    expect(page.status).toBe('closed')
    expect(page.open).toBe(false)
  })

  test('a new skill alias becomes a synonym and reaches the documents', async () => {
    const skill = await prisma.$transaction(async (tx) => {
      const updated = await tx.skill.update({ where: { key: 'fisco-bcos' }, data: { aliases: ['金链盟', '国产联盟链'] }, select: { id: true } })
      await tx.outboxEntry.create({ data: { entity: 'skill', entityId: updated.id } })
      return updated
    })
    expect(skill.id).toBeTruthy()
    await drainOutbox()
    // The alias reaches the role that requires the skill and, as a synonym of FISCO BCOS,
    // the role whose description names the chain.
    expect(await ids({ q: '国产联盟链' })).toEqual([contractRole, testingRole].sort())
    expect(await ids({ q: '国产联盟链' })).not.toContain(frontendRole)
  })

  test('the scheduled job closes roles the day after their deadline, and search drops them', async () => {
    const role = await createRole(company.user, company.companyId, roleFields({ title: { zh: '北海跨境支付实习生' }, deadline: inDays(1) }), 'published')
    await drainOutbox()
    expect(await ids({ q: '跨境支付' })).toEqual([role.id])
    expect(await closeExpiredRoles(new Date(Date.now() + 3 * 86_400_000))).toBeGreaterThanOrEqual(1)
    await drainOutbox()
    expect(await ids({ q: '跨境支付' })).toEqual([])
    // Reopen by extending the deadline.
    const { fields } = await import('#app/modules/roles/roles.server.ts').then((m) => m.roleFields(company.user, role.id))
    await updateRole(company.user, role.id, { ...fields, deadline: inDays(20) }, 'published')
    await drainOutbox()
    expect(await ids({ q: '跨境支付' })).toEqual([role.id])
    await changeRoleStatus(company.user, role.id, 'closed')
    await drainOutbox()
  })
})

describe('search in Chinese and English', () => {
  test('合约 finds 智能合约 roles', async () => {
    expect(await ids({ q: '合约' })).toContain(contractRole)
    expect(await ids({ q: '合约' })).not.toContain(frontendRole)
  })

  test('solidty (a typo) finds Solidity roles', async () => {
    expect(await ids({ q: 'solidty' })).toEqual([contractRole])
  })

  test('智能合约 and smart contract find the same roles (skill aliases are synonyms)', async () => {
    const zh = await ids({ q: '智能合约' })
    expect(zh).toContain(contractRole)
    expect(await ids({ q: 'smart contract' })).toEqual(zh)
  })

  test('a city matches in either language, in the query and as a filter', async () => {
    expect(await ids({ q: '南宁' })).toEqual([contractRole])
    expect(await ids({ q: 'Nanning' })).toEqual([contractRole])
    expect(await ids({ city: ['桂林'] })).toEqual([frontendRole, testingRole].sort())
    expect(await ids({ city: ['Guilin'] })).toEqual([frontendRole, testingRole].sort())
  })

  test('facets count, filters combine, sorts and highlights work', async () => {
    const all = await search({})
    expect(all.degraded).toBe(false)
    expect(all.total).toBe(3)
    expect(all.facets.city).toMatchObject({ nanning: 1, guilin: 2 })
    expect(all.facets.kind).toMatchObject({ 'smart-contract-dev': 1, 'app-dev': 1, testing: 1 })
    expect(all.facets.parkIncubated).toMatchObject({ true: 1 })
    expect(all.facets.minStipend).toMatchObject({ '0': 3, '2000': 3, '6000': 1 })
    // Disjunctive: choosing a city still counts the other cities.
    const guilin = await search({ city: ['guilin'] })
    expect(guilin.facets.city).toMatchObject({ nanning: 1, guilin: 2 })
    expect(await ids({ skill: ['testing', 'fisco-bcos'] })).toEqual([testingRole])
    expect(await ids({ workMode: ['remote'] })).toEqual([frontendRole])
    expect(await ids({ parkIncubated: 'true' })).toEqual([contractRole])
    expect(await ids({ minStipend: 5000 })).toEqual([testingRole])
    expect(await ids({ days: [3] })).toEqual([frontendRole])
    expect((await search({ sort: 'stipend' })).hits[0]?.id).toBe(testingRole)
    const highlighted = await search({ q: 'front-end' })
    expect(highlighted.hits[0]?.highlight?.title.en).toMatch(/\uE000/)
    expect(stripMarks(highlighted.hits[0]?.highlight?.title.en ?? '')).toBe('Blockchain front-end intern')
    // The description is not retrieved, yet its cropped, highlighted snippet comes back.
    const byDescription = await search({ q: 'collectibles' })
    expect(byDescription.hits.map((h) => h.id)).toEqual([frontendRole])
    expect(byDescription.hits[0]?.highlight?.snippet.en).toMatch(/\uE000collectibles\uE001/)
    expect(byDescription.hits[0]?.skills).toEqual([{ skill: 'react', level: 3, required: true, name: expect.objectContaining({ en: 'React' }) }])
    const paged = await search({ perPage: 1, page: 2 })
    expect(paged.hits).toHaveLength(1)
    expect(paged.total).toBe(3)
  })
})

describe('sort by recommended', () => {
  const ranked = (input: Record<string, unknown>, order: string[]) => searchRoles(roleSearchSchema.parse({ sort: 'recommended', ...input }), undefined, order)

  test('keeps the student’s order, applies the filters and pages through it', async () => {
    const order = [testingRole, contractRole, frontendRole]
    const all = await ranked({}, order)
    expect(all.hits.map((h) => h.id)).toEqual(order)
    expect(all.total).toBe(3)
    expect((await ranked({ city: ['Guilin'] }, order)).hits.map((h) => h.id)).toEqual([testingRole, frontendRole])
    const second = await ranked({ perPage: 2, page: 2 }, order)
    expect(second.hits.map((h) => h.id)).toEqual([frontendRole])
    expect(second.total).toBe(3)
    // A student with nothing to recommend sees nothing under this sort.
    const none = await ranked({}, [])
    expect(none.hits).toEqual([])
    expect(none.degraded).toBe(false)
  })

  test('without a student to rank for it is a relevance search', async () => {
    expect((await search({ sort: 'recommended' })).hits.map((h) => h.id)).toEqual((await search({})).hits.map((h) => h.id))
  })
})

describe('reindex', () => {
  test('rebuilds into a new index and swaps it in while search keeps answering', async () => {
    // Lose the live documents to prove the rebuild comes from Postgres.
    await meili.index(rolesIndexUid()).deleteAllDocuments().waitTask()
    const before = (await search({ q: '合约' })).degraded
    expect(before).toBe(false)
    const rebuilding = reindexRoles()
    const during = await search({})
    expect(during.degraded).toBe(false)
    const result = await rebuilding
    expect(result.documents).toBeGreaterThanOrEqual(3)
    expect(await ids({ q: 'solidty' })).toEqual([contractRole])
    const { results } = await meili.getIndexes({ limit: 1000 })
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(rolesIndexUid()))).toEqual([rolesIndexUid()])
  })

  test('a rebuild reads every open role page by page and leaves out those of a suspended or unverified company', async () => {
    const suspended = await makeCompanyMember({ nameZh: '停权公司', nameEn: 'Suspended Co' })
    const unverified = await makeCompanyMember({ nameZh: '待核验公司', nameEn: 'Unverified Co' })
    const suspendedRole = (await createRole(suspended.user, suspended.companyId, roleFields(), 'published')).id
    const unverifiedRole = (await createRole(unverified.user, unverified.companyId, roleFields(), 'published')).id
    await prisma.company.update({ where: { id: suspended.companyId }, data: { suspendedAt: new Date() } })
    await prisma.company.update({ where: { id: unverified.companyId }, data: { verifiedAt: null } })
    const read = async (pageSize: number) => {
      const seen: string[] = []
      for await (const page of allRoleDocuments(pageSize)) seen.push(...page.map((d) => d.id))
      return seen
    }
    const onePerPage = await read(1)
    expect(onePerPage).toEqual(expect.arrayContaining([contractRole, frontendRole]))
    expect(onePerPage).not.toContain(suspendedRole)
    expect(onePerPage).not.toContain(unverifiedRole)
    expect(new Set(onePerPage).size).toBe(onePerPage.length)
    expect(onePerPage.sort()).toEqual((await read(2000)).sort())
  })
})

describe('posting rules', () => {
  async function problems(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as UserFacingError).status).toBe(422)
    return (error as UserFacingError).fields.map((f) => `${f.path}:${f.key}`)
  }

  test('fees, reversed stipend, past deadline and no required skill are refused with field messages; nothing is written', async () => {
    const before = await prisma.internshipRole.count()
    expect(await problems(createRole(company.user, company.companyId, roleFields({ description: { zh: '入职前需缴纳培训费 500 元。' } }), 'draft'))).toEqual([
      'description.zh:roles.rule.noFees',
    ])
    expect(
      await problems(createRole(company.user, company.companyId, roleFields({ description: { en: 'A refundable deposit is required.' } }), 'draft')),
    ).toEqual(['description.en:roles.rule.noFees'])
    expect(await problems(createRole(company.user, company.companyId, roleFields({ stipendMonthly: { min: 5000, max: 3000 } }), 'draft'))).toEqual([
      'stipendMonthly.max:roles.rule.stipendOrder',
    ])
    expect(await problems(createRole(company.user, company.companyId, roleFields({ deadline: inDays(-2) }), 'published'))).toEqual([
      'deadline:roles.rule.deadlineFuture',
    ])
    expect(
      await problems(createRole(company.user, company.companyId, roleFields({ skills: [{ skill: 'solidity', level: 3, required: false }] }), 'draft')),
    ).toEqual(['skills:roles.rule.requiredSkill'])
    expect(
      await problems(createRole(company.user, company.companyId, roleFields({ skills: [{ skill: 'cobol', level: 3, required: true }] }), 'draft')),
    ).toEqual(['skills.0.skill:roles.unknownSkill'])
    expect(await prisma.internshipRole.count()).toBe(before)
    // A past deadline is fine for a draft, and words like "feedback" are not fees.
    await expect(
      createRole(company.user, company.companyId, roleFields({ deadline: inDays(-2), description: { en: 'Weekly feedback from mentors.' } }), 'draft'),
    ).resolves.toHaveProperty('id')
  })

  test('another company cannot change, duplicate or see a draft of this company', async () => {
    const outsider = await makeCompanyMember()
    const draft = await createRole(company.user, company.companyId, roleFields(), 'draft')
    await expect(updateRole(outsider.user, draft.id, roleFields(), 'draft')).rejects.toMatchObject({ status: 404 })
    await expect(duplicateRole(outsider.user, draft.id)).rejects.toMatchObject({ status: 404 })
    await expect(getRoleForViewer(draft.id, await makeUser())).rejects.toMatchObject({ status: 404 })
    const copy = await duplicateRole(company.user, draft.id)
    expect((await getRoleForViewer(copy.id, company.user)).status).toBe('draft')
  })
})
