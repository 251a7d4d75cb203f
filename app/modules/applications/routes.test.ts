// The JSON API and the no-JavaScript apply form, called as the browser and clients do.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { signUpCompany, signUpStudent } from '#app/modules/auth/accounts.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { createSession } from '#app/modules/auth/session.server.ts'
import { unsubscribeToken } from '#app/modules/notifications/preferences.server.ts'
import { action as applyApi } from '#app/routes/api.v1.roles_.$id.applications.ts'
import { loader as listApi } from '#app/routes/api.v1.applications.ts'
import { action as patchApi } from '#app/routes/api.v1.applications_.$id.ts'
import { action as applyForm } from '#app/routes/roles_.$id_.apply.tsx'
import { loader as unsubscribeLoader } from '#app/routes/unsubscribe.$token.tsx'

const password = 'correct horse battery'
let n = 0

async function setup() {
  n++
  const boss = await signUpCompany({ name: `Boss ${n}`, email: `boss${n}@api.cn`, password, companyNameZh: `公司${n}`, city: '南宁', consent: 'on' }, 'en')
  const member = await prisma.companyMember.findFirstOrThrow({ where: { userId: boss.id }, select: { companyId: true } })
  await prisma.company.update({ where: { id: member.companyId }, data: { verifiedAt: new Date() }, select: { id: true } })
  const student = await signUpStudent({ name: `Stu ${n}`, email: `stu${n}@api.cn`, password, consent: 'on' }, 'en')
  await prisma.user.updateMany({ where: { id: { in: [boss.id, student.id] } }, data: { emailVerifiedAt: new Date() } })
  const closesAt = new Date(Date.now() + 86_400_000 * 10)
  const base = {
    companyId: member.companyId,
    titleZh: '测试岗位',
    kind: 'testing' as const,
    city: 'nanning',
    workMode: 'remote' as const,
    stipendMin: 1000,
    stipendMax: 2000,
    daysPerWeek: 3,
    durationMonths: 3,
    languages: [],
    openings: 1,
    deadline: closesAt,
    closesAt,
  }
  const open = await prisma.internshipRole.create({ data: { ...base, key: `role-${n}`, status: 'published', publishedAt: new Date() }, select: { id: true } })
  const draft = await prisma.internshipRole.create({ data: { ...base, status: 'draft' }, select: { id: true } })
  return {
    open,
    draft,
    boss,
    student,
    bossToken: (await createApiToken(boss.id, 'ci')).token,
    studentToken: (await createApiToken(student.id, 'ci')).token,
  }
}

const call = (handler: (args: never) => unknown, url: string, method: string, token: string, params: Record<string, string>, body?: unknown) =>
  handler({
    request: new Request(`http://localhost${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Accept-Language': 'en' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    }),
    params,
    context: {},
  } as never) as Promise<Response>

describe('applications API', () => {
  test('apply by key, 409 with the existing one, 404 for a draft, 422 for an overlong note', async () => {
    const s = await setup()
    const created = await call(applyApi, '/api/v1/roles/key:x/applications', 'POST', s.studentToken, { id: `key:role-${n}` }, { note: 'Hello' })
    expect(created.status).toBe(201)
    const body = (await created.json()) as { id: string; status: string }
    expect(body.status).toBe('submitted')

    const again = await call(applyApi, '/x', 'POST', s.studentToken, { id: s.open.id }, {})
    expect(again.status).toBe(409)
    expect(again.headers.get('Content-Type')).toContain('application/problem+json')
    expect(await again.json()).toMatchObject({ status: 409, application: { id: body.id, status: 'submitted' } })

    const draft = await call(applyApi, '/x', 'POST', s.studentToken, { id: s.draft.id }, {})
    expect(draft.status).toBe(404)
    const long = await call(applyApi, '/x', 'POST', s.studentToken, { id: s.draft.id }, { note: 'x'.repeat(2001) })
    expect(long.status).toBe(422)
    expect(((await long.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('note')
    const broken = await call(applyApi, '/x', 'POST', s.studentToken, { id: s.open.id }, '{not json')
    expect(broken.status).toBe(400)
    expect(await prisma.application.count({ where: { roleId: { in: [s.open.id, s.draft.id] } } })).toBe(1)
  })

  test('PATCH moves an application for its company only; illegal steps are 422 and nothing changes', async () => {
    const s = await setup()
    const other = await setup()
    const created = (await (await call(applyApi, '/x', 'POST', s.studentToken, { id: s.open.id }, {})).json()) as { id: string }
    const foreign = await call(patchApi, '/x', 'PATCH', other.bossToken, { id: created.id }, { status: 'reviewing' })
    expect(foreign.status).toBe(404)
    const illegal = await call(patchApi, '/x', 'PATCH', s.bossToken, { id: created.id }, { status: 'offer' })
    expect(illegal.status).toBe(422)
    expect(((await illegal.json()) as { title: string }).title).toBe('An application cannot move from “Submitted” to “Offer”.')
    const bad = await call(patchApi, '/x', 'PATCH', s.bossToken, { id: created.id }, { status: 'hired' })
    expect(bad.status).toBe(422)
    const asStudent = await call(patchApi, '/x', 'PATCH', s.studentToken, { id: created.id }, { status: 'reviewing' })
    expect(asStudent.status).toBe(404)
    expect((await prisma.application.findUniqueOrThrow({ where: { id: created.id }, select: { status: true } })).status).toBe('submitted')
    const ok = await call(patchApi, '/x', 'PATCH', s.bossToken, { id: created.id }, { status: 'reviewing' })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ id: created.id, status: 'reviewing' })

    const mine = (await (await call(listApi, '/api/v1/applications', 'GET', s.studentToken, {})).json()) as { items: Array<{ id: string; status: string }> }
    expect(mine.items.map((i) => [i.id, i.status])).toEqual([[created.id, 'reviewing']])
    const byRole = (await (await call(listApi, `/api/v1/applications?role=key:role-${n - 1}`, 'GET', s.bossToken, {})).json()) as { items: unknown[] }
    expect(byRole.items).toHaveLength(1)
    const notTheirs = await call(listApi, `/api/v1/applications?role=${s.open.id}`, 'GET', other.bossToken, {})
    expect(notTheirs.status).toBe(404)
  })
})

describe('apply form without JavaScript', () => {
  test('a plain POST applies; resubmitting it lands on the same application', async () => {
    const s = await setup()
    const { token } = await createSession(s.student.id)
    const post = () =>
      applyForm({
        request: new Request(`http://localhost/roles/${s.open.id}/apply`, {
          method: 'POST',
          headers: { Cookie: `lq_session=${token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ note: 'Plain form' }),
        }),
        params: { id: s.open.id },
        context: {},
      }) as Promise<Response>
    const first = await post()
    expect(first.status).toBe(302)
    expect(first.headers.get('Location')).toBe('/applications')
    const second = await post()
    expect(second.status).toBe(302)
    expect(await prisma.application.count({ where: { roleId: s.open.id } })).toBe(1)
  })

  test('the unsubscribe page works without signing in and refuses a forged token', async () => {
    const s = await setup()
    const ok = (await unsubscribeLoader({
      request: new Request('http://localhost/u'),
      params: { token: unsubscribeToken(s.student.id, 'application.message') },
      context: {},
    })) as unknown as { data: { type: string }; init: { status: number } }
    expect(ok.data.type).toBe('application.message')
    const pref = await prisma.notificationPreference.findUniqueOrThrow({
      where: { userId_type: { userId: s.student.id, type: 'application.message' } },
      select: { email: true },
    })
    expect(pref.email).toBe(false)
    const forged = (await unsubscribeLoader({ request: new Request('http://localhost/u'), params: { token: 'eyJ1IjoieCJ9.bad' }, context: {} })) as unknown as {
      init: { status: number }
    }
    expect(forged.init.status).toBe(404)
  })
})
