// The labelled evaluation set. Students are personas a careers adviser knows; roles are
// generated from hand-written templates with a fixed seed. The relevance labels (0–3)
// come from the adviser's rules in labels.ts, written from the personas' `adviser`
// notes — what the person can do, which jobs suit them, where they will work — and not
// from the scoring code.

import { mulberry32 } from '#scripts/demo-data/prng.ts'

export type Kind = 'smart-contract-dev' | 'app-dev' | 'product' | 'testing' | 'other'
export type Mode = 'onsite' | 'hybrid' | 'remote'

export const skills: Array<{ key: string; zh: string; en: string; parent?: string }> = [
  { key: 'smart-contracts', zh: '智能合约', en: 'Smart contracts' },
  { key: 'solidity', zh: 'Solidity', en: 'Solidity', parent: 'smart-contracts' },
  { key: 'vyper', zh: 'Vyper', en: 'Vyper', parent: 'smart-contracts' },
  { key: 'evm', zh: '以太坊虚拟机', en: 'EVM' },
  { key: 'consortium-chains', zh: '联盟链', en: 'Consortium chains' },
  { key: 'fisco-bcos', zh: 'FISCO BCOS', en: 'FISCO BCOS', parent: 'consortium-chains' },
  { key: 'chainmaker', zh: '长安链', en: 'ChainMaker', parent: 'consortium-chains' },
  { key: 'fabric', zh: 'Hyperledger Fabric', en: 'Hyperledger Fabric', parent: 'consortium-chains' },
  { key: 'go', zh: 'Go 语言', en: 'Go' },
  { key: 'java', zh: 'Java', en: 'Java' },
  { key: 'javascript', zh: 'JavaScript', en: 'JavaScript' },
  { key: 'typescript', zh: 'TypeScript', en: 'TypeScript', parent: 'javascript' },
  { key: 'react', zh: 'React 前端', en: 'React', parent: 'javascript' },
  { key: 'node', zh: 'Node.js 后端', en: 'Node.js', parent: 'javascript' },
  { key: 'python', zh: 'Python', en: 'Python' },
  { key: 'sql', zh: '数据库 SQL', en: 'SQL' },
  { key: 'cryptography', zh: '密码学', en: 'Cryptography' },
  { key: 'security-audit', zh: '合约安全审计', en: 'Security audit' },
  { key: 'testing', zh: '软件测试', en: 'Software testing' },
  { key: 'test-automation', zh: '自动化测试', en: 'Test automation', parent: 'testing' },
  { key: 'product-design', zh: '产品设计', en: 'Product design' },
  { key: 'requirements', zh: '需求分析', en: 'Requirements analysis' },
  { key: 'finance-domain', zh: '金融业务', en: 'Finance domain' },
  { key: 'supply-chain-domain', zh: '供应链业务', en: 'Supply-chain domain' },
  { key: 'data-analysis', zh: '数据分析', en: 'Data analysis' },
]

/** Role templates: the kinds of internship Guangxi's firms post, with the skills each asks. */
export const roleTemplates: Array<{ kind: Kind; zh: string; en: string; required: string[][]; nice: string[] }> = [
  {
    kind: 'smart-contract-dev',
    zh: 'Solidity 智能合约开发实习生',
    en: 'Solidity smart-contract intern',
    required: [['solidity'], ['solidity', 'evm']],
    nice: ['javascript', 'security-audit', 'cryptography'],
  },
  {
    kind: 'smart-contract-dev',
    zh: 'FISCO BCOS 合约开发实习生',
    en: 'FISCO BCOS contract intern',
    required: [['fisco-bcos', 'solidity'], ['fisco-bcos']],
    nice: ['java', 'go'],
  },
  {
    kind: 'smart-contract-dev',
    zh: '长安链合约开发实习生',
    en: 'ChainMaker contract intern',
    required: [['chainmaker', 'go'], ['chainmaker']],
    nice: ['consortium-chains', 'cryptography'],
  },
  {
    kind: 'smart-contract-dev',
    zh: '合约安全审计实习生',
    en: 'Contract security intern',
    required: [['security-audit', 'solidity']],
    nice: ['cryptography', 'evm'],
  },
  {
    kind: 'app-dev',
    zh: '区块链 DApp 前端实习生',
    en: 'DApp front-end intern',
    required: [
      ['react', 'javascript'],
      ['typescript', 'react'],
    ],
    nice: ['solidity', 'node'],
  },
  {
    kind: 'app-dev',
    zh: '联盟链应用后端实习生（Java）',
    en: 'Consortium-chain back-end intern (Java)',
    required: [
      ['java', 'fisco-bcos'],
      ['java', 'sql'],
    ],
    nice: ['consortium-chains', 'finance-domain'],
  },
  { kind: 'app-dev', zh: 'Go 区块链后端实习生', en: 'Go blockchain back-end intern', required: [['go'], ['go', 'fabric']], nice: ['sql', 'chainmaker'] },
  {
    kind: 'app-dev',
    zh: 'Node.js 链上服务实习生',
    en: 'Node.js on-chain services intern',
    required: [
      ['node', 'javascript'],
      ['node', 'typescript'],
    ],
    nice: ['sql', 'evm'],
  },
  {
    kind: 'product',
    zh: '区块链金融产品经理实习生',
    en: 'Blockchain finance product intern',
    required: [
      ['product-design', 'finance-domain'],
      ['requirements', 'finance-domain'],
    ],
    nice: ['data-analysis', 'consortium-chains'],
  },
  {
    kind: 'product',
    zh: '供应链溯源产品实习生',
    en: 'Supply-chain traceability product intern',
    required: [
      ['product-design', 'supply-chain-domain'],
      ['requirements', 'supply-chain-domain'],
    ],
    nice: ['consortium-chains', 'data-analysis'],
  },
  {
    kind: 'testing',
    zh: '区块链测试工程师实习生',
    en: 'Blockchain test engineer intern',
    required: [['testing'], ['test-automation', 'python']],
    nice: ['solidity', 'fisco-bcos'],
  },
  {
    kind: 'testing',
    zh: '智能合约测试实习生',
    en: 'Smart-contract test intern',
    required: [
      ['testing', 'solidity'],
      ['test-automation', 'solidity'],
    ],
    nice: ['security-audit', 'javascript'],
  },
  {
    kind: 'other',
    zh: '链上数据分析实习生',
    en: 'On-chain data analyst intern',
    required: [
      ['data-analysis', 'sql'],
      ['data-analysis', 'python'],
    ],
    nice: ['evm', 'finance-domain'],
  },
]

export const cities = ['nanning', 'nanning', 'nanning', 'liuzhou', 'guilin', 'beihai', 'qinzhou', 'wuzhou'] as const

export type Persona = {
  key: string
  name: string
  /** Verified course records: the skills each course teaches (with level), and the grade. */
  courses: Array<{ skills: Record<string, number>; grade: number; title: string }>
  declared?: Record<string, number>
  cities: string[]
  modes?: Mode[]
  languages: Array<[string, string | null]>
  daysPerWeek?: number
  /** The adviser's judgement, independent of the scoring code. */
  adviser: { kinds: Kind[]; canDo: string[]; speaks: string[] }
}

const zh: Array<[string, string | null]> = [['zh', '母语']]
const zhEn: Array<[string, string | null]> = [
  ['zh', '母语'],
  ['en', 'CET-6'],
]

export const personas: Persona[] = [
  {
    key: 'p01',
    name: '韦明',
    courses: [
      { title: '区块链金融创新实训', skills: { solidity: 3, evm: 2 }, grade: 92 },
      { title: 'Web 前端开发', skills: { javascript: 3 }, grade: 85 },
    ],
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev'], canDo: ['solidity', 'evm', 'javascript', 'smart-contracts'], speaks: ['zh'] },
  },
  {
    key: 'p02',
    name: '黄丽',
    courses: [
      { title: 'FISCO BCOS 联盟链开发', skills: { 'fisco-bcos': 3, solidity: 2 }, grade: 88 },
      { title: 'Java 程序设计', skills: { java: 3 }, grade: 90 },
    ],
    cities: ['nanning', 'liuzhou'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev', 'app-dev'], canDo: ['fisco-bcos', 'solidity', 'java', 'consortium-chains'], speaks: ['zh'] },
  },
  {
    key: 'p03',
    name: '覃峰',
    courses: [
      { title: '长安链技术实践', skills: { chainmaker: 3 }, grade: 86 },
      { title: 'Go 语言程序设计', skills: { go: 3 }, grade: 91 },
    ],
    cities: ['guilin'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev', 'app-dev'], canDo: ['chainmaker', 'go', 'consortium-chains'], speaks: ['zh'] },
  },
  {
    key: 'p04',
    name: 'Nguyen Van An',
    courses: [
      { title: 'Smart contract security', skills: { 'security-audit': 3, solidity: 3 }, grade: 94 },
      { title: 'Applied cryptography', skills: { cryptography: 3 }, grade: 89 },
    ],
    cities: [],
    modes: ['remote', 'hybrid'],
    languages: [
      ['vi', 'native'],
      ['en', 'IELTS 6.5'],
      ['zh', 'HSK 4'],
    ],
    adviser: { kinds: ['smart-contract-dev'], canDo: ['security-audit', 'solidity', 'cryptography', 'smart-contracts', 'evm'], speaks: ['vi', 'en', 'zh'] },
  },
  {
    key: 'p05',
    name: '李娜',
    courses: [
      { title: 'React 应用开发', skills: { react: 3, javascript: 3 }, grade: 93 },
      { title: 'TypeScript 工程实践', skills: { typescript: 3 }, grade: 87 },
    ],
    cities: ['nanning'],
    languages: zhEn,
    adviser: { kinds: ['app-dev'], canDo: ['react', 'javascript', 'typescript'], speaks: ['zh', 'en'] },
  },
  {
    key: 'p06',
    name: '陈强',
    courses: [
      { title: 'Java 企业开发', skills: { java: 4, sql: 3 }, grade: 90 },
      { title: 'FISCO BCOS 应用开发', skills: { 'fisco-bcos': 2 }, grade: 80 },
    ],
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['app-dev'], canDo: ['java', 'sql', 'fisco-bcos', 'consortium-chains'], speaks: ['zh'] },
  },
  {
    key: 'p07',
    name: '蒙婷',
    courses: [
      { title: 'Go 后端开发', skills: { go: 3, sql: 2 }, grade: 88 },
      { title: 'Hyperledger Fabric 实践', skills: { fabric: 3 }, grade: 84 },
    ],
    cities: ['liuzhou', 'nanning'],
    languages: zh,
    adviser: { kinds: ['app-dev'], canDo: ['go', 'sql', 'fabric', 'consortium-chains'], speaks: ['zh'] },
  },
  {
    key: 'p08',
    name: '周杰',
    courses: [{ title: 'Node.js 服务端开发', skills: { node: 3, javascript: 3 }, grade: 91 }],
    declared: { typescript: 3 },
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['app-dev'], canDo: ['node', 'javascript', 'typescript'], speaks: ['zh'] },
  },
  {
    key: 'p09',
    name: '梁雪',
    courses: [
      { title: '金融科技产品设计', skills: { 'product-design': 3, 'finance-domain': 3 }, grade: 90 },
      { title: '需求工程', skills: { requirements: 3 }, grade: 86 },
    ],
    cities: ['nanning'],
    languages: zhEn,
    adviser: { kinds: ['product'], canDo: ['product-design', 'finance-domain', 'requirements'], speaks: ['zh', 'en'] },
  },
  {
    key: 'p10',
    name: '罗佳',
    courses: [
      { title: '供应链管理', skills: { 'supply-chain-domain': 3 }, grade: 88 },
      { title: '产品需求分析', skills: { requirements: 3, 'product-design': 2 }, grade: 85 },
    ],
    cities: ['qinzhou', 'beihai'],
    languages: zh,
    adviser: { kinds: ['product'], canDo: ['supply-chain-domain', 'requirements', 'product-design'], speaks: ['zh'] },
  },
  {
    key: 'p11',
    name: '廖军',
    courses: [
      { title: '软件测试技术', skills: { testing: 3, 'test-automation': 2 }, grade: 87 },
      { title: 'Python 程序设计', skills: { python: 3 }, grade: 90 },
    ],
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['testing'], canDo: ['testing', 'test-automation', 'python'], speaks: ['zh'] },
  },
  {
    key: 'p12',
    name: '苏敏',
    courses: [{ title: '智能合约测试', skills: { testing: 3, solidity: 2 }, grade: 89 }],
    cities: ['nanning', 'guilin'],
    languages: zh,
    adviser: { kinds: ['testing'], canDo: ['testing', 'solidity', 'smart-contracts'], speaks: ['zh'] },
  },
  {
    key: 'p13',
    name: '黎晨',
    courses: [
      { title: '数据分析与可视化', skills: { 'data-analysis': 3, python: 3 }, grade: 92 },
      { title: '数据库系统', skills: { sql: 3 }, grade: 88 },
    ],
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['other'], canDo: ['data-analysis', 'python', 'sql'], speaks: ['zh'] },
  },
  {
    key: 'p14',
    name: 'Somchai P.',
    courses: [{ title: 'Blockchain application development', skills: { react: 3, javascript: 3, solidity: 2 }, grade: 85 }],
    cities: [],
    modes: ['remote'],
    languages: [
      ['th', 'native'],
      ['en', 'TOEFL 90'],
    ],
    adviser: { kinds: ['app-dev'], canDo: ['react', 'javascript', 'solidity'], speaks: ['th', 'en'] },
  },
  {
    key: 'p15',
    name: '韦芳',
    courses: [{ title: '区块链原理', skills: { 'smart-contracts': 2, evm: 2 }, grade: 75 }],
    declared: { solidity: 2 },
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev'], canDo: ['smart-contracts', 'evm'], speaks: ['zh'] },
  },
  {
    key: 'p16',
    name: '何涛',
    courses: [
      { title: 'Java 程序设计', skills: { java: 3 }, grade: 78 },
      { title: '数据库原理', skills: { sql: 3 }, grade: 82 },
    ],
    cities: ['liuzhou'],
    languages: zh,
    adviser: { kinds: ['app-dev'], canDo: ['java', 'sql'], speaks: ['zh'] },
  },
  {
    key: 'p17',
    name: '农丹',
    courses: [{ title: '供应链金融', skills: { 'finance-domain': 3, 'supply-chain-domain': 2 }, grade: 91 }],
    declared: { 'data-analysis': 2 },
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['product', 'other'], canDo: ['finance-domain', 'supply-chain-domain'], speaks: ['zh'] },
  },
  {
    key: 'p18',
    name: 'Tran Thi Mai',
    courses: [{ title: 'Software testing', skills: { testing: 3, 'test-automation': 3 }, grade: 90 }],
    cities: ['nanning'],
    languages: [
      ['vi', 'native'],
      ['zh', 'HSK 5'],
      ['en', 'B2'],
    ],
    adviser: { kinds: ['testing'], canDo: ['testing', 'test-automation'], speaks: ['vi', 'zh', 'en'] },
  },
  {
    key: 'p19',
    name: '杨帆',
    courses: [{ title: 'FISCO BCOS 合约开发', skills: { 'fisco-bcos': 3, solidity: 3 }, grade: 95 }],
    cities: ['beihai'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev'], canDo: ['fisco-bcos', 'solidity', 'consortium-chains', 'smart-contracts'], speaks: ['zh'] },
  },
  {
    key: 'p20',
    name: '谭静',
    courses: [
      { title: '前端工程', skills: { typescript: 3, react: 3 }, grade: 88 },
      { title: 'Node.js', skills: { node: 2 }, grade: 80 },
    ],
    cities: ['guilin', 'nanning'],
    languages: zh,
    adviser: { kinds: ['app-dev'], canDo: ['typescript', 'react', 'javascript', 'node'], speaks: ['zh'] },
  },
  {
    key: 'p21',
    name: '张伟',
    courses: [
      { title: '密码学基础', skills: { cryptography: 3 }, grade: 93 },
      { title: 'Go 程序设计', skills: { go: 3 }, grade: 89 },
    ],
    declared: { chainmaker: 2 },
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev', 'app-dev'], canDo: ['cryptography', 'go', 'chainmaker'], speaks: ['zh'] },
  },
  {
    key: 'p22',
    name: 'Siti Aminah',
    courses: [{ title: 'Product management', skills: { 'product-design': 3, requirements: 3 }, grade: 87 }],
    declared: { 'finance-domain': 2 },
    cities: [],
    modes: ['remote', 'hybrid'],
    languages: [
      ['ms', 'native'],
      ['en', 'C1'],
    ],
    adviser: { kinds: ['product'], canDo: ['product-design', 'requirements'], speaks: ['ms', 'en'] },
  },
  {
    key: 'p23',
    name: '陆洋',
    courses: [{ title: 'Python 自动化测试', skills: { python: 3, 'test-automation': 3 }, grade: 86 }],
    cities: ['liuzhou'],
    languages: zh,
    adviser: { kinds: ['testing'], canDo: ['python', 'test-automation', 'testing'], speaks: ['zh'] },
  },
  {
    key: 'p24',
    name: '邓琳',
    courses: [
      { title: 'Solidity 开发', skills: { solidity: 4, evm: 3 }, grade: 96 },
      { title: '合约安全', skills: { 'security-audit': 2 }, grade: 85 },
    ],
    cities: ['nanning'],
    languages: zhEn,
    adviser: { kinds: ['smart-contract-dev'], canDo: ['solidity', 'evm', 'security-audit', 'smart-contracts'], speaks: ['zh', 'en'] },
  },
  {
    key: 'p25',
    name: '吴越',
    courses: [{ title: 'Hyperledger Fabric 开发', skills: { fabric: 3, go: 2 }, grade: 84 }],
    cities: ['wuzhou', 'nanning'],
    languages: zh,
    adviser: { kinds: ['app-dev', 'smart-contract-dev'], canDo: ['fabric', 'go', 'consortium-chains'], speaks: ['zh'] },
  },
  {
    key: 'p26',
    name: '莫雨',
    courses: [{ title: '数据分析', skills: { 'data-analysis': 3, sql: 2 }, grade: 85 }],
    declared: { 'finance-domain': 2 },
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['other', 'product'], canDo: ['data-analysis', 'sql'], speaks: ['zh'] },
  },
  {
    key: 'p27',
    name: '林浩',
    courses: [
      { title: 'JavaScript 程序设计', skills: { javascript: 3 }, grade: 80 },
      { title: '区块链导论', skills: { solidity: 2 }, grade: 82 },
    ],
    cities: ['guilin'],
    languages: zh,
    adviser: { kinds: ['app-dev', 'smart-contract-dev'], canDo: ['javascript', 'solidity'], speaks: ['zh'] },
  },
  {
    key: 'p28',
    name: '唐欣',
    courses: [
      { title: '软件测试', skills: { testing: 3 }, grade: 88 },
      { title: 'Java', skills: { java: 2 }, grade: 80 },
    ],
    cities: ['nanning', 'liuzhou'],
    languages: zh,
    adviser: { kinds: ['testing'], canDo: ['testing', 'java'], speaks: ['zh'] },
  },
  {
    key: 'p29',
    name: 'Kham Vong',
    courses: [{ title: 'Consortium blockchain (ChainMaker)', skills: { chainmaker: 3, go: 3 }, grade: 90 }],
    cities: ['nanning'],
    languages: [
      ['lo', 'native'],
      ['zh', 'HSK 5'],
    ],
    adviser: { kinds: ['smart-contract-dev', 'app-dev'], canDo: ['chainmaker', 'go', 'consortium-chains'], speaks: ['lo', 'zh'] },
  },
  {
    key: 'p30',
    name: '冯磊',
    courses: [{ title: '供应链溯源系统设计', skills: { 'supply-chain-domain': 3, 'product-design': 3 }, grade: 92 }],
    cities: ['nanning', 'qinzhou'],
    languages: zh,
    adviser: { kinds: ['product'], canDo: ['supply-chain-domain', 'product-design', 'requirements'], speaks: ['zh'] },
  },
  {
    key: 'p31',
    name: '秦悦',
    courses: [{ title: 'Vyper 与 EVM', skills: { vyper: 3, evm: 3 }, grade: 88 }],
    cities: ['nanning'],
    languages: zh,
    adviser: { kinds: ['smart-contract-dev'], canDo: ['vyper', 'evm', 'smart-contracts'], speaks: ['zh'] },
  },
  {
    key: 'p32',
    name: '袁博',
    courses: [
      { title: 'Node.js 开发', skills: { node: 3, typescript: 3 }, grade: 90 },
      { title: '数据库', skills: { sql: 3 }, grade: 86 },
    ],
    cities: ['liuzhou'],
    languages: zh,
    adviser: { kinds: ['app-dev'], canDo: ['node', 'typescript', 'sql', 'javascript'], speaks: ['zh'] },
  },
]

export type GeneratedRole = {
  key: string
  kind: Kind
  zh: string
  en: string
  city: string
  workMode: Mode
  languages: string[]
  daysPerWeek: number
  openings: number
  open: boolean
  skills: Array<{ skill: string; level: number; required: boolean }>
}

export function generateRoles(count: number, seed = 20261127): GeneratedRole[] {
  // Seeded, so every run sees the same roles.
  const random = mulberry32(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  return Array.from({ length: count }, (_, i) => {
    const template = pick(roleTemplates)
    const required = pick(template.required)
    const nice = template.nice.filter(() => random() < 0.4)
    const languagesRoll = random()
    return {
      key: `bench-role-${i}`,
      kind: template.kind,
      zh: template.zh,
      en: template.en,
      city: pick(cities),
      workMode: pick(['onsite', 'onsite', 'hybrid', 'remote'] as const),
      languages: languagesRoll < 0.7 ? ['zh'] : languagesRoll < 0.9 ? ['zh', 'en'] : ['en'],
      daysPerWeek: 3 + Math.floor(random() * 3),
      openings: 1 + Math.floor(random() * 3),
      // One role in ten is closed or past its deadline: it must never be recommended.
      open: random() >= 0.1,
      skills: [
        ...required.map((skill) => ({ skill, level: 2 + Math.floor(random() * 2), required: true })),
        ...nice.filter((s) => !required.includes(s)).map((skill) => ({ skill, level: 2, required: false })),
      ],
    }
  })
}
