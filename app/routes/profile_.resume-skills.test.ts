// The résumé skills page's action, called as a browser without JavaScript posts its forms.
import { describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { prisma } from '#app/lib/db.server.ts'
import { createSession, SESSION_COOKIE } from '#app/modules/auth/session.server.ts'
import { uploadResume } from '#app/modules/students/profile.server.ts'
import { readResumeSkills, resumeSkillsOverview } from '#app/modules/students/resume-skills.server.ts'
import { routeArgs } from '#tests/api-request.ts'
import { makeUser } from '#tests/fixtures.server.ts'
import { textPdf } from '#tests/pdf.ts'
import { action } from './profile_.resume-skills.tsx'

describe('the résumé skills page', () => {
  async function cookieFor(userId: string) {
    const { token } = await createSession(userId)
    return `${cookieName(SESSION_COOKIE)}=${token}; lq_lang=en`
  }
  const post = (cookie: string, fields: Record<string, string>) =>
    new Request('http://localhost/profile/resume-skills', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })

  test('accepting without a level names the field; with one the skill is added; without JavaScript', async () => {
    await prisma.skill.create({ data: { key: 'go', nameZh: 'Go', nameEn: 'Go', aliases: ['Golang'] }, select: { id: true } })
    const user = await makeUser(['student'])
    const studentId = user.studentProfileId!
    await uploadResume(studentId, { bytes: textPdf(['Go developer']), filename: 'cv.pdf' })
    const { id: resumeId } = await prisma.resume.findFirstOrThrow({ where: { studentId }, select: { id: true } })
    await readResumeSkills(resumeId)
    const [suggestion] = (await resumeSkillsOverview(studentId)).suggestions
    const cookie = await cookieFor(user.id)

    const refused = (await action(routeArgs(post(cookie, { intent: 'accept', suggestionId: suggestion!.id, level: '' })))) as unknown as {
      data: { subject: string; result: { error: Record<string, string[]> } }
      init: { status: number }
    }
    expect(refused.init.status).toBe(400)
    expect(refused.data.subject).toBe(suggestion!.id)
    expect(refused.data.result.error['level']).toEqual(['Required'])
    expect(await prisma.studentSkill.count({ where: { studentId } })).toBe(0)

    const accepted = (await action(routeArgs(post(cookie, { intent: 'accept', suggestionId: suggestion!.id, level: '5' })))) as Response
    expect(accepted.status).toBe(302)
    expect(accepted.headers.get('Location')).toBe('/profile/resume-skills')
    expect(await prisma.studentSkill.findMany({ where: { studentId }, select: { level: true } })).toEqual([{ level: 5 }])
  })
})
