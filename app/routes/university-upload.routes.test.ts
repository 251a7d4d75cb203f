// The catalogue upload's preview as staff use it without JavaScript: a skill key the
// taxonomy lacks gets a skill picker; its search posts the draft along, and picking a
// skill with a level replaces the key and previews again, ready to confirm.
import { beforeAll, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { makeUser, seedSkills } from '#tests/fixtures.server.ts'
import { routeArgs } from '#tests/api-request.ts'
import { action as uploadAction } from './university.upload.tsx'

let cookie = ''

beforeAll(async () => {
  await seedSkills()
  const university = await prisma.university.create({ data: { key: 'bbgu', nameZh: '北部湾大学', city: 'qinzhou' }, select: { id: true } })
  const staff = await makeUser(['university_staff'])
  await prisma.universityStaff.create({ data: { userId: staff.id, universityId: university.id } })
  cookie = `${cookieName(SESSION_COOKIE)}=${(await createSession(staff.id)).token}; lq_lang=en`
})

type Reply = {
  preview: { unknownSkills: { keys: string[]; draft: { payload: string; signature: string } } | null; confirm: { payload: string } | null } | null
  problems: Array<{ text: string }>
  skillSearch: { from: string; query: string; results: Array<{ key: string }> } | null
}

async function send(body: FormData | URLSearchParams) {
  const result = await uploadAction(routeArgs(new Request('http://localhost/university/upload', { method: 'POST', headers: { Cookie: cookie }, body })))
  const wrapped = result as unknown as { data: Reply; init: { status?: number } | null }
  return { status: wrapped.init?.status ?? 200, reply: wrapped.data }
}

test('an unknown skill key is replaced through the picker’s search-then-choose form', async () => {
  const file = new FormData()
  file.set('intent', 'preview')
  file.set('file', new File(['code,title_zh,skills\nSC1,智能合约实践,smart-contract:3;react:2\n'], 'catalogue.csv', { type: 'text/csv' }))
  const preview = await send(file)
  expect(preview.status).toBe(422)
  expect(preview.reply.problems.map((p) => p.text)).toEqual(['Unknown skill: smart-contract'])
  const unknown = preview.reply.preview!.unknownSkills!
  expect(unknown.keys).toEqual(['smart-contract'])

  // The search box's form posts the draft with the query; the preview comes back with results.
  const found = await send(new URLSearchParams({ ...unknown.draft, from: 'smart-contract', intent: 'find-skill', skillq: '合约开发' }))
  expect(found.reply.skillSearch).toMatchObject({ from: 'smart-contract', query: '合约开发' })
  expect(found.reply.skillSearch!.results.map((r) => r.key)).toContain('smart-contracts')
  expect(found.reply.preview!.unknownSkills!.keys).toEqual(['smart-contract'])

  // Choosing nothing says so; choosing one replaces the key and leaves a preview to confirm.
  const none = await send(
    new URLSearchParams({ ...unknown.draft, from: 'smart-contract', intent: 'replace-skill', 'skills[0].skill': 'smart-contracts', 'skills[0].level': '' }),
  )
  expect(none.reply.problems.map((p) => p.text)).toContain('Choose one skill')
  const fixed = await send(
    new URLSearchParams({ ...unknown.draft, from: 'smart-contract', intent: 'replace-skill', 'skills[0].skill': 'smart-contracts', 'skills[0].level': '4' }),
  )
  expect(fixed.status).toBe(200)
  expect(fixed.reply.problems).toEqual([])
  expect(fixed.reply.preview!.confirm!.payload).toBe('code,title_zh,skills\nSC1,智能合约实践,smart-contracts:4;react:2\n')

  // A draft changed on the way is refused.
  const forged = await send(
    new URLSearchParams({ ...unknown.draft, payload: 'code,title_zh,skills\nX,Y,react:5\n', from: 'smart-contract', intent: 'find-skill' }),
  )
  expect(forged.status).toBe(400)
})
