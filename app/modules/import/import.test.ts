import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { addEvidence } from '#app/modules/students/evidence.server.ts'
import { evidenceSchema } from '#app/modules/students/schemas.ts'
import { applyImport, importDocument, validateImport } from './import.server.ts'
import { importSchema } from './schema.ts'

const fixture = (name: string) => path.resolve('tests/fixtures', name)
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
const small = () => readJson(fixture('small.json'))

/** Every row the importer can write: ids with updatedAt, or whole rows for tables without it. */
async function snapshot() {
  const stamp = { id: true, updatedAt: true } as const
  const byId = <T extends { id: unknown }>(rows: T[]) => rows.sort((a, b) => String(a.id).localeCompare(String(b.id)))
  return {
    skills: byId(await prisma.skill.findMany({ select: stamp })),
    universities: byId(await prisma.university.findMany({ select: stamp })),
    courses: byId(await prisma.course.findMany({ select: stamp })),
    companies: byId(await prisma.company.findMany({ select: stamp })),
    roles: byId(await prisma.internshipRole.findMany({ select: stamp })),
    users: byId(await prisma.user.findMany({ select: stamp })),
    profiles: byId(await prisma.studentProfile.findMany({ select: stamp })),
    studentCourses: await prisma.studentCourse.findMany({
      select: { studentId: true, courseId: true, updatedAt: true },
      orderBy: [{ studentId: 'asc' }, { courseId: 'asc' }],
    }),
    events: byId(await prisma.event.findMany({ select: stamp })),
    courseSkills: await prisma.courseSkill.findMany({
      select: { courseId: true, skillId: true, level: true },
      orderBy: [{ courseId: 'asc' }, { skillId: 'asc' }],
    }),
    roleSkills: await prisma.roleSkill.findMany({
      select: { roleId: true, skillId: true, level: true, required: true },
      orderBy: [{ roleId: 'asc' }, { skillId: 'asc' }],
    }),
    studentSkills: await prisma.studentSkill.findMany({
      select: { studentId: true, skillId: true, level: true },
      orderBy: [{ studentId: 'asc' }, { skillId: 'asc' }],
    }),
    languages: await prisma.studentLanguage.findMany({ select: { studentId: true, language: true }, orderBy: [{ studentId: 'asc' }, { language: 'asc' }] }),
    userRoles: await prisma.userRole.findMany({ select: { userId: true, role: true }, orderBy: [{ userId: 'asc' }, { role: 'asc' }] }),
    tracks: byId(await prisma.eventTrack.findMany({ select: { id: true, key: true, nameZh: true, nameEn: true } })),
    outbox: await prisma.outboxEntry.count(),
  }
}

async function rowCounts() {
  const s = await snapshot()
  return Object.fromEntries(Object.entries(s).map(([table, rows]) => [table, typeof rows === 'number' ? rows : rows.length]))
}

const skill = (key: string, extra: Record<string, unknown> = {}) => ({ key, name: { zh: key }, aliases: [], ...extra })

describe('import', () => {
  beforeEach(async () => {
    await prisma.$executeRawUnsafe('TRUNCATE "User", "Skill", "University", "Company", "Event", "OutboxEntry", "AuditLog" CASCADE')
  })

  test('a small file creates the records it describes', async () => {
    const result = await importDocument(small())
    expect(result).toEqual({
      ok: true,
      counts: {
        skills: { created: 7, updated: 0, unchanged: 0 },
        universities: { created: 2, updated: 0, unchanged: 0 },
        courses: { created: 4, updated: 0, unchanged: 0 },
        companies: { created: 3, updated: 0, unchanged: 0 },
        roles: { created: 8, updated: 0, unchanged: 0 },
        students: { created: 5, updated: 0, unchanged: 0 },
        events: { created: 2, updated: 0, unchanged: 0 },
      },
    })

    const solidity = await prisma.skill.findUniqueOrThrow({ where: { key: 'solidity' }, select: { parent: { select: { key: true } }, nameZh: true } })
    expect(solidity.parent?.key).toBe('smart-contracts')
    // 南宁 and Nanning are the same city.
    const cities = await prisma.company.findMany({ where: { key: { in: ['lianrong', 'kuaiyan-testing'] } }, select: { city: true } })
    expect(cities.map((c) => c.city)).toEqual(['nanning', 'nanning'])

    const role = await prisma.internshipRole.findUniqueOrThrow({
      where: { key: 'lianrong.contract-dev' },
      select: {
        kind: true,
        deadline: true,
        closesAt: true,
        status: true,
        publishedAt: true,
        closedAt: true,
        titleEn: true,
        stipendMin: true,
        stipendMax: true,
        skills: { select: { level: true, required: true, skill: { select: { key: true } } } },
      },
    })
    expect(role).toMatchObject({ kind: 'smart_contract_dev', status: 'published', closedAt: null, stipendMin: 3000, stipendMax: 4500 })
    expect(role.deadline.toISOString()).toBe('2027-06-30T00:00:00.000Z')
    // Applications close at the end of the deadline day in Shanghai, as through the form.
    expect(role.closesAt.toISOString()).toBe('2027-06-30T15:59:59.999Z')
    expect(role.publishedAt).toBeInstanceOf(Date)
    expect(role.skills).toHaveLength(3)
    expect(role.skills.find((s) => s.skill.key === 'solidity')).toMatchObject({ level: 3, required: true })
    const closed = await prisma.internshipRole.findUniqueOrThrow({ where: { key: 'kuaiyan-testing.automation-test' }, select: { closedAt: true } })
    expect(closed.closedAt).toBeInstanceOf(Date)

    const student = await prisma.studentProfile.findUniqueOrThrow({
      where: { key: 'student.small.1' },
      select: {
        visibility: true,
        consentedAt: true,
        preferredCities: true,
        workModes: true,
        availableFrom: true,
        user: { select: { email: true, name: true, roles: { select: { role: true } }, password: { select: { userId: true } } } },
        courses: { select: { grade: true, verified: true, course: { select: { key: true } } } },
        languages: { select: { language: true } },
        skills: { select: { level: true } },
      },
    })
    expect(student).toMatchObject({
      visibility: 'discoverable',
      preferredCities: ['nanning'],
      workModes: ['onsite', 'hybrid'],
      user: { email: 'yuxuan.lin.1@students.example.edu.cn', name: '林雨萱', roles: [{ role: 'student' }], password: null },
    })
    expect(student.consentedAt).toBeInstanceOf(Date)
    expect(student.availableFrom?.toISOString()).toBe('2027-03-01T00:00:00.000Z')
    expect(student.courses).toContainEqual({ grade: 91, verified: true, course: { key: 'gxu.smart-contract-dev' } })
    expect(student.languages.map((l) => l.language).sort()).toEqual(['en', 'zh'])
    const privateStudent = await prisma.studentProfile.findUniqueOrThrow({ where: { key: 'student.small.2' }, select: { visibility: true } })
    expect(privateStudent.visibility).toBe('private')

    const contest = await prisma.event.findUniqueOrThrow({
      where: { key: 'china-asean-contest-2027' },
      select: { teamSizeMin: true, teamSizeMax: true, capacity: true, waitlist: true, startsAt: true, tracks: { select: { key: true } } },
    })
    expect(contest).toMatchObject({ teamSizeMin: 2, teamSizeMax: 5, capacity: 60, waitlist: true })
    expect(contest.startsAt.toISOString()).toBe('2027-05-20T01:00:00.000Z')
    expect(contest.tracks).toHaveLength(3)
    // A date without a time zone is the start of that day in Shanghai.
    const lecture = await prisma.event.findUniqueOrThrow({ where: { key: 'fisco-bcos-open-class' }, select: { registrationOpensAt: true } })
    expect(lecture.registrationOpensAt.toISOString()).toBe('2026-11-14T16:00:00.000Z')

    // Search sync: one outbox row per skill, company and role; one audit entry.
    expect(await prisma.outboxEntry.groupBy({ by: ['entity'], _count: true, orderBy: { entity: 'asc' } })).toEqual([
      { entity: 'role', _count: 8 },
      { entity: 'company', _count: 3 },
      { entity: 'skill', _count: 7 },
    ])
    const audit = await prisma.auditLog.findMany({ where: { action: 'import.apply' }, select: { data: true } })
    expect(audit).toHaveLength(1)
    expect(audit[0]?.data).toMatchObject({ roles: { created: 8 } })
  })

  test('importing the same file again writes nothing', async () => {
    await importDocument(small())
    const before = await snapshot()
    const again = await importDocument(small())
    expect(again.ok).toBe(true)
    if (!again.ok) return
    for (const counts of Object.values(again.counts)) expect(counts).toMatchObject({ created: 0, updated: 0 })
    expect(again.counts.students?.unchanged).toBe(5)
    expect(await snapshot()).toEqual(before)
  })

  test('a file applied leaves the planner statistics of the rows it wrote, not of empty tables', async () => {
    const analysed = async () =>
      (await prisma.$queryRaw<Array<{ at: Date | null }>>`SELECT last_analyze AS at FROM pg_stat_user_tables WHERE relname = 'InternshipRole'`)[0]?.at ?? null
    const before = await analysed()
    expect((await importDocument(small())).ok).toBe(true)
    const after = await analysed()
    expect(after).not.toBeNull()
    if (before) expect(after!.getTime()).toBeGreaterThan(before.getTime())
    const [{ estimate } = { estimate: 0 }] = await prisma.$queryRaw<
      Array<{ estimate: number }>
    >`SELECT reltuples::int AS estimate FROM pg_class WHERE relname = 'InternshipRole'`
    expect(estimate).toBe(await prisma.internshipRole.count())
  })

  test('an update to one role changes only that role and queues it for search', async () => {
    const doc = small() as { roles: Record<string, unknown>[] }
    await importDocument(doc)
    const before = await snapshot()
    const { publishedAt } = await prisma.internshipRole.findUniqueOrThrow({ where: { key: 'lianrong.contract-dev' }, select: { publishedAt: true } })
    const outboxBefore = await prisma.outboxEntry.findMany({ select: { id: true } })

    const changed = doc.roles[0]!
    changed.openings = 5
    changed.skills = [{ skill: 'solidity', level: 4, required: true }]
    const result = await importDocument(doc)
    expect(result.ok && result.counts.roles).toEqual({ created: 0, updated: 1, unchanged: 7 })
    expect(result.ok && result.counts.skills).toEqual({ created: 0, updated: 0, unchanged: 7 })

    const after = await snapshot()
    const role = await prisma.internshipRole.findUniqueOrThrow({
      where: { key: 'lianrong.contract-dev' },
      select: { id: true, openings: true, publishedAt: true, skills: { select: { level: true, skill: { select: { key: true } } } } },
    })
    expect(role.openings).toBe(5)
    expect(role.skills).toEqual([{ level: 4, skill: { key: 'solidity' } }])
    const changedStamps = after.roles.filter((r, i) => r.updatedAt.getTime() !== before.roles[i]!.updatedAt.getTime())
    expect(changedStamps.map((r) => r.id)).toEqual([role.id])
    expect({ ...after, roles: [], roleSkills: [], outbox: 0 }).toEqual({ ...before, roles: [], roleSkills: [], outbox: 0 })
    // The first publication date is kept.
    expect(role.publishedAt).toEqual(publishedAt)

    const queued = await prisma.outboxEntry.findMany({
      where: { id: { notIn: outboxBefore.map((o) => o.id) } },
      select: { entity: true, entityId: true },
    })
    expect(queued).toEqual([{ entity: 'role', entityId: role.id }])
  })

  test('the broken fixture reports the expected paths and writes nothing', async () => {
    const before = await rowCounts()
    const problems = await validateImport(readJson(fixture('broken.json')), 'en')
    const expected = readFileSync(fixture('broken.expected.txt'), 'utf8').split('\n').filter(Boolean)
    expect(problems.map((p) => p.path)).toEqual(expected)
    expect(problems.find((p) => p.path === 'roles[1].skills[0].level')?.message).toBe('must be 1..5')
    expect(problems.find((p) => p.path === 'roles[0].salary')?.message).toBe('unknown field')
    const result = await importDocument(readJson(fixture('broken.json')), 'en')
    expect(result.ok).toBe(false)
    expect(await rowCounts()).toEqual(before)
  })

  test('problems cover types, unknown fields, references, duplicates, ranges and order rules', async () => {
    await importDocument({ version: 1, skills: [skill('stored')], universities: [{ key: 'gxu', name: { zh: '广西大学' }, city: '南宁' }] })
    await importDocument({
      version: 1,
      students: [
        {
          key: 'stored-student',
          email: 'taken@example.cn',
          name: '甲',
          university: 'gxu',
          graduationYear: 2027,
          courses: [],
          skills: [],
          preferredCities: [],
          languages: ['zh'],
          discoverable: false,
        },
      ],
    })
    const before = await rowCounts()
    const role = {
      key: 'r',
      company: 'firm',
      title: { zh: '实习' },
      description: { zh: '描述' },
      kind: 'testing',
      city: '南宁',
      workMode: 'onsite',
      stipendMonthly: { min: 0, max: 0 },
      daysPerWeek: 3,
      durationMonths: 3,
      skills: [{ skill: 'stored', level: 2, required: true }],
      openings: 1,
      deadline: '2027-01-31',
      status: 'draft',
    }
    const event = {
      key: 'e',
      kind: 'lecture',
      title: { en: 'Talk' },
      startsAt: '2027-03-01T10:00',
      endsAt: '2027-03-01T12:00',
      registrationOpensAt: '2027-01-01',
      registrationClosesAt: '2027-02-28',
      waitlist: false,
      status: 'published',
    }
    const doc = {
      version: 1,
      extra: true,
      skills: [skill('a', { parent: 'b' }), skill('b', { parent: 'a' }), skill('c', { parent: 'nope' }), skill('stored', { parent: 'stored' })],
      companies: [
        { key: 'firm', name: { zh: '公司' }, city: '南宁', parkIncubated: false, website: 'ftp://firm.example' },
        { key: 'firm', name: { zh: '重复' }, city: '南宁', parkIncubated: true },
      ],
      roles: [
        { ...role, daysPerWeek: '3' },
        { ...role, key: 'r2', company: 'ghost', stipendMonthly: { min: 5, max: 1 } },
        {
          ...role,
          key: 'r3',
          skills: [
            { skill: 'stored', level: 0, required: true },
            { skill: 'stored', level: 2.5, required: false },
          ],
        },
        {
          ...role,
          key: 'r4',
          skills: [
            { skill: 'stored', level: 2, required: false },
            { skill: 'stored', level: 3, required: false },
          ],
        },
      ],
      students: [
        {
          key: 'new-student',
          email: 'Taken@Example.cn',
          name: '乙',
          university: 'gxu',
          graduationYear: 2027,
          courses: [{ course: 'missing-course', grade: 101 }],
          skills: [{ skill: 'stored', level: 3 }],
          preferredCities: ['南宁'],
          languages: ['zh', 'chinese'],
          discoverable: true,
        },
      ],
      events: [
        { ...event, endsAt: '2027-03-01T09:00', teamSize: { min: 2, max: 3 } },
        { ...event, key: 'e2', registrationClosesAt: '2026-12-31', startsAt: '2027-02-30' },
      ],
    }
    const problems = await validateImport(doc, 'en')
    expect(problems).toEqual([
      { path: 'extra', message: 'unknown field' },
      { path: 'skills[0].parent', message: 'parent chain forms a cycle: a → b → a' },
      { path: 'skills[1].parent', message: 'parent chain forms a cycle: b → a → b' },
      { path: 'skills[2].parent', message: 'no skill "nope" in the file or the database' },
      { path: 'skills[3].parent', message: 'parent chain forms a cycle: stored → stored' },
      { path: 'companies[0].website', message: 'Enter a URL starting with http:// or https://' },
      { path: 'companies[1].key', message: 'duplicate key "firm" (first at companies[0])' },
      { path: 'roles[0].daysPerWeek', message: 'Wrong type (expected number)' },
      { path: 'roles[1].stipendMonthly.max', message: 'must not be less than min (5)' },
      { path: 'roles[1].company', message: 'no company "ghost" in the file or the database' },
      { path: 'roles[2].skills[0].level', message: 'must be 1..5' },
      { path: 'roles[2].skills[1].level', message: 'must be 1..5' },
      { path: 'roles[2].skills[1].skill', message: 'listed twice: stored' },
      { path: 'roles[3].skills[1].skill', message: 'listed twice: stored' },
      { path: 'roles[3].skills', message: 'needs at least one required skill' },
      { path: 'students[0].courses[0].grade', message: 'Must be at most 100' },
      { path: 'students[0].languages[1]', message: 'must be an ISO 639-1 code such as zh, en, vi' },
      { path: 'students[0].courses[0].course', message: 'no course "missing-course" in the file or the database' },
      { path: 'events[0].endsAt', message: 'must be after startsAt' },
      { path: 'events[0].teamSize', message: 'only for contests (kind "contest")' },
      { path: 'events[1].startsAt', message: 'must be an ISO 8601 date, e.g. 2027-01-31 or 2027-01-31T09:00:00+08:00' },
      { path: 'events[1].registrationClosesAt', message: 'must be after registrationOpensAt' },
    ])

    // Once the format is right, the cross-record rules report in file order.
    const fixed = {
      version: 1,
      students: [{ ...doc.students[0], courses: [{ course: 'missing-course', grade: 90 }], languages: ['zh'] }],
      events: [{ ...event, registrationClosesAt: '2026-12-31' }],
    }
    expect(await validateImport(fixed, 'en')).toEqual([
      { path: 'students[0].email', message: 'e-mail taken@example.cn belongs to another account' },
      { path: 'students[0].courses[0].course', message: 'no course "missing-course" in the file or the database' },
      { path: 'events[0].registrationClosesAt', message: 'must be after registrationOpensAt' },
    ])
    expect(await rowCounts()).toEqual(before)
  })

  test('messages follow the locale', async () => {
    const problems = await validateImport({ version: 2, skills: [{ key: 'x', name: { zh: ' ' }, aliases: [], level: 1 }] }, 'zh-CN')
    expect(problems).toEqual([
      { path: 'version', message: '必须是 1' },
      { path: 'skills[0].name', message: '至少填写一种语言（中文或英文）' },
      { path: 'skills[0].level', message: '未知字段' },
    ])
    expect(await validateImport([], 'en')).toEqual([{ path: '', message: 'Wrong type (expected object)' }])
  })

  test('a student who changes e-mail keeps the account; another student cannot take it', async () => {
    const student = (key: string, email: string) => ({
      key,
      email,
      name: '丙',
      university: 'gxu',
      graduationYear: 2028,
      courses: [],
      skills: [],
      preferredCities: [],
      languages: ['zh'],
      discoverable: false,
    })
    const university = { key: 'gxu', name: { zh: '广西大学' }, city: 'Nanning' }
    await importDocument({ version: 1, universities: [university], students: [student('s1', 'one@example.cn')] })
    const moved = await importDocument({ version: 1, students: [student('s1', 'new@example.cn')] })
    expect(moved.ok && moved.counts.students).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect(await prisma.user.findMany({ select: { email: true } })).toEqual([{ email: 'new@example.cn' }])
    const clash = await validateImport({ version: 1, students: [student('s2', 'new@example.cn'), student('s3', 'new@example.cn')] })
    expect(clash.map((p) => p.path)).toEqual(['students[0].email', 'students[1].email', 'students[1].email'])
  })

  test('an imported result confirms the course the student reported in free text: one verified course, no duplicate', async () => {
    const university = { key: 'gxu', name: { zh: '广西大学' }, city: 'Nanning' }
    const course = {
      key: 'gxu.bc101',
      university: 'gxu',
      code: 'BC101',
      title: { zh: '区块链原理', en: 'Blockchain Principles' },
      skills: [{ skill: 'solidity', level: 3 }],
    }
    const student = (courses: Array<{ course: string; grade: number }>) => ({
      key: 's1',
      email: 'one@example.cn',
      name: '丙',
      university: 'gxu',
      graduationYear: 2028,
      courses,
      skills: [],
      preferredCities: [],
      languages: ['zh'],
      discoverable: false,
    })
    await importDocument({ version: 1, skills: [skill('solidity')], universities: [university], courses: [course], students: [student([])] })
    const profile = await prisma.studentProfile.findUniqueOrThrow({ where: { key: 's1' }, select: { id: true } })
    await addEvidence(profile.id, evidenceSchema.parse({ kind: 'course', title: 'blockchain  principles', skills: [{ skill: 'solidity', level: 2 }] }))
    await addEvidence(profile.id, evidenceSchema.parse({ kind: 'course', title: 'Rust 程序设计', skills: [{ skill: 'solidity', level: 1 }] }))

    const confirmed = await importDocument({ version: 1, students: [student([{ course: 'gxu.bc101', grade: 91 }])] })
    expect(confirmed.ok && confirmed.counts.students).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect(await prisma.studentCourse.findMany({ select: { grade: true, verified: true, course: { select: { key: true } } } })).toEqual([
      { grade: 91, verified: true, course: { key: 'gxu.bc101' } },
    ])
    expect(await prisma.studentEvidence.findMany({ select: { title: true } })).toEqual([{ title: 'Rust 程序设计' }])
  })

  test('applyImport rolls back completely when a write fails', async () => {
    const before = await rowCounts()
    // Validation is skipped on purpose: the unknown university only fails inside the transaction.
    const doc = importSchema.parse({
      version: 1,
      skills: [skill('rollback')],
      courses: [{ key: 'c', university: 'missing', title: { zh: '课' }, skills: [] }],
    })
    await expect(applyImport(doc)).rejects.toThrow(/missing/)
    expect(await rowCounts()).toEqual(before)
  })

  test.runIf(existsSync('scripts/demo-data/demo.json'))('the demo data set is valid', async () => {
    expect(await validateImport(readJson('scripts/demo-data/demo.json'), 'en')).toEqual([])
  })
})
