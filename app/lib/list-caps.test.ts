// Every list a user can grow stops at its cap, with the same translated answer whichever
// channel asks (the services are what the forms, the API and the importer call).
import { describe, expect, test } from 'vitest'
import { translate } from '#app/i18n/translate.ts'
import { prisma } from '#app/lib/db.server.ts'
import type { UserFacingError } from '#app/lib/errors.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { setRubric } from '#app/modules/events/judging.server.ts'
import { uploadResume, updateProfile } from '#app/modules/students/profile.server.ts'
import { profileSchema } from '#app/modules/students/schemas.ts'
import { listCaps } from './list-caps.ts'
import { makeUser } from '#tests/fixtures.server.ts'

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF')

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: UserFacingError) => e,
  )

describe('list caps', () => {
  test('résumés per student', async () => {
    const s = await makeUser()
    for (let i = 0; i < listCaps.resumesPerStudent; i++) await uploadResume(s.studentProfileId!, { bytes: pdf, filename: `cv${i}.pdf` })
    const error = await refusal(uploadResume(s.studentProfileId!, { bytes: pdf, filename: 'one-more.pdf' }))
    expect(error).toMatchObject({ status: 422, key: 'limits.tooMany', fields: [{ path: 'resume' }] })
    expect(translate('en', error!.key, error!.params)).toBe(`You can have at most ${listCaps.resumesPerStudent}. Remove some first.`)
    expect(translate('zh-CN', error!.key, error!.params)).toContain(`最多只能有 ${listCaps.resumesPerStudent} 项`)
    expect(await prisma.resume.count({ where: { studentId: s.studentProfileId! } })).toBe(listCaps.resumesPerStudent)
  })

  test('skills, languages and cities on a profile', async () => {
    const s = await makeUser()
    const skills = Array.from({ length: listCaps.skillsPerProfile + 1 }, (_, i) => ({ skill: `skill${i}`, level: 3 }))
    const tooManySkills = await refusal(updateProfile(s.studentProfileId!, profileSchema.parse({ skills })))
    expect(tooManySkills).toMatchObject({ key: 'limits.tooMany', fields: [{ path: 'skills' }] })
    const cities = Array.from({ length: listCaps.citiesPerProfile + 1 }, (_, i) => `city${i}`).join(', ')
    expect(await refusal(updateProfile(s.studentProfileId!, profileSchema.parse({ preferredCities: cities })))).toMatchObject({
      fields: [{ path: 'preferredCities' }],
    })
  })

  test('API tokens per user', async () => {
    const s = await makeUser()
    for (let i = 0; i < listCaps.apiTokensPerUser; i++) await createApiToken(s.id, `t${i}`)
    expect(await refusal(createApiToken(s.id, 'one more'))).toMatchObject({ key: 'limits.tooMany' })
  })

  test('criteria on a rubric', async () => {
    const admin = await makeUser(['admin'])
    const criteria = Array.from({ length: listCaps.criteriaPerRubric + 1 }, (_, i) => ({ key: `c${i}`, nameEn: `C${i}`, weight: 1 }))
    expect(await refusal(setRubric(admin, 'no-such-event', { criteria }))).toMatchObject({ key: 'limits.tooMany', fields: [{ path: 'criteria' }] })
  })
})
