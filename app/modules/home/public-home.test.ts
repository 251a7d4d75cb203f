// The anonymous home's contest: the published contest whose registration closes next,
// never a hidden or finished one; the next events beside it.
import { expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { SessionUser } from '#app/modules/auth/permissions.server.ts'
import { makeCompanyMember, makeEvent, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { publicHome } from './home.server.ts'

const hour = 3_600_000
const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString()

test('the home shows the contest whose registration closes next, and skips hidden contests', async () => {
  const organizer = await makeUser(['organizer'])
  const contest = (titleZh: string, closesIn: number) =>
    makeEvent(organizer, {
      kind: 'contest',
      titleZh,
      titleEn: titleZh,
      teamSizeMin: 1,
      teamSizeMax: 3,
      registrationClosesAt: at(closesIn),
      startsAt: at(closesIn + 24),
      endsAt: at(closesIn + 30),
    })
  await contest('后截止的大赛', 200)
  const sooner = await contest('先截止的大赛', 100)
  await makeEvent(organizer, { titleZh: '区块链沙龙' })

  let home = await publicHome()
  expect(home.contest?.titleZh).toBe('先截止的大赛')
  expect(home.events.map((event) => event.titleZh)).toContain('区块链沙龙')

  await prisma.event.update({ where: { id: sooner }, data: { hiddenAt: new Date() }, select: { id: true } })
  home = await publicHome()
  expect(home.contest?.titleZh).toBe('后截止的大赛')
  expect(home.events.map((event) => event.titleZh)).not.toContain('先截止的大赛')
})

test('"matched this month" counts each student who applied since the month began once', async () => {
  const { companyId } = await makeCompanyMember({ verified: true })
  const [first, second] = [await makeRole(companyId), await makeRole(companyId)]
  const [ana, bao, cui] = [await makeUser(['student']), await makeUser(['student']), await makeUser(['student'])]
  const apply = (student: SessionUser, roleId: string, createdAt: Date) =>
    prisma.application.create({ data: { roleId, studentId: student.studentProfileId!, createdAt, profileSnapshot: {} }, select: { id: true } })
  const before = (await publicHome()).numbers.matchedThisMonth
  await apply(ana, first.id, new Date())
  await apply(ana, second.id, new Date())
  await apply(bao, first.id, new Date())
  // Long before this month began.
  await apply(cui, first.id, new Date('2020-01-15T00:00:00Z'))
  expect((await publicHome()).numbers.matchedThisMonth).toBe(before + 2)
})
