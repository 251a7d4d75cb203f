// Résumé → skills against real PDFs (written in the test), the real database and queue.
import { beforeAll, describe, expect, test } from 'vitest'
import { translate } from '#app/i18n/translate.ts'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { recommendationsFor } from '#app/modules/matching/matching.server.ts'
import { makeCompanyMember, makeRole, makeUser } from '#tests/fixtures.server.ts'
import { scannedPdf, textPdf } from '#tests/pdf.ts'
import { uploadResume, updateSkills } from './profile.server.ts'
import { exportStudentData } from './data-rights.server.ts'
import { acceptSuggestion, dismissSuggestion, readResumeSkills, rereadResume, resumeSkillsOverview, runReadJob } from './resume-skills.server.ts'

const skillIds: Record<string, string> = {}

beforeAll(async () => {
  const taxonomy = [
    { key: 'go', nameZh: 'Go', nameEn: 'Go', aliases: ['Golang', 'Go语言'], category: 'backend' },
    { key: 'solidity', nameZh: 'Solidity', nameEn: 'Solidity', aliases: ['Solidity语言'], category: 'contracts' },
    { key: 'smart-contracts', nameZh: '智能合约', nameEn: 'Smart contracts', aliases: ['smart contract', '合约开发'], category: 'contracts' },
    { key: 'fisco-bcos', nameZh: 'FISCO BCOS', nameEn: 'FISCO BCOS', aliases: ['金链盟'], category: 'chains' },
    { key: 'chainmaker', nameZh: '长安链', nameEn: 'ChainMaker', aliases: [], category: 'chains' },
  ]
  for (const skill of taxonomy) skillIds[skill.key] = (await prisma.skill.create({ data: skill, select: { id: true } })).id
})

async function studentWithResume(lines: string[] | Uint8Array) {
  const user = await makeUser(['student'])
  const studentId = user.studentProfileId!
  await uploadResume(studentId, { bytes: Array.isArray(lines) ? textPdf(lines) : lines, filename: '简历.pdf' })
  const resume = await prisma.resume.findFirstOrThrow({ where: { studentId }, orderBy: { createdAt: 'desc' }, select: { id: true, readStatus: true } })
  return { user, studentId, resumeId: resume.id, readStatus: resume.readStatus }
}

const suggested = async (studentId: string) => (await resumeSkillsOverview(studentId)).suggestions.map((s) => [s.skill.id, s.sentence])

describe('reading a résumé in a background job', () => {
  test('an upload queues a job; the job finds skills in English and Chinese, each with its sentence', async () => {
    const { studentId, resumeId, readStatus } = await studentWithResume([
      'Li Hua · Guangxi University',
      'Intern at Google, summer 2025.',
      'Wrote indexing services in Go. Audited Solidity contracts.',
      '项目经历：在金链盟项目中负责智能合约开发，熟悉长安链。',
    ])
    expect(readStatus).toBe('queued')
    const [job] = await prisma.$queryRaw<{ data: { resumeId: string } }[]>`SELECT data FROM pgboss.job WHERE name = 'resume.read'`
    expect(job?.data.resumeId).toBe(resumeId)
    expect((await resumeSkillsOverview(studentId)).inProgress).toBe(true)

    expect(await readResumeSkills(resumeId)).toEqual({ outcome: 'done', found: 5 })
    expect(await suggested(studentId)).toEqual([
      // "Google" is not Go: Go's sentence is the one that names it.
      [skillIds['go'], 'Wrote indexing services in Go.'],
      [skillIds['solidity'], 'Audited Solidity contracts.'],
      [skillIds['fisco-bcos'], '项目经历：在金链盟项目中负责智能合约开发，熟悉长安链。'],
      [skillIds['smart-contracts'], '项目经历：在金链盟项目中负责智能合约开发，熟悉长安链。'],
      [skillIds['chainmaker'], '项目经历：在金链盟项目中负责智能合约开发，熟悉长安链。'],
    ])
    const overview = await resumeSkillsOverview(studentId)
    expect(overview.inProgress).toBe(false)
    expect(overview.resumes).toMatchObject([{ id: resumeId, readStatus: 'done', suggested: 5 }])
  })

  test('"Google" alone suggests nothing; a Chinese-only résumé finds the Chinese names', async () => {
    const english = await studentWithResume(['Software engineering intern at Google.', 'I like to go hiking.'])
    expect(await readResumeSkills(english.resumeId)).toEqual({ outcome: 'done', found: 0 })
    expect(await suggested(english.studentId)).toEqual([])

    const chinese = await studentWithResume(['技能：熟练使用Go语言和Solidity语言。'])
    await readResumeSkills(chinese.resumeId)
    expect((await suggested(chinese.studentId)).map(([id]) => id)).toEqual([skillIds['go'], skillIds['solidity']])
  })

  test('skills the student already has are not suggested, nor are ones dismissed before', async () => {
    const { studentId, resumeId } = await studentWithResume(['Solidity and Go developer.'])
    await updateSkills(studentId, { skills: [{ skill: 'solidity', level: 3 }] })
    await readResumeSkills(resumeId)
    const [go] = (await resumeSkillsOverview(studentId)).suggestions
    expect(go?.skill.id).toBe(skillIds['go'])
    await dismissSuggestion(studentId, { suggestionId: go!.id })
    expect(await suggested(studentId)).toEqual([])

    // A second résumé naming Go again does not bring it back.
    await uploadResume(studentId, { bytes: textPdf(['Go, Go, Go.']), filename: 'cv-2.pdf' })
    const second = await prisma.resume.findFirstOrThrow({ where: { studentId, filename: 'cv-2.pdf' }, select: { id: true } })
    expect(await readResumeSkills(second.id)).toEqual({ outcome: 'done', found: 0 })
    expect(await suggested(studentId)).toEqual([])

    // The student's data export holds the suggestions and what became of them.
    const profile = await prisma.studentProfile.findUniqueOrThrow({ where: { id: studentId }, select: { userId: true } })
    const exported = await exportStudentData(profile.userId)
    expect(exported.user.studentProfile?.resumeSuggestions).toEqual([expect.objectContaining({ sentence: 'Solidity and Go developer.', status: 'dismissed' })])
    expect(exported.user.studentProfile?.resumes.map((r) => r.readStatus)).toEqual(['done', 'done'])
  })

  test('a scanned PDF says it has no text, in both languages', async () => {
    const { studentId, resumeId } = await studentWithResume(scannedPdf())
    expect(await readResumeSkills(resumeId)).toEqual({ outcome: 'noText' })
    const overview = await resumeSkillsOverview(studentId)
    expect(overview.resumes[0]?.readStatus).toBe('noText')
    expect(overview.suggestions).toEqual([])
    expect(translate('zh-CN', 'resume.status.noText')).toContain('没有找到文字，可能是扫描件')
    expect(translate('en', 'resume.status.noText')).toContain('No text found: this may be a scanned document')
  })

  test('a damaged PDF is unreadable; a file that is not a PDF is refused at upload', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage, no pages, no xref')
    const { resumeId } = await studentWithResume(damaged)
    expect(await readResumeSkills(resumeId)).toEqual({ outcome: 'unreadable' })
    expect((await prisma.resume.findUniqueOrThrow({ where: { id: resumeId }, select: { readStatus: true } })).readStatus).toBe('unreadable')
    expect(translate('zh-CN', 'resume.status.unreadable')).toContain('无法读取')

    const user = await makeUser(['student'])
    const refused = await uploadResume(user.studentProfileId!, { bytes: new TextEncoder().encode('Name: Li Hua\nSkills: Go'), filename: 'cv.txt' }).catch(
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(UserFacingError)
    expect(refused).toMatchObject({ status: 422, fields: [{ path: 'resume', key: 'profile.resumeNotPdf' }] })
    expect(await prisma.resume.count({ where: { studentId: user.studentProfileId! } })).toBe(0)
  })

  test('a job that keeps failing marks the résumé failed after its last retry; it can then be read again', async () => {
    const { studentId, resumeId } = await studentWithResume(['Go developer'])
    // A key the file store refuses to read stands for a store that keeps failing.
    await prisma.resume.update({ where: { id: resumeId }, data: { storageKey: 'UNREADABLE KEY' } })
    const job = { id: 'job-1', name: 'resume.read', data: { resumeId }, retryLimit: 3 }
    await expect(runReadJob({ ...job, retryCount: 1 })).rejects.toThrow(/unsafe storage key/)
    expect((await resumeSkillsOverview(studentId)).resumes[0]?.readStatus).toBe('reading')
    await expect(runReadJob({ ...job, retryCount: 3 })).rejects.toThrow(/unsafe storage key/)
    expect((await resumeSkillsOverview(studentId)).resumes[0]?.readStatus).toBe('failed')
    await rereadResume(studentId, { resumeId })
    expect((await resumeSkillsOverview(studentId)).resumes[0]?.readStatus).toBe('queued')
  })

  test('a résumé uploaded before reading existed can be read on request, once', async () => {
    const { studentId, resumeId } = await studentWithResume(['Go developer'])
    await prisma.resume.update({ where: { id: resumeId }, data: { readStatus: null } })
    await rereadResume(studentId, { resumeId })
    expect((await resumeSkillsOverview(studentId)).resumes[0]?.readStatus).toBe('queued')
    await expect(rereadResume(studentId, { resumeId })).rejects.toMatchObject({ status: 409 })
    const stranger = await makeUser(['student'])
    await expect(rereadResume(stranger.studentProfileId!, { resumeId })).rejects.toMatchObject({ status: 404 })
  })
})

describe('accepting a suggestion', () => {
  test('adds the skill at the chosen level, as self-declared evidence that changes the matches', async () => {
    const { studentId, resumeId } = await studentWithResume(['Audited Solidity contracts for a DeFi team.'])
    const { companyId } = await makeCompanyMember()
    const role = await makeRole(companyId, { titleEn: 'Solidity auditor intern' })
    await prisma.roleSkill.create({ data: { roleId: role.id, skillId: skillIds['solidity']!, level: 3, required: true } })
    const before = (await recommendationsFor(studentId, { limit: 10, locale: 'en' })).items.find((i) => i.role.id === role.id)

    await readResumeSkills(resumeId)
    // Nothing is added by reading alone.
    expect(await prisma.studentSkill.count({ where: { studentId } })).toBe(0)
    const [suggestion] = (await resumeSkillsOverview(studentId)).suggestions
    await acceptSuggestion(studentId, { suggestionId: suggestion!.id, level: 4 })

    expect(await prisma.studentSkill.findMany({ where: { studentId }, select: { skillId: true, level: true } })).toEqual([
      { skillId: skillIds['solidity'], level: 4 },
    ])
    expect((await resumeSkillsOverview(studentId)).suggestions).toEqual([])
    const after = (await recommendationsFor(studentId, { limit: 10, locale: 'en' })).items.find((i) => i.role.id === role.id)
    expect(after?.reasons.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringContaining('Solidity: self-declared level 4')]))
    expect(after!.score).toBeGreaterThan(before?.score ?? 0)

    // Decided once: neither again, nor by another student.
    await expect(acceptSuggestion(studentId, { suggestionId: suggestion!.id, level: 2 })).rejects.toMatchObject({ status: 404 })
    const stranger = await makeUser(['student'])
    await expect(dismissSuggestion(stranger.studentProfileId!, { suggestionId: suggestion!.id })).rejects.toMatchObject({ status: 404 })
  })
})
