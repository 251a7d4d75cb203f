import { beforeEach, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { addEvidence, listEvidence, removeEvidence } from './evidence.server.ts'
import { evidenceSchema } from './schemas.ts'

beforeEach(async () => {
  await prisma.$executeRawUnsafe('TRUNCATE "Skill", "User" CASCADE')
})

async function student() {
  await prisma.skill.create({ data: { key: 'solidity', nameZh: 'Solidity', aliases: [] }, select: { id: true } })
  const user = await prisma.user.create({
    data: { email: 'e1@stu.cn', name: 'S', roles: { create: { role: 'student' } }, studentProfile: { create: {} } },
    select: { studentProfile: { select: { id: true } } },
  })
  return user.studentProfile!.id
}

describe('self-reported evidence', () => {
  test('a project with its skills is stored, logged for the matching index, listed and removed', async () => {
    const studentId = await student()
    const since = await prisma.matchChange.aggregate({ _max: { seq: true } })
    const value = evidenceSchema.parse({
      kind: 'project',
      title: '供应链金融存证',
      url: 'https://gitee.com/demo/chain',
      skills: [
        { skill: 'solidity', level: 3 },
        { skill: '', level: '' },
      ],
    })
    const { id } = await addEvidence(studentId, value)
    const logged = await prisma.matchChange.findMany({ where: { seq: { gt: since._max.seq ?? 0n }, kind: 'student' }, select: { entityId: true } })
    expect(logged.map((c) => c.entityId)).toContain(studentId)
    expect(await listEvidence(studentId)).toMatchObject([
      { kind: 'project', title: '供应链金融存证', url: 'https://gitee.com/demo/chain', skills: [{ level: 3, skill: { key: 'solidity' } }] },
    ])
    await removeEvidence(studentId, id)
    expect(await listEvidence(studentId)).toEqual([])
    await expect(removeEvidence(studentId, id)).rejects.toMatchObject({ status: 404 })
  })

  test('links are http(s) only, dates in order, and unknown skills are a field error', async () => {
    expect(evidenceSchema.safeParse({ kind: 'project', title: 'x', url: 'javascript:alert(1)' }).error?.issues[0]?.path).toEqual(['url'])
    expect(
      evidenceSchema.safeParse({ kind: 'work', title: 'x', startsOn: new Date('2026-05-01'), endsOn: new Date('2026-04-01') }).error?.issues[0]?.path,
    ).toEqual(['endsOn'])
    const studentId = await student()
    await expect(addEvidence(studentId, evidenceSchema.parse({ kind: 'course', title: 'Rust', skills: [{ skill: 'rust', level: 2 }] }))).rejects.toMatchObject({
      status: 422,
      key: 'universities.unknownSkill',
    })
    expect(await listEvidence(studentId)).toEqual([])
  })
})
