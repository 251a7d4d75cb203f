import { describe, expect, test } from 'vitest'
import { renderReason } from './render.ts'
import { CAP_MANY_MISSING, CAP_ONE_MISSING, scoreMatch, type Evidence, type RoleForMatch, type SkillInfo, type StudentForMatch } from './scoring.ts'

const now = new Date('2026-03-01T00:00:00Z')
const skills = new Map<string, SkillInfo>(
  [
    { id: 'sc', key: 'smart-contracts', name: { zh: '智能合约', en: 'Smart contracts' }, parentId: null },
    { id: 'sol', key: 'solidity', name: { zh: 'Solidity', en: 'Solidity' }, parentId: 'sc' },
    { id: 'fisco', key: 'fisco-bcos', name: { zh: 'FISCO BCOS', en: 'FISCO BCOS' }, parentId: null },
    { id: 'go', key: 'go', name: { zh: 'Go 语言', en: 'Go' }, parentId: null },
  ].map((s) => [s.id, s]),
)
const course = (skillId: string, level: number, grade: number | null, verified = true): Evidence => ({
  skillId,
  level,
  source: verified
    ? { kind: 'verifiedCourse', courseId: 'c1', title: { zh: '区块链金融创新实训', en: 'Blockchain finance lab' }, grade }
    : { kind: 'claimedCourse', courseId: 'c1', title: { zh: '区块链金融创新实训', en: 'Blockchain finance lab' }, grade },
})
const student = (evidence: Evidence[], extra: Partial<StudentForMatch> = {}): StudentForMatch => ({
  id: 's',
  universityId: null,
  evidence,
  preferredCities: [],
  workModes: [],
  availableFrom: null,
  daysPerWeek: null,
  languages: [],
  ...extra,
})
const role = (wanted: RoleForMatch['skills'], extra: Partial<RoleForMatch> = {}): RoleForMatch => ({
  id: 'r',
  city: 'nanning',
  workMode: 'onsite',
  daysPerWeek: 4,
  languages: [],
  closesAt: new Date('2026-04-01T00:00:00Z'),
  status: 'published',
  skills: wanted,
  ...extra,
})
const sol3 = role([{ skillId: 'sol', level: 3, required: true }])
const score = (s: StudentForMatch, r: RoleForMatch) => scoreMatch(s, r, skills, now)!.score

const credential = (skillId: string, level: number, grade: number | null = null): Evidence => ({
  skillId,
  level,
  source: {
    kind: 'credential',
    credentialId: 'vc1',
    title: { zh: '实习：智能合约实习生', en: 'Internship: Smart contract intern' },
    issuer: { zh: '链科公司', en: 'ChainTech' },
    grade,
  },
})

describe('credentials', () => {
  test('a credential is stronger than a verified course result and than self-reported evidence at the same level', () => {
    const sol4 = role([{ skillId: 'sol', level: 4, required: true }])
    const project: Evidence = { skillId: 'sol', level: 3, source: { kind: 'selfReported', what: 'work', evidenceId: 'e1', title: 'ChainTech' } }
    const byCredential = score(student([credential('sol', 3)]), sol4)
    expect(byCredential).toBeGreaterThan(score(student([course('sol', 3, 95)]), sol4))
    expect(byCredential).toBeGreaterThan(score(student([project]), sol4))
    expect(byCredential).toBeGreaterThan(score(student([{ skillId: 'sol', level: 3, source: { kind: 'declared' } }]), sol4))
    // A skill is never covered more than fully, so strength above 1 cannot make up for a missing one.
    expect(score(student([credential('sol', 5)]), sol3)).toBe(100)
  })

  test('a course credential keeps its grade: a bare pass shows less than a top grade', () => {
    expect(score(student([credential('sol', 3, 61)]), sol3)).toBeLessThan(score(student([credential('sol', 3, 95)]), sol3))
  })

  test('the reason names the credential and its issuer, in both languages, over a course showing the skill as fully', () => {
    const result = scoreMatch(student([credential('sol', 3), course('sol', 3, 92)]), sol3, skills, now)!
    expect(renderReason('zh-CN', result.reasons[0]!)).toEqual({
      kind: 'credential',
      text: 'Solidity：证书：链科公司颁发的“实习：智能合约实习生”',
      positive: true,
    })
    expect(renderReason('en', result.reasons[0]!).text).toBe('Solidity: credential “Internship: Smart contract intern” issued by ChainTech')
    const parent = scoreMatch(student([credential('sol', 3)]), role([{ skillId: 'sc', level: 2, required: true }]), skills, now)!
    expect(renderReason('en', parent.reasons[0]!).text).toBe(
      'Smart contracts: partly shown by Solidity (credential “Internship: Smart contract intern” issued by ChainTech)',
    )
  })
})

describe('evidence types', () => {
  test('a verified course at the level with a top grade fully covers the skill, and says so', () => {
    const result = scoreMatch(student([course('sol', 3, 92)]), sol3, skills, now)!
    expect(result.score).toBe(100)
    expect(result.missing).toEqual([])
    expect(renderReason('en', result.reasons[0]!)).toEqual({ kind: 'course', text: 'Solidity: level 3 from Blockchain finance lab, grade 92', positive: true })
    expect(renderReason('zh-CN', result.reasons[0]!).text).toBe('Solidity：区块链金融创新实训，3 级，成绩 92')
  })

  test('a project, work or contest the student reported counts below verified evidence, and the reason says self-reported', () => {
    const project: Evidence = { skillId: 'sol', level: 3, source: { kind: 'selfReported', what: 'project', evidenceId: 'e1', title: 'msg:app.name' } }
    const result = scoreMatch(student([project]), sol3, skills, now)!
    expect(result.score).toBeLessThan(score(student([course('sol', 3, 90)]), sol3))
    expect(result.score).toBeGreaterThan(score(student([{ skillId: 'sol', level: 3, source: { kind: 'declared' } }]), sol3))
    // A title is the student's text, never read as a catalogue reference.
    expect(renderReason('en', result.reasons[0]!).text).toBe('Solidity: level 3 in the project “msg:app.name” (self-reported)')
    expect(renderReason('zh-CN', result.reasons[0]!).text).toBe('Solidity：项目「msg:app.name」（本人填写），3 级')
  })

  test('a lower grade shows less', () => {
    expect(score(student([course('sol', 3, 65)]), sol3)).toBeLessThan(score(student([course('sol', 3, 85)]), sol3))
    expect(score(student([course('sol', 3, 85)]), sol3)).toBeLessThan(score(student([course('sol', 3, 95)]), sol3))
  })

  test('self-claimed courses, events and self-declared skills are weaker than verified courses', () => {
    const verified = score(student([course('sol', 3, 90)]), sol3)
    const claimed = score(student([course('sol', 3, 90, false)]), sol3)
    const event = score(student([{ skillId: 'sol', level: 3, source: { kind: 'event', eventId: 'e', title: { zh: '链上大赛', en: 'Chain contest' } } }]), sol3)
    const declared = score(student([{ skillId: 'sol', level: 3, source: { kind: 'declared' } }]), sol3)
    expect(claimed).toBeLessThan(verified)
    expect(event).toBeLessThan(verified)
    expect(declared).toBeLessThan(claimed)
    expect(declared).toBeGreaterThan(0)
  })

  test('a level below the wanted one covers the skill only partly', () => {
    expect(score(student([course('sol', 2, 95)]), sol3)).toBe(67)
  })

  test('the best piece of evidence counts, not the sum', () => {
    const both = score(student([course('sol', 3, 95), { skillId: 'sol', level: 1, source: { kind: 'declared' } }]), sol3)
    expect(both).toBe(100)
  })
})

describe('taxonomy', () => {
  test('a child skill is partial evidence for its parent, not the other way round', () => {
    const wantsParent = role([{ skillId: 'sc', level: 3, required: true }])
    const viaChild = scoreMatch(student([course('sol', 3, 95)]), wantsParent, skills, now)!
    expect(viaChild.score).toBe(60)
    expect(renderReason('en', viaChild.reasons[0]!).text).toBe('Smart contracts: partly shown by Solidity (level 3 from Blockchain finance lab, grade 95)')
    const parentOnly = scoreMatch(student([course('sc', 3, 95)]), sol3, skills, now)!
    expect(parentOnly.missing).toEqual([{ skillId: 'sol', level: 3, required: true }])
  })
})

describe('required skills and caps', () => {
  const mixed = role([
    { skillId: 'sol', level: 3, required: true },
    { skillId: 'fisco', level: 3, required: true },
    { skillId: 'go', level: 3, required: false },
  ])
  test('required skills weigh more than nice-to-have ones', () => {
    const s1 = role([
      { skillId: 'sol', level: 3, required: true },
      { skillId: 'go', level: 3, required: false },
    ])
    expect(score(student([course('sol', 3, 95)]), s1)).toBe(85)
    expect(score(student([course('go', 3, 95)]), s1)).toBeLessThanOrEqual(CAP_ONE_MISSING)
  })
  test('a missing required skill caps the score; two cap it lower', () => {
    const oneMissing = scoreMatch(student([course('sol', 3, 95), course('go', 3, 95)]), mixed, skills, now)!
    expect(oneMissing.score).toBe(CAP_ONE_MISSING)
    expect(oneMissing.missing).toEqual([{ skillId: 'fisco', level: 3, required: true }])
    const threeRequired = role(['sol', 'fisco', 'go'].map((skillId) => ({ skillId, level: 3, required: true })))
    expect(score(student([course('sol', 3, 95)]), threeRequired)).toBe(CAP_MANY_MISSING)
    expect(score(student([]), mixed)).toBe(0)
  })
})

describe('practical fit', () => {
  const full = [course('sol', 3, 95)]
  test('city: preferred fits, another city lowers the score, remote roles ignore it', () => {
    expect(score(student(full, { preferredCities: ['nanning'] }), sol3)).toBe(100)
    const other = scoreMatch(student(full, { preferredCities: ['liuzhou'] }), sol3, skills, now)!
    expect(other.score).toBe(70)
    expect(other.reasons.map((r) => renderReason('en', r).text)).toContain('In Nanning, not a preferred city')
    expect(score(student(full, { preferredCities: ['liuzhou'] }), { ...sol3, workMode: 'remote' })).toBe(100)
  })
  test('work mode', () => {
    expect(score(student(full, { workModes: ['remote'] }), sol3)).toBe(85)
    expect(score(student(full, { workModes: ['onsite', 'hybrid'] }), sol3)).toBe(100)
  })
  test('availability: in time, a little late, much later', () => {
    expect(score(student(full, { availableFrom: new Date('2026-03-15') }), sol3)).toBe(100)
    expect(score(student(full, { availableFrom: new Date('2026-04-20') }), sol3)).toBe(92)
    expect(score(student(full, { availableFrom: new Date('2026-09-01') }), sol3)).toBe(80)
  })
  test('days per week', () => {
    expect(score(student(full, { daysPerWeek: 5 }), sol3)).toBe(100)
    expect(score(student(full, { daysPerWeek: 3 }), sol3)).toBe(75)
    expect(score(student(full, { daysPerWeek: 1 }), sol3)).toBe(70)
  })
  test('language: spoken with level, or missing', () => {
    const zhRole = { ...sol3, languages: ['zh', 'en'] }
    const both = scoreMatch(
      student(full, {
        languages: [
          { language: 'zh', level: 'HSK 5' },
          { language: 'en', level: null },
        ],
      }),
      zhRole,
      skills,
      now,
    )!
    expect(both.score).toBe(100)
    expect(both.reasons.map((r) => renderReason('en', r).text)).toContain('Working language Chinese: HSK 5')
    expect(score(student(full, { languages: [{ language: 'en', level: null }] }), zhRole)).toBe(70)
    expect(score(student(full, { languages: [{ language: 'vi', level: null }] }), zhRole)).toBe(40)
    expect(score(student(full), zhRole)).toBe(100)
  })
})

describe('open roles only', () => {
  test('closed, draft and past-deadline roles get no score', () => {
    const s = student([course('sol', 3, 95)])
    expect(scoreMatch(s, { ...sol3, status: 'closed' }, skills, now)).toBeNull()
    expect(scoreMatch(s, { ...sol3, status: 'draft' }, skills, now)).toBeNull()
    expect(scoreMatch(s, { ...sol3, closesAt: new Date('2026-02-28T00:00:00Z') }, skills, now)).toBeNull()
  })
})
