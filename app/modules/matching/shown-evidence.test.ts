import { describe, expect, test } from 'vitest'
import type { Evidence } from './scoring.ts'
import { shownEvidence } from './shown-evidence.ts'

const names: Record<string, string> = { sol: 'Solidity', fisco: 'FISCO BCOS', go: 'Go' }
const name = (id: string) => ({ zh: names[id]!, en: names[id]! })
const title = (text: string) => ({ zh: text, en: text })

describe('evidence as a company sees it', () => {
  test('one entry per source with its skills, verified first and declared skills last, each with its origin', () => {
    const evidence: Evidence[] = [
      { skillId: 'go', level: 3, source: { kind: 'declared' } },
      { skillId: 'sol', level: 2, source: { kind: 'selfReported', what: 'project', evidenceId: 'p1', title: '存证平台' } },
      { skillId: 'fisco', level: 2, source: { kind: 'selfReported', what: 'project', evidenceId: 'p1', title: '存证平台' } },
      { skillId: 'sol', level: 2, source: { kind: 'claimedCourse', courseId: 'c2', title: title('智能合约'), grade: null } },
      { skillId: 'fisco', level: 3, source: { kind: 'event', eventId: 'e1', title: title('训练营') } },
      { skillId: 'sol', level: 3, source: { kind: 'verifiedCourse', courseId: 'c1', title: title('区块链原理'), grade: 92 } },
      { skillId: 'sol', level: 3, source: { kind: 'verifiedCourse', courseId: 'c1', title: title('区块链原理'), grade: 92 } },
    ]
    expect(shownEvidence(evidence, name)).toEqual([
      { what: 'course', title: title('区块链原理'), origin: 'verified', grade: 92, skills: [{ name: name('sol'), level: 3 }] },
      { what: 'event', title: title('训练营'), origin: 'event', grade: null, skills: [{ name: name('fisco'), level: 3 }] },
      { what: 'course', title: title('智能合约'), origin: 'selfReported', grade: null, skills: [{ name: name('sol'), level: 2 }] },
      {
        what: 'project',
        title: title('存证平台'),
        origin: 'selfReported',
        grade: null,
        skills: [
          { name: name('sol'), level: 2 },
          { name: name('fisco'), level: 2 },
        ],
      },
      { what: 'skills', title: null, origin: 'selfReported', grade: null, skills: [{ name: name('go'), level: 3 }] },
    ])
  })

  test('a credential comes first, as a credential with its issuer’s title and grade, never as declared skills', () => {
    const credential = { kind: 'credential' as const, credentialId: 'vc1', title: title('实习：智能合约开发实习生'), issuer: title('链融'), grade: null }
    const evidence: Evidence[] = [
      { skillId: 'go', level: 3, source: { kind: 'declared' } },
      { skillId: 'sol', level: 4, source: credential },
      { skillId: 'fisco', level: 3, source: credential },
    ]
    expect(shownEvidence(evidence, name)).toEqual([
      {
        what: 'credential',
        title: title('实习：智能合约开发实习生'),
        origin: 'credential',
        grade: null,
        skills: [
          { name: name('sol'), level: 4 },
          { name: name('fisco'), level: 3 },
        ],
      },
      { what: 'skills', title: null, origin: 'selfReported', grade: null, skills: [{ name: name('go'), level: 3 }] },
    ])
  })
})
