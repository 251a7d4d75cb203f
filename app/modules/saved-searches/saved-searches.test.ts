// Saved searches: a digest carries only roles new since the last one, and every /roles
// filter a student can save counts.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { drainMail } from '#tests/drain-mail.ts'
import { makeCompanyMember, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { runSavedSearchDigests, saveSearch } from './saved-searches.server.ts'

describe('saved searches', () => {
  test('a digest lists roles published since the last one, and nothing is sent when nothing is new', async () => {
    const boss = await makeCompanyMember()
    const nora = await makeUser(['student'], { locale: 'en' })
    await saveSearch(nora.id, { query: 'q=solidity&city=nanning&page=3' })
    const saved = await prisma.savedSearch.findFirstOrThrow({ where: { userId: nora.id }, select: { query: true, name: true } })
    expect(saved).toEqual({ query: 'q=solidity&city=nanning', name: 'solidity' })
    await makeRole(boss.companyId, { titleEn: 'Go backend intern' })
    expect(await runSavedSearchDigests()).toEqual({ sent: 0 })
    await makeRole(boss.companyId, { titleEn: 'Solidity auditor intern' })
    expect(await runSavedSearchDigests()).toEqual({ sent: 1 })
    expect(await runSavedSearchDigests()).toEqual({ sent: 0 })
    const [mail] = await drainMail()
    expect(mail!.subject).toBe('1 new roles match your saved search “solidity”. · Lianqiao')
    expect(mail!.raw).toContain('Solidity auditor intern')
  })

  test('every /roles filter counts, company and days per week too; a query that cannot be read is refused', async () => {
    const [firm, other] = [await makeCompanyMember({ nameZh: '链融' }), await makeCompanyMember({ nameZh: '数链' })]
    const ling = await makeUser(['student'], { locale: 'en' })
    const firmId = firm.companyId
    await saveSearch(ling.id, { query: `?company=${firmId}&days=5&days=4&sort=newest` })
    expect((await prisma.savedSearch.findFirstOrThrow({ where: { userId: ling.id }, select: { query: true } })).query).toBe(
      `company=${firmId}&days=5&days=4&sort=newest`,
    )
    await makeRole(other.companyId, { titleEn: 'Elsewhere intern' })
    expect(await runSavedSearchDigests()).toEqual({ sent: 0 })
    await makeRole(firmId, { titleEn: 'At the firm intern' })
    expect(await runSavedSearchDigests()).toEqual({ sent: 1 })
    expect((await drainMail()).map((m) => m.raw.includes('At the firm intern'))).toEqual([true])
    await expect(saveSearch(ling.id, { query: 'days=9' })).rejects.toMatchObject({ status: 422, key: 'savedSearches.invalidQuery' })
  })
})
