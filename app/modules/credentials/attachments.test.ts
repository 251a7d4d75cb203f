// Credentials sent with an application: only a student's own active ones, shown to the
// company verified with the issuer's registry name (and revoked once revoked); and the
// company's "internship completed" form, with and without a valid submission.
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { applyToRole } from '#app/modules/applications/applications.server.ts'
import { apiListApplications, getCompanyApplication } from '#app/modules/applications/review.server.ts'
import { createSession, loadSessionUser, type SessionUser } from '#app/modules/auth/session.server.ts'
import { action as myApplicationAction } from '#app/routes/applications.$id.tsx'
import { action as companyApplicationAction, loader as companyApplicationLoader } from '#app/routes/company_.applications.$id.tsx'
import { action as applyAction } from '#app/routes/roles_.$id_.apply.tsx'
import { makeCompanyMember, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { attachCredentials, detachCredential } from './attachments.server.ts'
import { issueStoredCredential } from './issue.server.ts'
import { organizerIssuer } from './issuers.server.ts'
import { openBadgeCredential } from './open-badge.server.ts'
import { revokeInTx } from './revoke.server.ts'
import { runCredentialTasks } from './tasks.server.ts'

let awards = 0

async function issueAward(student: SessionUser, title: string) {
  const issuer = await organizerIssuer()
  const key = `award:test:${++awards}`
  const { id } = await issueStoredCredential({
    issuerId: issuer.id,
    kind: 'award',
    studentId: student.studentProfileId,
    achievementKey: key,
    build: ({ issuerDid, credentialId }) =>
      openBadgeCredential(
        { issuerDid, credentialId, issuerName: { zh: issuer.nameZh, en: issuer.nameEn } },
        { name: student.name, email: student.email },
        {
          key,
          achievementType: 'Award',
          name: { zh: title, en: title },
          description: { zh: '获奖', en: 'An award' },
          criteria: { zh: '经评审获奖', en: 'Awarded by the judges' },
          skills: [],
          result: { kind: 'award', value: { zh: '一等奖', en: 'First prize' } },
          validFrom: new Date(Date.now() - 60_000),
        },
      ),
  })
  return id
}

async function setup() {
  const { companyId, user: member } = await makeCompanyMember()
  const role = await makeRole(companyId)
  const student = await makeUser(['student'])
  const other = await makeUser(['student'])
  return { companyId, member, role, student, other }
}

const form = (url: string, token: string, fields: Array<[string, string]>) =>
  new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { Cookie: `lq_session=${token}`, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'en' },
    body: new URLSearchParams(fields),
  })

async function statusOf(promise: Promise<unknown>) {
  try {
    const result = await promise
    return result instanceof Response ? result.status : ((result as { init?: { status?: number } }).init?.status ?? 200)
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

describe('attaching credentials to an application', () => {
  test('the student attaches their own on applying; the company sees them verified, with the issuer, and revoked once revoked', async () => {
    const s = await setup()
    const award = await issueAward(s.student, '链上创新大赛 · 一等奖')
    const application = await applyToRole(s.student, s.role.id, { credentialIds: [award] })
    const seen = await getCompanyApplication(s.member, application.id)
    expect(seen?.credentials).toEqual([
      expect.objectContaining({ id: award, state: 'verified', title: { zh: '链上创新大赛 · 一等奖', en: '链上创新大赛 · 一等奖' } }),
    ])
    expect(seen?.credentials[0]?.issuer).toEqual({ zh: '链桥活动主办方', en: 'Lianqiao event organizer' })

    const listed = await apiListApplications(s.member, null)
    expect(listed?.find((a) => a.id === application.id)?.credentials).toEqual([
      {
        id: award,
        title: { zh: '链上创新大赛 · 一等奖', en: '链上创新大赛 · 一等奖' },
        issuer: { zh: '链桥活动主办方', en: 'Lianqiao event organizer' },
        status: 'active',
      },
    ])

    await prisma.$transaction((tx) => revokeInTx(tx, award, 'awarded in error', null))
    const after = await getCompanyApplication(s.member, application.id)
    expect(after?.credentials[0]).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) })
    expect((await apiListApplications(s.member, null))?.find((a) => a.id === application.id)?.credentials[0]?.status).toBe('revoked')
  })

  test("another student's credential is a 404 and nothing is written; a revoked one of their own is refused on the field", async () => {
    const s = await setup()
    const theirs = await issueAward(s.other, 'someone else')
    await expect(applyToRole(s.student, s.role.id, { credentialIds: [theirs] })).rejects.toMatchObject({ status: 404 })
    expect(await prisma.application.count({ where: { roleId: s.role.id } })).toBe(0)

    const mine = await issueAward(s.student, 'mine')
    await prisma.$transaction((tx) => revokeInTx(tx, mine, 'wrong', null))
    await expect(applyToRole(s.student, s.role.id, { credentialIds: [mine] })).rejects.toMatchObject({
      status: 422,
      fields: [{ path: 'credentialIds', key: 'attach.notActive' }],
    })
    expect(await prisma.application.count({ where: { roleId: s.role.id } })).toBe(0)
  })

  test('after applying, from the application page: attach and detach own ones; another student cannot touch the application', async () => {
    const s = await setup()
    const application = await applyToRole(s.student, s.role.id, {})
    const award = await issueAward(s.student, 'later award')
    const theirs = await issueAward(s.other, 'not yours')
    await expect(attachCredentials(s.student, application.id, [theirs])).rejects.toMatchObject({ status: 404 })
    await expect(attachCredentials(s.other, application.id, [theirs])).rejects.toMatchObject({ status: 404 })
    await attachCredentials(s.student, application.id, [award])
    await attachCredentials(s.student, application.id, [award]) // twice is once
    expect(await prisma.applicationCredential.count({ where: { applicationId: application.id } })).toBe(1)
    await expect(detachCredential(s.other, application.id, award)).rejects.toMatchObject({ status: 404 })
    await detachCredential(s.student, application.id, award)
    expect(await prisma.applicationCredential.count({ where: { applicationId: application.id } })).toBe(0)
  })

  test('the forms without JavaScript: apply with a credential, attach on the page; a foreign id answers 404', async () => {
    const s = await setup()
    const { token } = await createSession(s.student.id)
    const award = await issueAward(s.student, 'form award')
    const theirs = await issueAward(s.other, 'foreign')
    const foreign = await statusOf(
      applyAction({ request: form(`/roles/${s.role.id}/apply`, token, [['credentialIds', theirs]]), params: { id: s.role.id }, context: {} }),
    )
    expect(foreign).toBe(404)
    const applied = (await applyAction({
      request: form(`/roles/${s.role.id}/apply`, token, [['credentialIds', award]]),
      params: { id: s.role.id },
      context: {},
    })) as Response
    expect(applied.status).toBe(302)
    const application = await prisma.application.findFirstOrThrow({
      where: { roleId: s.role.id },
      select: { id: true, credentials: { select: { credentialId: true } } },
    })
    expect(application.credentials).toEqual([{ credentialId: award }])

    const url = `/applications/${application.id}`
    const nothing = await statusOf(myApplicationAction({ request: form(url, token, [['intent', 'attach']]), params: { id: application.id }, context: {} }))
    expect(nothing).toBe(400)
    const attachForeign = await statusOf(
      myApplicationAction({
        request: form(url, token, [
          ['intent', 'attach'],
          ['credentialIds', theirs],
        ]),
        params: { id: application.id },
        context: {},
      }),
    )
    expect(attachForeign).toBe(404)
    const second = await issueAward(s.student, 'second award')
    const attached = (await myApplicationAction({
      request: form(url, token, [
        ['intent', 'attach'],
        ['credentialIds', second],
      ]),
      params: { id: application.id },
      context: {},
    })) as Response
    expect(attached.status).toBe(302)
    expect(await prisma.applicationCredential.count({ where: { applicationId: application.id } })).toBe(2)
  })
})

describe('the company marks an internship completed', () => {
  test('the form is offered for an accepted application, checks its input, and the company issues the credential', async () => {
    const s = await setup()
    const skill = await prisma.skill.create({ data: { key: 'chainmaker-x', nameZh: '长安链', nameEn: 'ChainMaker', aliases: [] }, select: { id: true } })
    await prisma.roleSkill.create({ data: { roleId: s.role.id, skillId: skill.id, level: 3, required: true } })
    const application = await applyToRole(s.student, s.role.id, {})
    const { token } = await createSession(s.member.id)
    const url = `/company/applications/${application.id}`
    const load = async () =>
      (
        await companyApplicationLoader({
          request: new Request(`http://localhost${url}`, { headers: { Cookie: `lq_session=${token}` } }),
          params: { id: application.id },
          context: {},
        })
      ).internship
    expect(await load()).toBeNull()
    await prisma.application.update({ where: { id: application.id }, data: { status: 'accepted' } })
    const offered = await load()
    expect(offered).toMatchObject({ eligible: true, completion: null, skills: [expect.objectContaining({ key: 'chainmaker-x', level: 3 })] })

    const post = (fields: Array<[string, string]>) =>
      companyApplicationAction({ request: form(url, token, [['intent', 'complete'], ...fields]), params: { id: application.id }, context: {} })
    // The end before the start, and no skills: named on their fields, in English, nothing written.
    const bad = (await post([
      ['startedOn', '2026-06-01'],
      ['endedOn', '2026-05-01'],
    ])) as unknown as { data: { result: { error: Record<string, string[]> } }; init: { status: number } }
    expect(bad.init.status).toBe(400)
    expect(bad.data.result.error.endedOn).toEqual(['the end date cannot be before the start date'])
    expect(bad.data.result.error.skills).toEqual(['confirm at least one skill'])
    expect(await prisma.internshipCompletion.count()).toBe(0)

    const done = (await post([
      ['startedOn', '2026-06-01'],
      ['endedOn', '2026-08-31'],
      ['skills[0].skill', 'chainmaker-x'],
      ['skills[0].level', '4'],
    ])) as Response
    expect(done.status).toBe(302)
    expect(await runCredentialTasks()).toBe(1)
    const issued = await prisma.issuedCredential.findFirstOrThrow({
      where: { kind: 'internship', studentId: s.student.studentProfileId },
      select: { issuer: { select: { companyId: true } }, skills: { select: { skillId: true, level: true } } },
    })
    expect(issued).toEqual({ issuer: { companyId: s.companyId }, skills: [{ skillId: skill.id, level: 4 }] })
    expect(await load()).toMatchObject({ completion: { startedOn: '2026-06-01', endedOn: '2026-08-31', skills: [expect.objectContaining({ level: 4 })] } })

    // Only the company's own members: another company's member gets 404.
    const stranger = (await loadSessionUser((await makeCompanyMember()).user.id))!
    const { token: strangerToken } = await createSession(stranger.id)
    const foreign = await statusOf(
      companyApplicationAction({
        request: form(url, strangerToken, [
          ['intent', 'complete'],
          ['startedOn', '2026-06-01'],
          ['endedOn', '2026-08-31'],
          ['skills[0].skill', 'chainmaker-x'],
          ['skills[0].level', '2'],
        ]),
        params: { id: application.id },
        context: {},
      }),
    )
    expect(foreign).toBe(404)
  })
})
