// Credentials as evidence, end to end through the database and the matching index: a
// completed internship's credential makes its skills count at full strength, the
// recommendation's reason names it in both languages, and revoking it takes it away.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { completeInternship } from '#app/modules/credentials/internship.server.ts'
import { revokeInTx } from '#app/modules/credentials/revoke.server.ts'
import { runCredentialTasks } from '#app/modules/credentials/tasks.server.ts'
import { makeCompanyMember, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { matchIndex } from './match-index.server.ts'
import { candidatesFor, recommendationsFor } from './matching.server.ts'

describe('credentials in matching', () => {
  test('an internship credential is the strongest evidence, is named in the reasons, and stops counting once revoked', async () => {
    const skill = await prisma.skill.create({ data: { key: 'fabric-x', nameZh: '超级账本', nameEn: 'Hyperledger Fabric', aliases: [] }, select: { id: true } })
    const { companyId, user: member } = await makeCompanyMember({ nameZh: '链科公司', nameEn: 'ChainTech' })
    const past = await makeRole(companyId, { titleEn: 'Fabric intern' })
    await prisma.roleSkill.create({ data: { roleId: past.id, skillId: skill.id, level: 4, required: true } })
    const next = await makeRole(companyId, { titleEn: 'Fabric developer' })
    await prisma.roleSkill.create({ data: { roleId: next.id, skillId: skill.id, level: 4, required: true } })

    const student = await makeUser(['student'])
    const studentId = student.studentProfileId!
    await prisma.studentProfile.update({ where: { id: studentId }, data: { visibility: 'discoverable' } })
    // Self-declared at the wanted level: counted, but below what a company confirms.
    await prisma.studentSkill.create({ data: { studentId, skillId: skill.id, level: 4 } })
    const before = (await recommendationsFor(studentId, { limit: 10, locale: 'zh-CN' })).items.find((i) => i.role.id === next.id)
    expect(before?.reasons[0]?.text).toBe('超级账本：自评 4 级')

    const application = await applyToRole(student, past.id, {})
    await prisma.application.update({ where: { id: application.id }, data: { status: 'accepted' } })
    await completeInternship(member, application.id, { startedOn: '2026-06-01', endedOn: '2026-08-31', skills: [{ skill: 'fabric-x', level: 4 }] })
    expect(await runCredentialTasks()).toBe(1)

    const zh = (await recommendationsFor(studentId, { limit: 10, locale: 'zh-CN' })).items.find((i) => i.role.id === next.id)
    expect(zh?.score).toBeGreaterThan(before!.score)
    expect(zh?.reasons[0]).toEqual({ kind: 'credential', text: '超级账本：证书：链科公司颁发的“实习：智能合约开发实习生”', positive: true })
    const en = (await recommendationsFor(studentId, { limit: 10, locale: 'en' })).items.find((i) => i.role.id === next.id)
    expect(en?.reasons[0]?.text).toBe('Hyperledger Fabric: credential “Internship: Fabric intern” issued by ChainTech')
    // The company's candidates are ranked on the index's copy, which counts the credential too.
    expect((await matchIndex()).student(studentId)?.evidence.map((e) => e.source.kind)).toContain('credential')
    const candidate = (await candidatesFor(next.id, { limit: 10, locale: 'en' })).items.find((c) => c.student.id === studentId)
    expect(candidate?.score).toBe(zh?.score)

    const credential = await prisma.issuedCredential.findFirstOrThrow({ where: { studentId, kind: 'internship' }, select: { id: true } })
    await prisma.$transaction((tx) => revokeInTx(tx, credential.id, 'issued in error', null))
    const revoked = (await recommendationsFor(studentId, { limit: 10, locale: 'zh-CN' })).items.find((i) => i.role.id === next.id)
    expect(revoked?.score).toBe(before!.score)
    expect(revoked?.reasons[0]?.text).toBe('超级账本：自评 4 级')
  })
})
