// A contest team outlives its captain, forms without JavaScript: the captain deletes their
// account, and the team (passed to the next member), its registration and its submission
// stay, as the other member and the organizer see.
import { expect, signUpStudent, test } from './fixtures.ts'
import { createAndPublish, expectToast, newOrganizer, newPage, publish } from './organizer.ts'

test('a captain deletes their account; the team, its registration and its submission stay', async ({ browser }) => {
  // Five people sign up through the pages: slow on a loaded machine.
  test.setTimeout(420_000)
  const suffix = Date.now().toString(36)
  const title = `链上应用接力赛 ${suffix}`
  const teamName = `右江链队 ${suffix}`

  const organizer = await newOrganizer(browser, '接力赛组织者', false)
  const dashboard = await createAndPublish(organizer, {
    kind: '大赛',
    title,
    capacity: '10',
    contest: { tracks: 'trade | 跨境贸易 | Cross-border trade', rules: '作品须为原创。' },
  })
  await publish(organizer)
  const eventPath = `/events/${new URL(dashboard).pathname.split('/').at(-1)}`

  // The captain creates the team; a second student joins by its link; the captain registers it.
  const captain = await newPage(browser, false)
  const captainEmail = await signUpStudent(captain, { name: '队长覃同学' })
  await captain.goto(`${eventPath}/teams`)
  await captain.getByLabel('队名').fill(teamName)
  await captain.getByRole('button', { name: '创建队伍' }).click()
  await expectToast(captain, '队伍已创建')
  const teamPath = new URL(captain.url()).pathname
  const inviteLink = ((await captain.getByText(/\/teams\?code=/).textContent()) ?? '').trim()

  const member = await newPage(browser, false)
  await signUpStudent(member, { name: '队员蒙同学' })
  await member.goto(inviteLink)
  await member.getByRole('button', { name: '申请加入' }).click()
  await expectToast(member, '已发送加入申请，等待队长确认')

  await captain.goto(teamPath)
  await captain.getByRole('listitem').filter({ hasText: '队员蒙同学' }).getByRole('button', { name: '接受' }).click()
  await expectToast(captain, '已接受')
  await captain.goto(eventPath)
  await captain.getByLabel('我已阅读并同意上述规则').check()
  await captain.getByRole('button', { name: '以队伍报名' }).click()
  await expectToast(captain, '报名成功')

  await member.goto(teamPath)
  await member.getByLabel('项目名称').fill('东盟跨境结算链')
  await member.getByLabel('项目介绍').fill('用联盟链结算中国—东盟跨境小额贸易。')
  await member.getByRole('button', { name: '保存作品' }).click()
  await expectToast(member, '作品已保存')

  // The captain deletes their account.
  await captain.goto('/profile/delete')
  await captain.getByLabel('输入你的邮箱以确认').fill(captainEmail)
  await captain.getByRole('button', { name: '删除账号' }).click()
  await expectToast(captain, '账号已删除')

  // The member now captains the team, registered, with its submission.
  await member.goto(teamPath)
  await expect(member.getByRole('heading', { level: 1, name: teamName })).toBeVisible()
  const members = member.getByRole('list').filter({ has: member.getByText('队员蒙同学') })
  await expect(members.getByRole('listitem')).toHaveCount(1)
  await expect(members.getByRole('listitem')).toContainText('队长')
  await expect(member.getByText('队伍报名状态：已确认')).toBeVisible()
  await expect(member.getByRole('heading', { name: '东盟跨境结算链' })).toBeVisible()
  await member.goto(eventPath)
  await expect(member.getByText('你的报名状态：已确认')).toBeVisible()

  // The organizer sees the registration, now in the member's name, and the submission.
  await organizer.goto(dashboard)
  const registration = organizer.getByRole('row').filter({ hasText: teamName })
  await expect(registration).toHaveCount(1)
  await expect(registration).toContainText('队员蒙同学')
  await expect(registration).toContainText('已确认')
  await expect(organizer.getByRole('row').filter({ hasText: '队长覃同学' })).toHaveCount(0)
  await organizer.goto(teamPath)
  await expect(organizer.getByRole('heading', { name: '东盟跨境结算链' })).toBeVisible()

  for (const page of [organizer, captain, member]) await page.context().close()
})
