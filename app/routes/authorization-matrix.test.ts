// The authorisation matrix: every route file in app/routes is tried by every persona with a
// real session (pages) or a real token (API), and each answer must be the expected allow,
// 404, 403 or sign-in. The route list is read from the folder, so a new route without a row
// fails here until someone decides who may use it.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import type { AccountRole } from '#app/generated/prisma/enums.ts'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { createSession, SESSION_COOKIE, type SessionUser } from '#app/modules/auth/session.server.ts'
import { registerForEvent } from '#app/modules/events/registrations.server.ts'
import { createRole } from '#app/modules/roles/roles.server.ts'
import { makeCompanyMember, makeEvent, makeUser, roleFields, seedSkills } from '#tests/fixtures.server.ts'
import { ensureRoleIndex } from '#app/modules/search/role-index.server.ts'
import { routeArgs } from '#tests/api-request.ts'

const personas = ['anonymous', 'student', 'unverifiedStudent', 'memberA', 'memberB', 'memberUnverified', 'staff', 'organizer', 'judge', 'admin'] as const
type Persona = (typeof personas)[number]
/** allow: a 2xx (or a page's own answer); signin: the redirect to /signin (a 401 for the API); home: requireAnonymous's redirect. */
type Outcome = 'allow' | 404 | 403 | 'signin' | 'home'
type Expected = Record<Persona, Outcome>

const rolesOf: Record<Persona, AccountRole[]> = {
  anonymous: [],
  student: ['student'],
  unverifiedStudent: ['student'],
  memberA: ['company_member'],
  memberB: ['company_member'],
  memberUnverified: ['company_member'],
  staff: ['university_staff'],
  organizer: ['organizer'],
  // A judge invitation grants the event staff row only, no platform role.
  judge: [],
  admin: ['admin'],
}

const everyone = (outcome: Outcome): Expected => Object.fromEntries(personas.map((p) => [p, outcome])) as Expected
const publicPage = everyone('allow')
const signedIn: Expected = { ...everyone('allow'), anonymous: 'signin' }
const anonymousOnly: Expected = { ...everyone('home'), anonymous: 'allow' }
/** Signed-in users whose platform roles include one of `roles`; others 404. */
const withRole = (...roles: AccountRole[]): Expected =>
  Object.fromEntries(personas.map((p) => [p, p === 'anonymous' ? 'signin' : rolesOf[p].some((r) => roles.includes(r)) ? 'allow' : 404])) as Expected
const only = (base: Expected, allowed: Persona[], otherwise: Outcome = 404): Expected =>
  Object.fromEntries(personas.map((p) => [p, p === 'anonymous' ? base.anonymous : allowed.includes(p) ? 'allow' : otherwise])) as Expected
/** The API: no token → 401 ('signin'); a token's user outside the resource → 404. */
const apiPublic = everyone('allow')
const apiUser = (allowed: Persona[], otherwise: Outcome = 404): Expected => ({ ...only(everyone('allow'), allowed, otherwise), anonymous: 'signin' })
/** Personas whose token lacks the endpoint's scope (their roles do not allow it): 403. */
const noScope = (...who: Persona[]): Partial<Expected> => Object.fromEntries(who.map((p) => [p, 403]))

type Ids = Awaited<ReturnType<typeof seed>>
/** `ownSession`: the request ends its session (sign-out), so it gets one of its own. */
type Row = { url: (ids: Ids) => string; method?: 'GET' | 'POST' | 'PATCH' | 'DELETE'; body?: unknown; ownSession?: boolean; expected: Expected }

/** One row per route file; the key is the file name in app/routes. */
const matrix: Record<string, Row | null> = {
  '$.tsx': { url: () => '/no-such-page', expected: everyone(404) },
  '_index.tsx': { url: () => '/', expected: publicPage },
  'account.tsx': { url: () => '/account', expected: signedIn },
  'account_.sessions.tsx': { url: () => '/account/sessions', expected: signedIn },
  'admin._index.tsx': { url: () => '/admin', expected: withRole('admin') },
  'admin.companies.tsx': { url: () => '/admin/companies', expected: withRole('admin') },
  'admin.moderation.tsx': { url: () => '/admin/moderation', expected: withRole('admin') },
  'admin.reviews.tsx': { url: () => '/admin/reviews', expected: withRole('admin') },
  'admin.verifications.tsx': { url: () => '/admin/verifications', expected: withRole('admin') },
  'admin.verifications_.$id.licence.ts': { url: () => '/admin/verifications/no-such-application/licence', expected: { ...withRole('admin'), admin: 404 } },
  'admin.skill-gap.tsx': { url: () => '/admin/skill-gap', expected: withRole('admin') },
  'admin.skill-gap[.csv].ts': { url: () => '/admin/skill-gap.csv', expected: withRole('admin') },
  'admin.skills.tsx': { url: () => '/admin/skills', expected: withRole('admin') },
  'admin.trusted-issuers.tsx': { url: () => '/admin/trusted-issuers', expected: withRole('admin') },
  'admin.skills_.$id.tsx': { url: (i) => `/admin/skills/${i.skillId}`, expected: withRole('admin') },
  'applications.$id.tsx': { url: (i) => `/applications/${i.applicationId}`, expected: only(signedIn, ['student']) },
  'applications._index.tsx': { url: () => '/applications', expected: withRole('student') },
  // Issuer staff (a university's, a company's, the organizer) and admins revoke credentials.
  'credentials.issued.tsx': {
    url: () => '/credentials/issued',
    expected: only(signedIn, ['memberA', 'memberB', 'memberUnverified', 'staff', 'organizer', 'admin']),
  },
  'credentials._index.tsx': { url: () => '/credentials', expected: withRole('student') },
  'credentials.$id.certificate.tsx': { url: () => '/credentials/no-such-credential/certificate', expected: { ...everyone(404), anonymous: 'signin' } },
  'credentials.$id.download[.json].ts': { url: () => '/credentials/no-such-credential/download.json', expected: { ...everyone(404), anonymous: 'signin' } },
  'claim.$token.tsx': { url: () => '/claim/not-a-token', expected: everyone(404) },
  'companies.$id.tsx': { url: (i) => `/companies/${i.companyA}`, expected: publicPage },
  'companies.$id_.logo.ts': { url: (i) => `/companies/${i.companyA}/logo`, expected: everyone(404) },
  'company._index.tsx': { url: () => '/company', expected: withRole('company_member') },
  'company.profile.tsx': { url: () => '/company/profile', expected: withRole('company_member') },
  'company.verification.tsx': { url: () => '/company/verification', expected: withRole('company_member') },
  'company.roles.$id.edit.tsx': { url: (i) => `/company/roles/${i.draftRoleA}/edit`, expected: only(signedIn, ['memberA', 'admin']) },
  'company.roles.new.tsx': { url: () => '/company/roles/new', expected: withRole('company_member') },
  // The application was sent without a résumé: nothing to download, for anyone.
  'company_.applications.$id.resume.ts': { url: (i) => `/company/applications/${i.applicationId}/resume`, expected: { ...everyone(404), anonymous: 'signin' } },
  'company_.applications.$id.tsx': { url: (i) => `/company/applications/${i.applicationId}`, expected: only(signedIn, ['memberA']) },
  'company_.applications._index.tsx': { url: () => '/company/applications', expected: withRole('company_member') },
  'company_.roles.$id.applicants.tsx': { url: (i) => `/company/roles/${i.publishedRoleA}/applicants`, expected: only(signedIn, ['memberA']) },
  'company_.roles.$id.candidates.tsx': { url: (i) => `/company/roles/${i.publishedRoleA}/candidates`, expected: only(signedIn, ['memberA', 'admin']) },
  'dev.mail.tsx': { url: () => '/dev/mail', expected: publicPage },
  'dev.mail_.$name.ts': { url: () => '/dev/mail/no-such.eml', expected: everyone(404) },
  'events.$id.tsx': { url: (i) => `/events/${i.eventX}`, expected: publicPage },
  // The calendar file of one's own registration: only the registered student has one.
  'events.$id_.calendar[.ics].ts': { url: (i) => `/events/${i.eventX}/calendar.ics`, expected: only(signedIn, ['student']) },
  // Event X is a lecture: it has no teams page for anyone.
  'events.$id_.teams.tsx': { url: (i) => `/events/${i.eventX}/teams`, expected: { ...everyone(404), anonymous: 'signin' } },
  'events.$id_.ticket.tsx': { url: (i) => `/events/${i.eventX}/ticket`, expected: only(signedIn, ['student']) },
  'events._index.tsx': { url: () => '/events', expected: publicPage },
  'events.mine.tsx': { url: () => '/events/mine', expected: signedIn },
  'healthz.ts': { url: () => '/healthz', expected: publicPage },
  // Readiness is the process's (its matching index, its jobs), the same for every caller, with no user data.
  'readyz.ts': null,
  'help.https.tsx': { url: () => '/help/https', expected: publicPage },
  'issuers._index.tsx': { url: () => '/issuers', expected: publicPage },
  'issuers.$id.tsx': { url: () => '/issuers/no-such-issuer', expected: everyone(404) },
  'invite.$token.tsx': { url: () => '/invite/not-a-token', expected: everyone(404) },
  'judge.events.$id.tsx': { url: (i) => `/judge/events/${i.eventX}`, expected: only(signedIn, ['judge']) },
  'lang.ts': { url: () => '/lang', method: 'POST', body: { locale: 'en', redirectTo: '/' }, expected: everyone('home') },
  'notifications._index.tsx': { url: () => '/notifications', expected: signedIn },
  'report.tsx': { url: () => '/report?targetType=role&targetId=x', expected: signedIn },
  'reports.tsx': { url: () => '/reports', expected: signedIn },
  'notifications.preferences.tsx': { url: () => '/notifications/preferences', expected: signedIn },
  'onboarding.tsx': { url: () => '/onboarding', expected: withRole('student') },
  // Its page has no loader; asking for a link answers alike for everyone.
  'password.forgot.tsx': { url: () => '/password/forgot', method: 'POST', body: { email: 'nobody@example.cn' }, expected: publicPage },
  'password.reset.$token.tsx': { url: () => '/password/reset/not-a-token', expected: everyone(404) },
  'organize._index.tsx': { url: () => '/organize', expected: withRole('organizer', 'admin') },
  'organize.events.$id._index.tsx': { url: (i) => `/organize/events/${i.eventX}`, expected: only(signedIn, ['organizer', 'admin']) },
  'organize.events.$id.checkin.tsx': { url: (i) => `/organize/events/${i.eventX}/checkin`, expected: only(signedIn, ['organizer', 'admin']) },
  'organize.events.$id.edit.tsx': { url: (i) => `/organize/events/${i.eventX}/edit`, expected: only(signedIn, ['organizer', 'admin']) },
  'organize.events.$id.judging.tsx': { url: (i) => `/organize/events/${i.eventX}/judging`, expected: only(signedIn, ['organizer', 'admin']) },
  'organize.events.$id.registrations[.csv].ts': {
    url: (i) => `/organize/events/${i.eventX}/registrations.csv`,
    expected: only(signedIn, ['organizer', 'admin']),
  },
  'organize.events.new.tsx': { url: () => '/organize/events/new', expected: withRole('organizer', 'admin') },
  'profile.delete.tsx': { url: () => '/profile/delete', expected: withRole('student') },
  'profile.export.ts': { url: () => '/profile/export', expected: withRole('student') },
  // Someone else's résumé id (here: not a résumé of theirs) is a 404 even for students.
  'profile.resume.$id.ts': { url: (i) => `/profile/resume/${i.applicationId}`, expected: { ...everyone(404), anonymous: 'signin' } },
  // Public; its accept page sends a user who already accepted the current version on (to '/').
  'privacy._index.tsx': { url: () => '/privacy', expected: publicPage },
  'privacy.accept.tsx': { url: () => '/privacy/accept', expected: { ...everyone('home'), anonymous: 'signin' } },
  'profile.tsx': { url: () => '/profile', expected: withRole('student') },
  'profile_.resume-skills.tsx': { url: () => '/profile/resume-skills', expected: withRole('student') },
  'profile_.views.tsx': { url: () => '/profile/views', expected: withRole('student') },
  'roles.$id.tsx': { url: (i) => `/roles/${i.draftRoleA}`, expected: { ...everyone(404), memberA: 'allow', admin: 'allow' } },
  'roles._index.tsx': { url: () => '/roles', expected: publicPage },
  'roles_.$id_.apply.tsx': { url: (i) => `/roles/${i.unverifiedRole}/apply`, expected: { ...withRole('student'), student: 404, unverifiedStudent: 404 } },
  'saved-searches.tsx': { url: () => '/saved-searches', expected: withRole('student') },
  'skills.search.ts': { url: () => '/skills/search?q=solidity', expected: publicPage },
  'signin.tsx': { url: () => '/signin', expected: anonymousOnly },
  // "Try as" exists only on the embedded development database, never in the test's (decision 035).
  'signin_.demo.ts': { url: () => '/signin/demo', method: 'POST', body: { persona: 'admin' }, expected: everyone(404) },
  'signout.tsx': { url: () => '/signout', method: 'POST', ownSession: true, expected: everyone('home') },
  'signup.tsx': { url: () => '/signup', expected: anonymousOnly },
  // A team's members and the event's organizers; judges score on their own page.
  'teams.$id.tsx': { url: (i) => `/teams/${i.teamX}`, expected: { ...everyone(404), student: 'allow', organizer: 'allow', admin: 'allow' } },
  'teams.$id_.screenshots.$index.ts': { url: (i) => `/teams/${i.teamX}/screenshots/0`, expected: everyone(404) },
  'university._index.tsx': { url: () => '/university', expected: withRole('university_staff', 'admin') },
  'university.courses.$courseId.tsx': { url: (i) => `/university/courses/${i.courseU}`, expected: withRole('university_staff') },
  'university.roster.tsx': { url: () => '/university/roster', expected: withRole('university_staff') },
  'university.skill-gap.tsx': { url: () => '/university/skill-gap', expected: withRole('university_staff') },
  'university.skill-gap[.csv].ts': { url: () => '/university/skill-gap.csv', expected: withRole('university_staff') },
  'university.upload.tsx': { url: () => '/university/upload', expected: withRole('university_staff') },
  'verify-email._index.tsx': { url: () => '/verify-email', expected: publicPage },
  'verify-email.$token.tsx': { url: () => '/verify-email/not-a-token', expected: everyone(404) },
  'verify.tsx': { url: () => '/verify', expected: publicPage },
  'unsubscribe.$token.tsx': { url: () => '/unsubscribe/not-a-token', expected: everyone(404) },

  // The API: a bearer token per persona (no token for anonymous). Tokens carry every scope
  // their user's roles allow; the judge has no platform role, so no scope: 403 everywhere.
  'api.v1.$.ts': { url: () => '/api/v1/no-such-endpoint', expected: everyone(404) },
  'api.v1.applications.ts': {
    url: () => '/api/v1/applications',
    expected: { ...apiUser(['student', 'unverifiedStudent', 'memberA', 'memberB', 'memberUnverified', 'admin']), ...noScope('staff', 'organizer', 'judge') },
  },
  'api.v1.applications_.$id.ts': {
    url: (i) => `/api/v1/applications/${i.applicationId}`,
    method: 'PATCH',
    body: { status: 'reviewing' },
    expected: { ...apiUser(['memberA']), ...noScope('staff', 'organizer', 'judge') },
  },
  'api.v1.events.$id.ts': { url: (i) => `/api/v1/events/${i.eventX}`, expected: { ...apiPublic, ...noScope('judge') } },
  // The event is public; its registrations are its organizers' (403 for the rest).
  'api.v1.events.$id_.registrations.ts': { url: (i) => `/api/v1/events/${i.eventX}/registrations`, expected: apiUser(['organizer', 'admin'], 403) },
  // Only the registered student has a registration to cancel.
  'api.v1.events.$id_.registrations_.me.ts': {
    url: (i) => `/api/v1/events/${i.eventX}/registrations/me`,
    method: 'DELETE',
    expected: { ...apiUser(['student']), ...noScope('judge') },
  },
  'api.v1.events.ts': { url: () => '/api/v1/events', expected: { ...apiPublic, ...noScope('judge') } },
  'api.v1.openapi[.]json.ts': { url: () => '/api/v1/openapi.json', expected: apiPublic },
  'api.v1.roles.$id.ts': { url: (i) => `/api/v1/roles/${i.draftRoleA}`, expected: { ...everyone(404), memberA: 'allow', admin: 'allow', ...noScope('judge') } },
  'api.v1.roles.ts': { url: () => '/api/v1/roles', expected: { ...apiPublic, ...noScope('judge') } },
  // Applying to an unverified company's role is a 404, like a draft.
  'api.v1.roles_.$id.applications.ts': {
    url: (i) => `/api/v1/roles/${i.unverifiedRole}/applications`,
    method: 'POST',
    body: {},
    expected: { ...apiUser([]), ...noScope('staff', 'organizer', 'judge') },
  },
  'api.v1.roles_.$id.candidates.ts': {
    url: (i) => `/api/v1/roles/${i.publishedRoleA}/candidates`,
    expected: { ...apiUser(['memberA', 'admin']), ...noScope('organizer', 'judge') },
  },
  'api.v1.students.$id.recommendations.ts': {
    url: (i) => `/api/v1/students/${i.studentProfileId}/recommendations`,
    expected: { ...apiUser(['student', 'admin']), ...noScope('organizer', 'judge') },
  },
  'api.v1.students.me.credentials.ts': {
    url: () => '/api/v1/students/me/credentials',
    expected: { ...apiUser(['student', 'unverifiedStudent']), ...noScope('memberA', 'memberB', 'memberUnverified', 'staff', 'organizer', 'judge'), admin: 404 },
  },
  // The VC-API: the registry, status lists and verification are public; issuing needs credentials:issue.
  'api.vc.issuers.ts': { url: () => '/api/vc/issuers', expected: apiPublic },
  'api.vc.credentials.status.$listId.ts': { url: () => '/api/vc/credentials/status/no-such-list', expected: everyone(404) },
  'api.vc.credentials.verify.ts': { url: () => '/api/vc/credentials/verify', method: 'POST', body: {}, expected: apiPublic },
  'api.vc.presentations.verify.ts': { url: () => '/api/vc/presentations/verify', method: 'POST', body: {}, expected: apiPublic },
  'api.vc.credentials.issue.ts': {
    url: () => '/api/vc/credentials/issue',
    method: 'POST',
    body: {},
    expected: { ...apiUser(['memberA', 'memberB', 'memberUnverified', 'staff', 'organizer', 'admin'], 403) },
  },
  'api.v1.universities.$id.skill-gap.ts': {
    url: (i) => `/api/v1/universities/${i.universityU}/skill-gap`,
    expected: { ...apiUser(['staff', 'admin']), ...noScope('organizer', 'judge') },
  },
}

async function seed() {
  await seedSkills()
  await ensureRoleIndex()
  const a = await makeCompanyMember({ key: 'firm-a' })
  const b = await makeCompanyMember({ key: 'firm-b' })
  const unverified = await makeCompanyMember({ key: 'firm-new', verified: false })
  const student = await makeUser(['student'])
  const unverifiedStudent = await makeUser(['student'], { verified: false })
  const university = await prisma.university.create({ data: { key: 'uni-u', nameZh: '广西大学', city: 'nanning' }, select: { id: true } })
  const staff = await makeUser(['university_staff'])
  await prisma.universityStaff.create({ data: { userId: staff.id, universityId: university.id } })
  const course = await prisma.course.create({ data: { universityId: university.id, titleZh: '智能合约', key: 'course-u' }, select: { id: true } })
  const organizer = await makeUser(['organizer'])
  const eventX = await makeEvent(organizer)
  const judge = await makeUser([])
  await prisma.eventStaff.create({ data: { eventId: eventX, userId: judge.id, role: 'judge' } })
  const admin = await makeUser(['admin'])
  const publishedRoleA = await createRole(a.user, a.companyId, roleFields(), 'published')
  const draftRoleA = await createRole(a.user, a.companyId, roleFields(), 'draft')
  const unverifiedRole = await createRole(unverified.user, unverified.companyId, roleFields(), 'draft')
  // A role the company published before its verification was withdrawn.
  await prisma.internshipRole.update({ where: { id: unverifiedRole.id }, data: { status: 'published', publishedAt: new Date() }, select: { id: true } })
  const application = await applyToRole(student, publishedRoleA.id, {})
  await registerForEvent(eventX, student, {})
  const team = await prisma.team.create({
    data: { eventId: eventX, name: '队伍', captainId: student.id, inviteCode: 'matrix-team', members: { create: { userId: student.id, eventId: eventX } } },
    select: { id: true },
  })
  const skill = await prisma.skill.findFirstOrThrow({ select: { id: true } })
  const users: Record<Persona, SessionUser | null> = {
    anonymous: null,
    student,
    unverifiedStudent,
    memberA: a.user,
    memberB: b.user,
    memberUnverified: unverified.user,
    staff,
    organizer,
    judge,
    admin,
  }
  return {
    users,
    companyA: a.companyId,
    publishedRoleA: publishedRoleA.id,
    draftRoleA: draftRoleA.id,
    unverifiedRole: unverifiedRole.id,
    applicationId: application.id,
    studentProfileId: student.studentProfileId ?? '',
    universityU: university.id,
    courseU: course.id,
    eventX,
    teamX: team.id,
    skillId: skill.id,
  }
}

const routesDir = fileURLToPath(new URL('.', import.meta.url))
const routeFiles = readdirSync(routesDir).filter((f) => !/\.test\.tsx?$/.test(f) && !f.endsWith('.server.ts') && !f.startsWith('.'))

type RouteModule = {
  loader?: (args: ReturnType<typeof routeArgs>) => Promise<unknown>
  action?: (args: ReturnType<typeof routeArgs>) => Promise<unknown>
}

function paramsFor(file: string, pathname: string): Record<string, string> {
  // Flat-route segments: `$name` takes the matching URL segment; `$` alone takes the rest.
  const segments = file
    .replace(/\.tsx?$/, '')
    .replace(/\[\.\]/g, '\u0000')
    .replace(/\[\.(\w+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '_index')
  const parts = pathname.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  segments.forEach((segment, index) => {
    const name = segment.replace(/_$/, '').replace(/^_/, '')
    if (name === '$') params['*'] = parts.slice(index).join('/')
    else if (name.startsWith('$')) params[name.slice(1)] = decodeURIComponent(parts[index] ?? '')
  })
  return params
}

function classify(result: unknown, api: boolean): Outcome | `unexpected ${string}` {
  const status =
    result instanceof Response
      ? result.status
      : typeof result === 'object' && result !== null && 'init' in result
        ? ((result as { init: { status?: number } | null }).init?.status ?? 200)
        : 200
  if (result instanceof Response && status >= 300 && status < 400) {
    const location = result.headers.get('Location') ?? ''
    if (location.startsWith('/signin')) return 'signin'
    if (location === '/') return 'home'
    return 'allow'
  }
  if (status === 401 && api) return 'signin'
  if (status === 404) return 404
  if (status === 403) return 403
  if (status < 400) return 'allow'
  // A 4xx other than those is the page answering the request (bad input), not refusing the user.
  if (status < 500) return 'allow'
  return `unexpected ${status}`
}

let ids: Ids
const cookies: Partial<Record<Persona, string>> = {}
const tokens: Partial<Record<Persona, string>> = {}

beforeAll(async () => {
  ids = await seed()
  for (const persona of personas) {
    const user = ids.users[persona]
    if (!user) continue
    cookies[persona] = `${cookieName(SESSION_COOKIE)}=${(await createSession(user.id)).token}; lq_lang=en`
    tokens[persona] = (await createApiToken(user.id, 'matrix')).token
  }
}, 60_000)

describe('authorisation matrix', () => {
  test('every route file has a row, and every row is a route file', () => {
    expect(routeFiles.filter((f) => !(f in matrix))).toEqual([])
    expect(Object.keys(matrix).filter((f) => !routeFiles.includes(f))).toEqual([])
  })

  for (const file of Object.keys(matrix)) {
    test(file, async () => {
      const row = matrix[file]
      if (!row) return
      const module = (await import(`./${file}`)) as RouteModule
      const api = file.startsWith('api.')
      const method = row.method ?? 'GET'
      const handler = method === 'GET' ? module.loader : module.action
      expect(handler, `${file} has no ${method === 'GET' ? 'loader' : 'action'}`).toBeTypeOf('function')
      const url = row.url(ids)
      const expected = row.expected
      const actual: Partial<Record<Persona, Outcome | string>> = {}
      for (const persona of personas) {
        const headers = new Headers({ 'Accept-Language': 'en', Origin: 'http://localhost' })
        if (api && tokens[persona]) headers.set('Authorization', `Bearer ${tokens[persona]}`)
        const user = ids.users[persona]
        if (!api && user)
          headers.set('Cookie', row.ownSession ? `${cookieName(SESSION_COOKIE)}=${(await createSession(user.id)).token}; lq_lang=en` : (cookies[persona] ?? ''))
        let body: BodyInit | undefined
        if (row.body !== undefined) {
          if (api) {
            headers.set('Content-Type', 'application/json')
            body = JSON.stringify(row.body)
          } else body = new URLSearchParams(row.body as Record<string, string>)
        } else if (method !== 'GET') body = new URLSearchParams()
        const request = new Request(`http://localhost${url}`, { method, headers, body })
        let result: unknown
        try {
          result = await handler!(routeArgs(request, paramsFor(file, new URL(request.url).pathname)))
        } catch (error) {
          if (!(error instanceof Response)) throw error
          result = error
        }
        actual[persona] = classify(result, api)
      }
      expect(actual).toEqual(expected)
    })
  }
})
