// "Try as": one account per persona, made on first use from the demo data (scripts/demo-data)
// and signed in without a password. Offered only where env.demoPersonas allows it (outside
// production, on the embedded database; decision 035): everything here answers 404 otherwise.
import { prisma, type Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { queueCredentialTask } from '#app/modules/credentials/tasks.server.ts'
import type { DemoPersona } from './personas.ts'

/** Records of the demo data the personas belong to, by their import keys. */
const DEMO = {
  university: 'gxu',
  company: 'lianrong',
  contest: 'china-asean-contest-2027',
  verifiedCourses: [
    ['gxu.blockchain-principles', 92],
    ['gxu.smart-contract-dev', 88],
    ['gxu.consortium-chain-dev', 85],
  ],
  claimedCourse: 'gxu.software-testing',
} as const

const ACCOUNTS: Record<DemoPersona, { email: string; name: string }> = {
  student: { email: 'demo.student@lianqiao.example', name: '林晓' },
  company: { email: 'demo.company@lianqiao.example', name: '黄工' },
  staff: { email: 'demo.staff@lianqiao.example', name: '韦老师' },
  organizer: { email: 'demo.organizer@lianqiao.example', name: '陈主任' },
  judge: { email: 'demo.judge@lianqiao.example', name: '李教授' },
  admin: { email: 'demo.admin@lianqiao.example', name: '周管理员' },
}

type Anchors = { universityId: string; companyId: string; contestId: string; courseIds: Map<string, string> }

async function demoAnchors(db: Tx | typeof prisma): Promise<Anchors | null> {
  const courseKeys = [...DEMO.verifiedCourses.map(([key]) => key), DEMO.claimedCourse]
  const [university, company, contest, courses] = await Promise.all([
    db.university.findUnique({ where: { key: DEMO.university }, select: { id: true } }),
    db.company.findUnique({ where: { key: DEMO.company }, select: { id: true } }),
    db.event.findUnique({ where: { key: DEMO.contest }, select: { id: true } }),
    db.course.findMany({ where: { key: { in: courseKeys } }, select: { id: true, key: true } }),
  ])
  if (!university || !company || !contest || courses.length !== courseKeys.length) return null
  return { universityId: university.id, companyId: company.id, contestId: contest.id, courseIds: new Map(courses.map((c) => [c.key ?? '', c.id])) }
}

/** Whether the sign-in page offers the personas: allowed here, and the demo data is loaded. */
export async function demoPersonasOffered() {
  return env.demoPersonas && (await demoAnchors(prisma)) !== null
}

/** The persona's account (made on first use) and where it starts; 404 wherever personas are not offered. */
export async function demoPersonaSignIn(persona: DemoPersona): Promise<{ userId: string; landing: string }> {
  if (!env.demoPersonas) throw notFound()
  return prisma.$transaction(async (tx) => {
    const anchors = await demoAnchors(tx)
    if (!anchors) throw notFound()
    const account = ACCOUNTS[persona]
    const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } })
    const userId = existing?.id ?? (await tx.user.create({ data: account, select: { id: true } })).id
    if (!existing) await createPersona(tx, persona, userId, anchors)
    const landing: Record<DemoPersona, string> = {
      student: '/',
      company: '/company',
      staff: '/university',
      organizer: `/organize/events/${anchors.contestId}`,
      judge: `/judge/events/${anchors.contestId}`,
      admin: '/admin',
    }
    return { userId, landing: landing[persona] }
  })
}

async function createPersona(tx: Tx, persona: DemoPersona, userId: string, anchors: Anchors) {
  switch (persona) {
    case 'student':
      return createStudent(tx, userId, anchors)
    case 'company':
      await tx.userRole.create({ data: { userId, role: 'company_member' }, select: { userId: true } })
      await tx.companyMember.create({ data: { userId, companyId: anchors.companyId, role: 'owner' }, select: { userId: true } })
      // A park firm the regional centre has confirmed, as the persona promises.
      await tx.company.updateMany({ where: { id: anchors.companyId, parkVerifiedAt: null }, data: { parkIncubated: true, parkVerifiedAt: new Date() } })
      return
    case 'staff':
      await tx.userRole.create({ data: { userId, role: 'university_staff' }, select: { userId: true } })
      await tx.universityStaff.create({ data: { userId, universityId: anchors.universityId }, select: { userId: true } })
      return
    case 'organizer':
      await tx.userRole.create({ data: { userId, role: 'organizer' }, select: { userId: true } })
      await tx.eventStaff.create({ data: { userId, eventId: anchors.contestId, role: 'organizer' }, select: { userId: true } })
      return
    case 'judge':
      await tx.eventStaff.create({ data: { userId, eventId: anchors.contestId, role: 'judge' }, select: { userId: true } })
      return
    case 'admin':
      await tx.userRole.create({ data: { userId, role: 'admin' }, select: { userId: true } })
      return
  }
}

/** A final-year student with every kind of evidence: verified results, a claimed course, a project, a free-text course, a contest result. */
async function createStudent(tx: Tx, userId: string, anchors: Anchors) {
  await tx.userRole.create({ data: { userId, role: 'student' }, select: { userId: true } })
  const { id: studentId } = await tx.studentProfile.create({
    data: {
      userId,
      universityId: anchors.universityId,
      major: '区块链工程',
      graduationYear: 2027,
      preferredCities: ['南宁'],
      workModes: ['onsite', 'hybrid'],
      daysPerWeek: 4,
      availableFrom: new Date('2027-03-01'),
      visibility: 'discoverable',
      consentedAt: new Date(),
      languages: {
        create: [
          { language: 'zh', level: 'native' },
          { language: 'en', level: 'CET-6' },
        ],
      },
    },
    select: { id: true },
  })
  const course = (key: string) => anchors.courseIds.get(key)!
  await tx.studentCourse.createMany({
    data: [
      ...DEMO.verifiedCourses.map(([key, grade]) => ({ studentId, courseId: course(key), grade, verified: true })),
      { studentId, courseId: course(DEMO.claimedCourse), grade: null, verified: false },
    ],
  })
  // Verified results become course credentials, as after a roster upload.
  for (const [key] of DEMO.verifiedCourses) await queueCredentialTask(tx, { kind: 'course', subjectId: course(key) })
  const skills = await tx.skill.findMany({
    where: { key: { in: ['solidity', 'fisco-bcos', 'go', 'rust', 'react', 'supply-chain-finance', 'smart-contract-testing'] } },
    select: { id: true, key: true },
  })
  const skill = (key: string) => skills.find((s) => s.key === key)?.id
  const levels = (pairs: Array<[string, number]>) => pairs.flatMap(([key, level]) => (skill(key) ? [{ skillId: skill(key)!, level }] : []))
  await tx.studentSkill.createMany({
    data: levels([
      ['go', 3],
      ['react', 2],
    ]).map((s) => ({ studentId, ...s })),
  })
  const evidence: Array<{
    kind: 'project' | 'course' | 'contest'
    title: string
    url?: string
    description?: string
    result?: string
    skills: Array<[string, number]>
  }> = [
    {
      kind: 'project',
      title: '供应链金融应收账款存证平台',
      url: 'https://gitee.com/lianqiao-demo/scf-receivables',
      description: '基于 FISCO BCOS 的应收账款确权与流转原型，Solidity 合约配单元测试。',
      skills: [
        ['solidity', 4],
        ['fisco-bcos', 3],
        ['supply-chain-finance', 3],
        ['smart-contract-testing', 3],
      ],
    },
    { kind: 'course', title: 'Rust 程序设计（中国大学 MOOC）', skills: [['rust', 2]] },
    { kind: 'contest', title: '全国大学生区块链技能大赛（广西赛区）', result: '二等奖', skills: [['solidity', 3]] },
  ]
  for (const item of evidence) {
    const { id: evidenceId } = await tx.studentEvidence.create({
      data: { studentId, kind: item.kind, title: item.title, url: item.url ?? null, description: item.description ?? null, result: item.result ?? null },
      select: { id: true },
    })
    await tx.studentEvidenceSkill.createMany({ data: levels(item.skills).map((s) => ({ evidenceId, studentId, ...s })) })
  }
}
