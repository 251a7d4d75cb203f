import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { applyCatalogue, decodeUpload, previewCatalogue } from './catalogue.server.ts'
import { drainMail } from '#tests/drain-mail.ts'
import { addEvidence } from '#app/modules/students/evidence.server.ts'
import { evidenceSchema } from '#app/modules/students/schemas.ts'
import { applyRoster, completeClaim, describeClaim, previewRoster } from './roster.server.ts'

let universityId = ''
let actor: SessionUser
const enc = (text: string) => new TextEncoder().encode(text)

beforeEach(async () => {
  // Each test starts from an empty catalogue.
  await prisma.$executeRawUnsafe('TRUNCATE "Skill", "University", "User", "AuditLog" CASCADE')
  await prisma.skill.createMany({
    data: [
      { key: 'solidity', nameZh: 'Solidity', aliases: [] },
      { key: 'fisco-bcos', nameZh: 'FISCO BCOS', aliases: [] },
    ],
  })
  universityId = (await prisma.university.create({ data: { key: 'gxu', nameZh: '广西大学', city: 'nanning' }, select: { id: true } })).id
  const actorId = (await prisma.user.create({ data: { email: 'staff@gxu.edu.cn', name: 'Staff' }, select: { id: true } })).id
  actor = {
    id: actorId,
    email: 'staff@gxu.edu.cn',
    name: 'Staff',
    locale: 'zh-CN',
    roles: ['university_staff'],
    companyIds: [],
    universityIds: [universityId],
    studentProfileId: null,
  }
})

const header = 'code,title_zh,title_en,description_zh,description_en,semester,skills\r\n'

describe('catalogue upload', () => {
  test('every row problem is reported and nothing is written', async () => {
    const text =
      header +
      'BC101,区块链导论,Intro,,,2025秋,solidity:3\r\n' +
      'BC101,重复,Dup,,,,solidity:2\r\n' +
      'BC102,未知技能,,,,,rust:3\r\n' +
      'BC103,等级错误,,,,,solidity:9\r\n' +
      'BC104,少一列,,,,\r\n' +
      ',无代码,,,,,\r\n'
    const preview = await previewCatalogue(universityId, text)
    expect(preview.confirm).toBeNull()
    const keys = preview.problems.map((p) => `${p.row}:${p.key}`)
    expect(keys).toEqual(
      expect.arrayContaining([
        '3:universities.duplicateCode',
        '4:universities.unknownSkill',
        '5:universities.badLevel',
        '6:universities.fieldCount',
        '7:universities.codeRequired',
      ]),
    )
    expect(await prisma.course.count()).toBe(0)
  })

  test('wrong columns and non-UTF-8 bytes are refused', async () => {
    const wrong = await previewCatalogue(universityId, 'code,titel,skills\nA,B,\n')
    expect(wrong.problems.map((p) => p.key)).toEqual(['universities.unknownColumns', 'universities.missingColumns'])
    expect(decodeUpload(new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xbf, 0xce]))).toEqual({ problem: { row: '-', key: 'universities.notUtf8' } })
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(header)]))).toEqual({ text: header })
  })

  test('preview shows create/update/unchanged; confirm writes all; a tampered payload is refused', async () => {
    const first = await previewCatalogue(universityId, header + 'BC101,"区块链金融创新实训","Blockchain, finance",,,2025秋,solidity:3;fisco-bcos:2\r\n')
    expect(first.rows).toEqual([{ row: '2', code: 'BC101', title: { zh: '区块链金融创新实训', en: 'Blockchain, finance' }, action: 'create', changes: [] }])
    expect(await applyCatalogue(actor, universityId, first.confirm!.payload, first.confirm!.signature)).toEqual({ create: 1, update: 0, unchanged: 0 })
    const second = await previewCatalogue(
      universityId,
      header + 'BC101,区块链金融创新实训,"Blockchain, finance",,,2025秋,solidity:4;fisco-bcos:2\r\nBC102,联盟链,,,,,fisco-bcos:3\r\n',
    )
    expect(second.rows.map((r) => [r.code, r.action, r.changes])).toEqual([
      ['BC101', 'update', ['skills']],
      ['BC102', 'create', []],
    ])
    await expect(applyCatalogue(actor, universityId, second.confirm!.payload + 'x', second.confirm!.signature)).rejects.toMatchObject({
      key: 'universities.uploadExpired',
    })
    await applyCatalogue(actor, universityId, second.confirm!.payload, second.confirm!.signature)
    const stored = await prisma.course.findFirstOrThrow({
      where: { code: 'BC101' },
      select: { skills: { orderBy: { level: 'desc' }, select: { level: true, skill: { select: { key: true } } } } },
    })
    expect(stored.skills.map((s) => `${s.skill.key}:${s.level}`)).toEqual(['solidity:4', 'fisco-bcos:2'])
    const json = JSON.stringify({
      version: 1,
      courses: [{ key: 'gxu-bc102', university: 'gxu', code: 'BC102', title: { zh: '联盟链' }, skills: [{ skill: 'fisco-bcos', level: 3 }] }],
    })
    const third = await previewCatalogue(universityId, json)
    expect(third.rows.map((r) => r.action)).toEqual(['unchanged'])
  })
})

describe('roster upload', () => {
  test('row errors for unknown courses and bad grades; a valid roster creates verified records and claimable accounts', async () => {
    await prisma.course.create({ data: { universityId, code: 'BC101', titleZh: '区块链', skills: {} }, select: { id: true } })
    const bad = await previewRoster(universityId, 'email,course_code,grade\nli@stu.cn,NOPE,90\nnot-an-email,BC101,80\nli@stu.cn,BC101,101\n')
    expect(bad.problems.map((p) => `${p.row}:${p.key}`)).toEqual(['2:universities.unknownCourse', '3:universities.badEmail', '4:universities.badGrade'])
    expect(bad.confirm).toBeNull()
    const good = await previewRoster(universityId, '\uFEFFemail,course_code,grade\r\nLi@Stu.cn,BC101,92\r\n')
    expect(good.rows).toEqual([{ row: '2', email: 'li@stu.cn', code: 'BC101', grade: 92, newAccount: true, action: 'create' }])
    const saved = await applyRoster(actor, universityId, good.confirm!.payload, good.confirm!.signature)
    expect(saved.claims.map((c) => c.email)).toEqual(['li@stu.cn'])
    // The new student is e-mailed the same claim link, in the account's language.
    const [mail, more] = await drainMail()
    expect(more).toBeUndefined()
    expect(mail!.to).toBe('li <li@stu.cn>')
    expect(mail!.subject).toContain('广西大学已为你在链桥创建账号')
    expect(mail!.raw).toContain(`/claim/${saved.claims[0]!.token}`)
    const record = await prisma.studentCourse.findFirstOrThrow({
      select: { verified: true, grade: true, student: { select: { visibility: true, user: { select: { email: true } } } } },
    })
    expect(record).toEqual({ verified: true, grade: 92, student: { visibility: 'private', user: { email: 'li@stu.cn' } } })
    // The university's roster proves the address of the account it creates.
    expect((await prisma.user.findUniqueOrThrow({ where: { email: 'li@stu.cn' }, select: { emailVerifiedAt: true } })).emailVerifiedAt).toBeInstanceOf(Date)
    const claim = await describeClaim(saved.claims[0]!.token)
    expect(claim.user.email).toBe('li@stu.cn')
    await completeClaim(saved.claims[0]!.token, '李华')
    await expect(describeClaim(saved.claims[0]!.token)).rejects.toMatchObject({ status: 404 })
  })

  test('a roster confirms what students reported: their courses become verified, listed once', async () => {
    const skillId = async (key: string) => (await prisma.skill.findUniqueOrThrow({ where: { key }, select: { id: true } })).id
    const bc101 = await prisma.course.create({
      data: {
        universityId,
        code: 'BC101',
        titleZh: '区块链原理',
        titleEn: 'Blockchain Principles',
        skills: { create: { skillId: await skillId('solidity'), level: 3 } },
      },
      select: { id: true },
    })
    const bc102 = await prisma.course.create({ data: { universityId, code: 'BC102', titleZh: '联盟链开发' }, select: { id: true } })
    const elsewhere = (await prisma.university.create({ data: { nameZh: '桂林电子科技大学', city: 'guilin' }, select: { id: true } })).id
    const student = async (email: string, at: string) =>
      (
        await prisma.user.create({
          data: { email, name: email, roles: { create: { role: 'student' } }, studentProfile: { create: { universityId: at } } },
          select: { studentProfile: { select: { id: true } } },
        })
      ).studentProfile!.id
    const li = await student('li@stu.cn', universityId)
    const wang = await student('wang@stu.cn', elsewhere)
    // Li typed BC101's title in their own way and claimed BC102 from the catalogue; Wang, at
    // another university, typed the same title: a course of their own, which stays.
    const course = (title: string) =>
      evidenceSchema.parse({
        kind: 'course',
        title,
        skills: [
          { skill: 'solidity', level: 2 },
          { skill: 'fisco-bcos', level: 2 },
        ],
      })
    await addEvidence(li, course(' 区块链 原理。'))
    await addEvidence(li, evidenceSchema.parse({ kind: 'project', title: '区块链原理', skills: [{ skill: 'solidity', level: 2 }] }))
    await addEvidence(wang, course('区块链原理'))
    await prisma.studentCourse.create({ data: { studentId: li, courseId: bc102.id, verified: false }, select: { studentId: true } })

    const preview = await previewRoster(universityId, 'email,course_code,grade\nli@stu.cn,BC101,88\nli@stu.cn,BC102,75\nwang@stu.cn,BC101,90\n')
    expect(preview.rows.map((r) => r.action)).toEqual(['create', 'update', 'create'])
    await applyRoster(actor, universityId, preview.confirm!.payload, preview.confirm!.signature)

    const courses = await prisma.studentCourse.findMany({
      where: { studentId: li },
      orderBy: { grade: 'desc' },
      select: { courseId: true, grade: true, verified: true },
    })
    expect(courses).toEqual([
      { courseId: bc101.id, grade: 88, verified: true },
      { courseId: bc102.id, grade: 75, verified: true },
    ])
    const kept = await prisma.studentEvidence.findMany({ orderBy: { createdAt: 'asc' }, select: { studentId: true, kind: true } })
    expect(kept).toEqual([
      { studentId: li, kind: 'project' },
      { studentId: wang, kind: 'course' },
    ])
    // The skill Li named that BC101 does not teach stays theirs, as a declared skill.
    const declared = await prisma.studentSkill.findMany({ where: { studentId: li }, select: { level: true, skill: { select: { key: true } } } })
    expect(declared).toEqual([{ level: 2, skill: { key: 'fisco-bcos' } }])
  })
})
