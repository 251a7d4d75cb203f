import { describe, expect, test } from 'vitest'
import { findSkillMentions, type SkillTerms } from './mentions.ts'

const taxonomy: SkillTerms[] = [
  { id: 'go', terms: ['Go', 'Go', 'Golang', 'Go语言'] },
  { id: 'solidity', terms: ['Solidity', 'Solidity', 'Solidity语言', 'sol'] },
  { id: 'fisco', terms: ['FISCO BCOS', 'FISCO BCOS', 'FISCO', '金链盟'] },
  { id: 'contracts', terms: ['智能合约', 'Smart contracts', 'smart contract', '合约开发'] },
  { id: 'blockchain', terms: ['区块链基础', 'Blockchain fundamentals', '区块链'] },
  { id: 'bsn', terms: ['区块链服务网络', 'Blockchain-based Service Network (BSN)', 'BSN'] },
  { id: 'node', terms: [null, 'Node.js', 'NodeJS'] },
]

const found = (text: string) => findSkillMentions(text, taxonomy).map((m) => m.skillId)

describe('finding skills in a résumé', () => {
  test('"Go" is a word of its own: Google, going and a lower-case verb do not count', () => {
    expect(found('Intern at Google. I like going outside and go hiking.')).toEqual([])
    expect(found('Wrote services in Go at Google.')).toEqual(['go'])
    expect(found('Backend: GO, Golang microservices')).toEqual(['go'])
    expect(found('熟悉Go语言并发编程')).toEqual(['go'])
  })

  test('Latin names match whatever their case, and only as whole words', () => {
    expect(found('Built DApps with SOLIDITY and smart contract audits.')).toEqual(['solidity', 'contracts'])
    expect(found('Solutions architect; console logs')).toEqual([])
    expect(found('Deployed a node.js service')).toEqual(['node'])
    expect(found('Worked with fisco-bcos and FISCOBCOS')).toEqual(['fisco'])
  })

  test('Chinese names match inside a sentence without spaces, even spaced out by the PDF', () => {
    expect(found('在金链盟项目中负责智能合约开发')).toEqual(['fisco', 'contracts'])
    expect(found('熟 悉 智 能 合 约')).toEqual(['contracts'])
  })

  test('the longer of two overlapping names wins', () => {
    expect(found('接入区块链服务网络')).toEqual(['bsn'])
    expect(found('接入区块链服务网络，学习区块链')).toEqual(['bsn', 'blockchain'])
  })

  test('each suggestion carries the sentence it came from, in either language', () => {
    const mentions = findSkillMentions(
      '张三\n教育经历：广西大学 区块链工程。项目经历：使用 FISCO BCOS 搭建供应链金融平台！\nI wrote Solidity contracts. I also like tea.',
      taxonomy,
    )
    expect(mentions).toEqual([
      { skillId: 'blockchain', term: '区块链', sentence: '教育经历：广西大学 区块链工程。' },
      { skillId: 'fisco', term: 'FISCO BCOS', sentence: '项目经历：使用 FISCO BCOS 搭建供应链金融平台！' },
      { skillId: 'solidity', term: 'Solidity', sentence: 'I wrote Solidity contracts.' },
    ])
  })

  test('a very long sentence is cut to a window around the skill', () => {
    const text = `${'很长的句子'.repeat(100)}使用Solidity开发${'很长的句子'.repeat(100)}。`
    const [mention] = findSkillMentions(text, taxonomy)
    expect(mention?.sentence).toMatch(/^….*Solidity.*…$/)
    expect(mention!.sentence.length).toBeLessThanOrEqual(242)
  })
})
