// The homes and what feeds them, through the routes as a browser without JavaScript uses
// them: a student saves a role and finds its deadline on the home; an organizer picks the
// skills an event teaches with the skill picker's rows; a company member's home.
import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { makeCompanyMember, makeRole, makeUser, seedSkills } from '#tests/fixtures.server.ts'
import { routeArgs } from '#tests/api-request.ts'
import { loader as homeLoader } from './_index.tsx'
import { action as newEventAction } from './organize.events.new.tsx'
import { loader as editEventLoader } from './organize.events.$id.edit.tsx'
import { action as roleAction, loader as roleLoader } from './roles.$id.tsx'

async function cookieFor(userId: string) {
  const { token } = await createSession(userId)
  return `${cookieName(SESSION_COOKIE)}=${token}; lq_lang=en`
}

const get = (url: string, cookie: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } })
const post = (url: string, cookie: string, fields: Record<string, string>) =>
  new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })

async function body(result: unknown) {
  if (result instanceof Response) return { status: result.status, headers: result.headers, data: null }
  const wrapped = result as { data?: unknown; init?: { status?: number } | null; type?: string }
  if (wrapped && wrapped.type === 'DataWithResponseInit') return { status: wrapped.init?.status ?? 200, headers: null, data: wrapped.data }
  return { status: 200, headers: null, data: result }
}

let company: Awaited<ReturnType<typeof makeCompanyMember>>

beforeAll(async () => {
  await seedSkills()
  company = await makeCompanyMember({ nameZh: '南宁链工坊' })
})

describe('saving a role', () => {
  test('a student saves an open role from its page; its deadline is on the home; removing it takes it off', async () => {
    const student = await makeUser(['student'])
    const cookie = await cookieFor(student.id)
    const role = await makeRole(company.companyId, { titleEn: 'Saved intern' })
    const url = `/roles/${role.id}`

    expect(((await roleLoader(routeArgs(get(url, cookie), { id: role.id }))) as { saved: boolean | null }).saved).toBe(false)
    const saved = await body(await roleAction(routeArgs(post(url, cookie, { intent: 'save' }), { id: role.id })))
    expect(saved.status).toBe(302)
    expect(((await roleLoader(routeArgs(get(url, cookie), { id: role.id }))) as { saved: boolean | null }).saved).toBe(true)

    const home = (await homeLoader(routeArgs(get('/', cookie)))) as { student: { deadlines: Array<{ kind: string; role: { id: string } }> } }
    expect(home.student.deadlines).toEqual([expect.objectContaining({ kind: 'saved', role: expect.objectContaining({ id: role.id }) })])

    await roleAction(routeArgs(post(url, cookie, { intent: 'unsave' }), { id: role.id }))
    const after = (await homeLoader(routeArgs(get('/', cookie)))) as { student: { deadlines: unknown[] } }
    expect(after.student.deadlines).toEqual([])
  })

  test('only a student may save, only an open role, and an unknown intent is refused', async () => {
    const role = await makeRole(company.companyId)
    const closed = await makeRole(company.companyId, { status: 'closed' })
    const memberCookie = await cookieFor(company.user.id)
    await expect(roleAction(routeArgs(post(`/roles/${role.id}`, memberCookie, { intent: 'save' }), { id: role.id }))).rejects.toMatchObject({ status: 404 })
    const studentCookie = await cookieFor((await makeUser(['student'])).id)
    await expect(roleAction(routeArgs(post(`/roles/${closed.id}`, studentCookie, { intent: 'save' }), { id: closed.id }))).rejects.toMatchObject({
      status: 404,
    })
    expect((await body(await roleAction(routeArgs(post(`/roles/${role.id}`, studentCookie, { intent: 'delete' }), { id: role.id })))).status).toBe(400)
  })
})

describe('the skills an event teaches', () => {
  const eventFields = (skills: Record<string, string>) => ({
    kind: 'lecture',
    titleZh: '智能合约安全讲座',
    startsAt: '2031-03-01T14:00',
    endsAt: '2031-03-01T16:00',
    registrationOpensAt: '2031-02-01T09:00',
    registrationClosesAt: '2031-02-28T18:00',
    eligibility: 'students',
    ...skills,
  })

  test('the picker’s rows are stored; a search result left without a level is not chosen; the edit form shows them', async () => {
    const organizer = await makeUser(['organizer'])
    const cookie = await cookieFor(organizer.id)
    const response = await newEventAction(
      routeArgs(
        post(
          '/organize/events/new',
          cookie,
          eventFields({
            'skills[0].skill': 'solidity',
            'skills[0].level': '4',
            'skills[1].skill': 'fisco-bcos',
            'skills[1].level': '',
          }),
        ),
      ),
    )
    expect(response).toBeInstanceOf(Response)
    const location = (response as Response).headers.get('Location') ?? ''
    const eventId = location.split('/').pop()!
    const stored = await prisma.eventSkill.findMany({ where: { eventId }, select: { level: true, skill: { select: { key: true } } } })
    expect(stored).toEqual([{ level: 4, skill: { key: 'solidity' } }])

    const edit = (await editEventLoader(routeArgs(get(`/organize/events/${eventId}/edit?skillq=FISCO`, cookie), { id: eventId }))) as {
      skills: Array<{ key: string; level: number; name: string }>
      skillSearch: { results: Array<{ key: string }> }
    }
    expect(edit.skills).toEqual([expect.objectContaining({ key: 'solidity', level: 4, name: 'Solidity' })])
    expect(edit.skillSearch.results.map((r) => r.key)).toContain('fisco-bcos')
  })

  test('a skill that is not in the taxonomy is refused on the skills field, in the reader’s language, and nothing is written', async () => {
    const organizer = await makeUser(['organizer'])
    const cookie = await cookieFor(organizer.id)
    const before = await prisma.event.count()
    const reply = await body(
      await newEventAction(routeArgs(post('/organize/events/new', cookie, eventFields({ 'skills[0].skill': 'no-such-skill', 'skills[0].level': '3' })))),
    )
    expect(reply.status).toBe(422)
    expect(JSON.stringify(reply.data)).toContain('no-such-skill')
    expect(JSON.stringify(reply.data)).toContain('skill taxonomy')
    expect(await prisma.event.count()).toBe(before)
  })
})

describe('the company home', () => {
  test('a member’s home holds the company’s blocks; a student’s holds none of them', async () => {
    const cookie = await cookieFor(company.user.id)
    const home = (await homeLoader(routeArgs(get('/', cookie)))) as {
      companyMember: boolean
      company: { company: { id: string }; closing: unknown[]; applicants: { count: number }; candidates: { allowed: boolean } } | null
      student: unknown
    }
    expect(home.companyMember).toBe(true)
    expect(home.company?.company.id).toBe(company.companyId)
    expect(home.company?.candidates.allowed).toBe(true)
    expect(home.student).toBeNull()
    const studentHome = (await homeLoader(routeArgs(get('/', await cookieFor((await makeUser(['student'])).id))))) as {
      companyMember: boolean
      company: unknown
    }
    expect(studentHome).toMatchObject({ companyMember: false, company: null })
  })
})
