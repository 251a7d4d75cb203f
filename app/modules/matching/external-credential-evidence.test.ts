// Imported credentials as evidence, through the database and the matching index: one from an
// untrusted issuer does not count; once an admin trusts the issuer it counts as a credential,
// named with the trusted issuer's name; taken off the list, it stops counting again.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { distrustExternalIssuer, importExternalCredential, trustExternalIssuer } from '#app/modules/credentials/external.server.ts'
import { makeExternalIssuer } from '#tests/external-issuer.ts'
import { makeCompanyMember, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { matchIndex } from './match-index.server.ts'
import { candidatesFor, recommendationsFor } from './matching.server.ts'

describe('imported credentials in matching', () => {
  test('count as a credential only while their issuer is trusted, and are named with its name', async () => {
    const skill = await prisma.skill.create({ data: { key: 'chainmaker-x', nameZh: '长安链', nameEn: 'ChainMaker', aliases: [] }, select: { id: true } })
    const { companyId } = await makeCompanyMember()
    const role = await makeRole(companyId, { titleEn: 'ChainMaker developer' })
    await prisma.roleSkill.create({ data: { roleId: role.id, skillId: skill.id, level: 3, required: true } })
    const admin = await makeUser(['admin'])
    const student = await makeUser(['student'])
    const studentId = student.studentProfileId!
    await prisma.studentProfile.update({ where: { id: studentId }, data: { visibility: 'discoverable' } })
    await prisma.studentSkill.create({ data: { studentId, skillId: skill.id, level: 3 } })
    const find = async (locale: 'zh-CN' | 'en' = 'zh-CN') =>
      (await recommendationsFor(studentId, { limit: 10, locale })).items.find((i) => i.role.id === role.id)
    const before = await find()
    expect(before?.reasons[0]?.text).toBe('长安链：自评 3 级')

    const issuer = await makeExternalIssuer()
    const credential = await issuer.issue({ name: { zh: '长安链开发认证', en: 'ChainMaker developer certificate' }, skills: ['chainmaker-x'] })
    expect(await importExternalCredential(student, credential, 'zh-CN')).toMatchObject({ outcome: 'imported', trusted: false })
    const untrusted = await find()
    expect(untrusted?.score).toBe(before?.score)
    expect((await matchIndex()).student(studentId)?.evidence.map((e) => e.source.kind)).not.toContain('credential')

    const trusted = await trustExternalIssuer(admin, {
      did: issuer.did,
      nameZh: '长安链认证中心',
      nameEn: 'ChainMaker certification',
      kind: 'other',
      note: undefined,
    })
    const zh = await find()
    expect(zh?.score).toBeGreaterThan(before!.score)
    expect(zh?.reasons[0]).toEqual({ kind: 'credential', text: '长安链：证书：长安链认证中心颁发的“长安链开发认证”', positive: true })
    expect((await find('en'))?.reasons[0]?.text).toBe('ChainMaker: credential “ChainMaker developer certificate” issued by ChainMaker certification')
    // The company's candidates are ranked on the index's copy, which counts it too.
    expect((await matchIndex()).student(studentId)?.evidence.map((e) => e.source.kind)).toContain('credential')
    const candidate = (await candidatesFor(role.id, { limit: 10, locale: 'zh-CN' })).items.find((c) => c.student.id === studentId)
    expect(candidate?.score).toBe(zh?.score)

    await distrustExternalIssuer(admin, trusted.id)
    const removed = await find()
    expect(removed?.score).toBe(before?.score)
    expect(removed?.reasons[0]?.text).toBe('长安链：自评 3 级')
  })
})
