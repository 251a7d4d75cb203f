// Role templates: each one turns a company (its chain, domains and traits) into a
// bilingual internship posting whose skills fit the role's kind.
import type { ChainKey, CompanyInfo, Trait } from './companies.ts'
import type { RoleKind, RoleSkill } from './format.ts'
import type { Random } from './prng.ts'

type Bilingual = { zh: string; en: string }

export interface RoleDraft {
  slug: string
  kind: RoleKind
  title: Bilingual
  intro: Bilingual
  duties: { zh: string[]; en: string[] }
  skills: RoleSkill[]
  /** Extra working language the posting asks for (besides zh), if any. */
  wantsAseanLanguage: boolean
}

/** Monthly stipend bounds (CNY) that a role of each kind is drawn from. */
export const stipendRange: Record<RoleKind, [min: number, max: number]> = {
  'smart-contract-dev': [2500, 4500],
  'app-dev': [2000, 4000],
  testing: [1800, 3500],
  product: [1500, 3200],
  other: [1500, 3000],
}

/** Chinese typesetting convention: a space between Chinese characters and Latin text. */
export function spaceLatin(zh: string): string {
  return zh.replace(/([\u4e00-\u9fff])([A-Za-z0-9])/g, '$1 $2').replace(/([A-Za-z0-9])([\u4e00-\u9fff])/g, '$1 $2')
}

/** A draft's title and Markdown description (intro, then the duties as a list), as posted. */
export function draftText(draft: RoleDraft): { title: Bilingual; description: Bilingual } {
  return {
    title: { zh: spaceLatin(draft.title.zh), en: draft.title.en },
    description: {
      zh: spaceLatin(`${draft.intro.zh}\n\n**工作内容**\n${draft.duties.zh.map((d) => `- ${d}`).join('\n')}`),
      en: `${draft.intro.en}\n\n**What you will do**\n${draft.duties.en.map((d) => `- ${d}`).join('\n')}`,
    },
  }
}

interface Context {
  company: CompanyInfo
  rng: Random
  chain: Bilingual
  domainKey: string
  domain: Bilingual & { title: string }
}

interface RoleTemplate {
  slug: string
  kind: RoleKind
  /** 0 means the template does not apply to the company. */
  weight: (company: CompanyInfo) => number
  build: (ctx: Context) => Omit<RoleDraft, 'slug' | 'kind' | 'wantsAseanLanguage'> & { wantsAseanLanguage?: boolean }
}

const chainNames: Record<ChainKey, Bilingual> = {
  'fisco-bcos': { zh: 'FISCO BCOS', en: 'FISCO BCOS' },
  chainmaker: { zh: '长安链', en: 'ChainMaker' },
  'hyperledger-fabric': { zh: 'Hyperledger Fabric', en: 'Hyperledger Fabric' },
  xuperchain: { zh: '百度超级链', en: 'XuperChain' },
  ethereum: { zh: '以太坊兼容链', en: 'an Ethereum-compatible chain' },
}

/** `title` is the English name as it appears in a job title. */
const domainNames: Record<string, Bilingual & { title: string }> = {
  'supply-chain-finance': { zh: '供应链金融', en: 'supply chain finance', title: 'Supply Chain Finance' },
  fintech: { zh: '金融科技', en: 'fintech', title: 'Fintech' },
  'cross-border-trade': { zh: '跨境贸易', en: 'cross-border trade', title: 'Cross-border Trade' },
  'cross-border-payments': { zh: '跨境支付', en: 'cross-border payments', title: 'Cross-border Payments' },
  'data-elements': { zh: '数据要素流通', en: 'data exchange', title: 'Data Exchange' },
  'digital-government': { zh: '数字政务', en: 'digital government', title: 'Digital Government' },
  'blockchain-compliance': { zh: '区块链安全合规', en: 'blockchain compliance', title: 'Blockchain Compliance' },
  'electronic-evidence': { zh: '电子存证', en: 'electronic evidence', title: 'Electronic Evidence' },
  'smart-logistics': { zh: '智慧物流', en: 'smart logistics', title: 'Smart Logistics' },
  did: { zh: '数字身份', en: 'digital identity', title: 'Digital Identity' },
  'digital-collectibles': { zh: '数字藏品', en: 'digital collectibles', title: 'Digital Collectibles' },
  'carbon-assets': { zh: '碳资产', en: 'carbon assets', title: 'Carbon Assets' },
  'digital-rmb': { zh: '数字人民币', en: 'e-CNY', title: 'e-CNY' },
  traceability: { zh: '溯源', en: 'traceability', title: 'Traceability' },
  'agri-traceability': { zh: '农产品溯源', en: 'farm produce traceability', title: 'Farm Produce Traceability' },
}

const solidityChains: readonly ChainKey[] = ['ethereum', 'fisco-bcos', 'chainmaker', 'xuperchain']
const consumerDomains: readonly string[] = ['traceability', 'agri-traceability', 'digital-collectibles']

function has(company: CompanyInfo, trait: Trait): boolean {
  return company.traits.includes(trait)
}

function req(skill: string, level: number): RoleSkill {
  return { skill, level, required: true }
}

function nice(skill: string, level: number): RoleSkill {
  return { skill, level, required: false }
}

/**
 * Picks 1–3 required and 0–3 nice-to-have skills, never repeating one. Postings vary:
 * some relax their second requirement, some insist on one of the nice-to-haves.
 */
function combine(rng: Random, required: RoleSkill[], optional: RoleSkill[]): RoleSkill[] {
  const seen = new Set(required.map((s) => s.skill))
  const candidates: RoleSkill[] = []
  for (const s of optional) {
    if (seen.has(s.skill)) continue
    seen.add(s.skill)
    candidates.push(s)
  }
  const chosen = rng.sample(candidates, rng.int(0, Math.min(3, candidates.length)))
  const must = [...required]
  const variant = rng.float()
  if (variant < 0.15 && must.length > 1) {
    const relaxed = must.pop()
    if (relaxed) chosen.push({ ...relaxed, required: false })
  } else if (variant > 0.85 && must.length < 3) {
    const promoted = chosen.shift()
    if (promoted) must.push({ ...promoted, required: true, level: Math.max(promoted.level, 2) })
  }
  return [...must, ...chosen.slice(0, 3)]
}

/** A required level of usually 3, sometimes 2 or 4. */
function lvl(rng: Random): number {
  return rng.weighted([
    [2, 0.25],
    [3, 0.55],
    [4, 0.2],
  ])
}

/** The consumer-facing mini program shared by traceability and collectibles companies. */
function buildMiniProgram({ company, rng, domain, domainKey }: Context): Omit<RoleDraft, 'slug' | 'kind' | 'wantsAseanLanguage'> {
  return {
    title: { zh: `小程序开发实习生（${domain.zh}）`, en: `Mini Program Developer Intern (${domain.title})` },
    intro: {
      zh: `消费者通过微信扫码即可查看${company.short.zh}记录在区块链上的${domain.zh}信息。你将参与这款小程序的开发与迭代。`,
      en: `Consumers scan a code in WeChat to see the ${domain.en} records ${company.short.en} keeps on chain. You will help build and improve this mini program.`,
    },
    duties: {
      zh: ['开发微信小程序页面与组件', '对接链上查询接口并展示上链记录', '优化扫码与加载速度', '参与用户反馈分析'],
      en: [
        'Build WeChat mini program pages and components',
        'Integrate the on-chain query API and display records',
        'Speed up scanning and loading',
        'Help analyse user feedback',
      ],
    },
    skills: combine(rng, [req('mini-programs', lvl(rng)), req('javascript', 3)], [nice('rest-api', 2), nice(domainKey, 2), nice('vue', 2)]),
  }
}

const templates: RoleTemplate[] = [
  {
    slug: 'contract-dev',
    kind: 'smart-contract-dev',
    weight: (c) => (['fisco-bcos', 'ethereum', 'xuperchain'].includes(c.chain) ? 3 : 0),
    build: ({ company, rng, chain, domain, domainKey }) => {
      const chainSkill = company.chain === 'ethereum' ? 'evm' : company.chain
      const suffix = rng.chance(0.4)
      return {
        title: suffix
          ? { zh: `智能合约开发实习生（${domain.zh}方向）`, en: `Smart Contract Developer Intern (${domain.title})` }
          : { zh: '智能合约开发实习生', en: 'Smart Contract Developer Intern' },
        intro: {
          zh: `${company.short.zh}正在建设基于${chain.zh}的${domain.zh}平台。作为智能合约开发实习生，你将在导师指导下参与智能合约的设计、编写与测试，了解区块链项目从需求到上线的全过程。`,
          en: `${company.short.en} is building a ${domain.en} platform on ${chain.en}. As a smart contract developer intern you will design, write and test smart contracts with a mentor and see a blockchain project from requirements to launch.`,
        },
        duties: {
          zh: ['使用 Solidity 编写和维护业务智能合约', '为合约编写单元测试并参与代码评审', '在测试链上部署合约，配合后端完成联调', '整理合约接口文档'],
          en: [
            'Write and maintain business smart contracts in Solidity',
            'Write unit tests for contracts and take part in code review',
            'Deploy contracts to the test chain and integrate them with the backend',
            'Document contract interfaces',
          ],
        },
        skills: combine(
          rng,
          [req('solidity', lvl(rng)), req(chainSkill, 2)],
          [nice('smart-contract-testing', 2), nice('hardhat', 2), nice(domainKey, 2), nice('git', 2), nice('openzeppelin', 2)],
        ),
      }
    },
  },
  {
    slug: 'solidity-dev',
    kind: 'smart-contract-dev',
    weight: (c) => (c.chain === 'ethereum' ? 3 : solidityChains.includes(c.chain) ? 1.5 : 0),
    build: ({ company, rng, chain, domain }) => ({
      title: { zh: 'Solidity 开发实习生', en: 'Solidity Developer Intern' },
      intro: {
        zh: `加入${company.short.zh}合约团队，用 Solidity 在${chain.zh}上实现${domain.zh}业务逻辑。我们重视代码质量和测试，会安排资深工程师一对一带教。`,
        en: `Join ${company.short.en}'s contract team and implement ${domain.en} logic in Solidity on ${chain.en}. We care about code quality and tests, and a senior engineer will mentor you one-to-one.`,
      },
      duties: {
        zh: ['根据需求文档开发 Solidity 智能合约', '使用 Foundry 或 Hardhat 编写测试用例', '参与 Gas 消耗分析与合约优化', '跟进测试团队反馈的缺陷'],
        en: [
          'Develop Solidity smart contracts from requirement documents',
          'Write tests with Foundry or Hardhat',
          'Analyse gas usage and optimise contracts',
          'Follow up on defects reported by the test team',
        ],
      },
      skills: combine(
        rng,
        [
          req(
            'solidity',
            rng.weighted([
              [3, 0.7],
              [4, 0.3],
            ]),
          ),
          req('smart-contracts', 3),
        ],
        [nice('foundry', 2), nice('openzeppelin', 2), nice('gas-optimization', 2), nice('token-standards', 2)],
      ),
    }),
  },
  {
    slug: 'contract-audit',
    kind: 'smart-contract-dev',
    weight: (c) => (has(c, 'security') ? 4 : c.chain === 'ethereum' ? 0.4 : 0),
    build: ({ company, rng }) => ({
      title: { zh: '智能合约安全审计实习生', en: 'Smart Contract Security Audit Intern' },
      intro: {
        zh: `${company.short.zh}为金融机构和政务项目提供智能合约安全审计。你将参与真实项目的审计工作，学习漏洞分析、形式化验证和审计报告写作。`,
        en: `${company.short.en} audits smart contracts for financial institutions and government projects. You will work on real audits and learn vulnerability analysis, formal verification and report writing.`,
      },
      duties: {
        zh: [
          '审阅 Solidity 智能合约代码，识别重入、权限等常见漏洞',
          '编写漏洞复现用例和模糊测试',
          '协助撰写中英文审计报告',
          '跟踪最新的链上安全事件并整理分析',
        ],
        en: [
          'Review Solidity smart contracts for reentrancy, access-control and other common flaws',
          'Write exploit reproductions and fuzz tests',
          'Help write audit reports in Chinese and English',
          'Track and summarise recent on-chain security incidents',
        ],
      },
      skills: combine(
        rng,
        [req('contract-auditing', 4), req('solidity', 3)],
        [nice('formal-verification', 2), nice('security-testing', 3), nice('foundry', 2), nice('evm', 3)],
      ),
    }),
  },
  {
    slug: 'chaincode-dev',
    kind: 'smart-contract-dev',
    weight: (c) => (c.chain === 'hyperledger-fabric' ? 3 : 0),
    build: ({ company, rng, domain, domainKey }) => ({
      title: { zh: '链码开发实习生（Hyperledger Fabric）', en: 'Chaincode Developer Intern (Hyperledger Fabric)' },
      intro: {
        zh: `${company.short.zh}的${domain.zh}系统运行在 Hyperledger Fabric 联盟链上。你将使用 Go 开发链码（智能合约），并参与多组织网络的部署。`,
        en: `${company.short.en}'s ${domain.en} system runs on a Hyperledger Fabric consortium network. You will write chaincode (smart contracts) in Go and help deploy multi-organisation networks.`,
      },
      duties: {
        zh: ['使用 Go 编写和测试链码', '维护通道、背书策略等网络配置', '配合应用团队完成链码升级', '编写部署脚本与操作手册'],
        en: [
          'Write and test chaincode in Go',
          'Maintain channel and endorsement-policy configuration',
          'Coordinate chaincode upgrades with the application team',
          'Write deployment scripts and runbooks',
        ],
      },
      skills: combine(
        rng,
        [req('chaincode', lvl(rng)), req('go', 3)],
        [nice('hyperledger-fabric', 3), nice('docker', 2), nice(domainKey, 2), nice('linux', 2)],
      ),
    }),
  },
  {
    slug: 'chainmaker-contract',
    kind: 'smart-contract-dev',
    weight: (c) => (c.chain === 'chainmaker' ? 3 : 0),
    build: ({ company, rng, domain, domainKey }) => {
      const lang = rng.weighted([
        ['go', 0.7],
        ['rust', 0.3],
      ] as const)
      const langName = lang === 'go' ? 'Go' : 'Rust'
      return {
        title: { zh: '长安链智能合约开发实习生', en: 'ChainMaker Smart Contract Developer Intern' },
        intro: {
          zh: `${company.short.zh}基于长安链（ChainMaker）建设${domain.zh}平台。你将使用 ${langName} 编写长安链智能合约，并了解国密、隐私计算等自主可控技术。`,
          en: `${company.short.en} builds its ${domain.en} platform on ChainMaker. You will write ChainMaker smart contracts in ${langName} and learn about China's national cryptography standards and privacy technology.`,
        },
        duties: {
          zh: [`使用 ${langName} 开发长安链智能合约`, '编写合约测试并参与代码评审', '在长安链测试网络上部署和调试合约', '整理合约与 SDK 的调用示例'],
          en: [
            `Develop ChainMaker smart contracts in ${langName}`,
            'Write contract tests and take part in code review',
            'Deploy and debug contracts on a ChainMaker test network',
            'Write examples of calling contracts through the SDK',
          ],
        },
        skills: combine(
          rng,
          [req('chainmaker', lvl(rng)), req(lang, 3)],
          [nice('smart-contracts', 3), nice('docker', 2), nice('guomi', 2), nice(domainKey, 2)],
        ),
      }
    },
  },
  {
    slug: 'zk-rnd',
    kind: 'smart-contract-dev',
    weight: (c) => (has(c, 'privacy') ? 4 : 0),
    build: ({ company, rng }) => ({
      title: { zh: '零知识证明研发实习生', en: 'Zero-Knowledge Proof R&D Intern' },
      intro: {
        zh: `${company.short.zh}研发基于零知识证明的隐私保护方案。你将参与电路设计、证明系统性能评估以及链上验证合约的开发。`,
        en: `${company.short.en} builds privacy solutions based on zero-knowledge proofs. You will help design circuits, benchmark proof systems and build on-chain verifier contracts.`,
      },
      duties: {
        zh: ['使用 Rust 实现和优化零知识证明电路', '对比评估 Groth16、PLONK 等证明系统', '开发链上验证智能合约', '阅读论文并做技术分享'],
        en: [
          'Implement and optimise zero-knowledge circuits in Rust',
          'Compare proof systems such as Groth16 and PLONK',
          'Build on-chain verifier smart contracts',
          'Read papers and present them to the team',
        ],
      },
      skills: combine(
        rng,
        [req('zero-knowledge-proofs', lvl(rng)), req('rust', 3)],
        [nice('cryptography', 3), nice('solidity', 2), nice('mpc', 2), nice('elliptic-curve-cryptography', 3)],
      ),
    }),
  },
  {
    slug: 'move-dev',
    kind: 'smart-contract-dev',
    weight: (c) => (c.chain === 'ethereum' && has(c, 'frontend') ? 1.5 : 0),
    build: ({ company, rng }) => ({
      title: { zh: 'Move 智能合约开发实习生', en: 'Move Smart Contract Developer Intern' },
      intro: {
        zh: `${company.short.zh}正在评估 Move 语言的资源模型，用于数字资产与身份合约。你将参与原型开发和与 Solidity 方案的对比。`,
        en: `${company.short.en} is evaluating Move's resource model for digital-asset and identity contracts. You will build prototypes and compare them with the Solidity version.`,
      },
      duties: {
        zh: ['使用 Move 编写原型合约', '编写测试并对比 Solidity 实现', '整理评估报告'],
        en: ['Write prototype contracts in Move', 'Write tests and compare with the Solidity implementation', 'Write up the evaluation'],
      },
      skills: combine(rng, [req('move', 3), req('smart-contracts', 3)], [nice('rust', 2), nice('solidity', 2)]),
    }),
  },
  {
    slug: 'backend-dev',
    kind: 'app-dev',
    weight: () => 3,
    build: ({ company, rng, chain, domain, domainKey }) => {
      const lang = company.chain === 'fisco-bcos' ? 'java' : company.chain === 'ethereum' ? rng.pick(['go', 'nodejs'] as const) : 'go'
      const langName = { java: 'Java', go: 'Go', nodejs: 'Node.js' }[lang]
      const frameworkSkill = { java: 'spring-boot', go: 'grpc', nodejs: 'typescript' }[lang]
      return {
        title: { zh: `区块链后端开发实习生（${langName}）`, en: `Blockchain Backend Developer Intern (${langName})` },
        intro: {
          zh: `${company.short.zh}的${domain.zh}平台需要把链上数据和业务系统连接起来。你将使用 ${langName} 开发后端服务，通过 SDK 与${chain.zh}交互。`,
          en: `${company.short.en}'s ${domain.en} platform connects on-chain data to business systems. You will build backend services in ${langName} that talk to ${chain.en} through its SDK.`,
        },
        duties: {
          zh: [
            `使用 ${langName} 开发业务接口和链上数据同步服务`,
            '调用区块链 SDK 完成交易提交与事件监听',
            '设计数据库表结构并编写 SQL',
            '编写单元测试与接口文档',
          ],
          en: [
            `Build business APIs and on-chain data sync services in ${langName}`,
            'Submit transactions and listen for events through the blockchain SDK',
            'Design database tables and write SQL',
            'Write unit tests and API documentation',
          ],
        },
        skills: combine(
          rng,
          [req(lang, lvl(rng)), req('sdk-integration', 2)],
          [
            nice(company.chain === 'ethereum' ? 'ethereum' : company.chain, 2),
            nice('sql', 2),
            nice(frameworkSkill, 2),
            nice('redis', 2),
            nice('microservices', 2),
            nice(domainKey, 2),
          ],
        ),
      }
    },
  },
  {
    slug: 'dapp-frontend',
    kind: 'app-dev',
    weight: (c) => (c.chain === 'ethereum' ? 3 : has(c, 'frontend') ? 1.5 : 0.3),
    build: ({ company, rng, domain }) => {
      const lib = rng.weighted([
        ['ethers-js', 0.7],
        ['web3-js', 0.3],
      ] as const)
      const libName = lib === 'ethers-js' ? 'ethers.js' : 'web3.js'
      return {
        title: { zh: 'DApp 前端开发实习生', en: 'DApp Frontend Developer Intern' },
        intro: {
          zh: `为${company.short.zh}的${domain.zh}应用开发 Web3 前端：连接钱包、调用智能合约并把链上状态清晰地展示给用户。`,
          en: `Build the Web3 frontend of ${company.short.en}'s ${domain.en} app: connect wallets, call smart contracts and show on-chain state clearly.`,
        },
        duties: {
          zh: ['使用 React 与 TypeScript 开发页面和组件', `通过 ${libName} 调用智能合约`, '接入 MetaMask 等钱包并处理交易状态', '与设计师协作优化交互体验'],
          en: [
            'Build pages and components with React and TypeScript',
            `Call smart contracts through ${libName}`,
            'Integrate wallets such as MetaMask and handle transaction states',
            'Work with the designer on the user experience',
          ],
        },
        skills: combine(
          rng,
          [req('react', lvl(rng)), req(lib, 2)],
          [nice('typescript', 3), nice('wallet-integration', 2), nice('web3-frontend', 3), nice('html-css', 3)],
        ),
      }
    },
  },
  {
    slug: 'web-frontend',
    kind: 'app-dev',
    weight: (c) => (has(c, 'frontend') ? 2 : 1),
    build: ({ company, rng, domain, domainKey }) => {
      const framework = rng.weighted([
        ['vue', 0.6],
        ['react', 0.4],
      ] as const)
      const frameworkName = framework === 'vue' ? 'Vue.js' : 'React'
      return {
        title: { zh: `前端开发实习生（${domain.zh}平台）`, en: `Frontend Developer Intern (${domain.title} Platform)` },
        intro: {
          zh: `${company.short.zh}${domain.zh}平台的管理后台和数据大屏需要前端同学加入。你将使用 ${frameworkName} 开发业务页面，并把链上存证、交易等数据可视化。`,
          en: `${company.short.en} needs frontend help on the admin console and dashboards of its ${domain.en} platform. You will build pages in ${frameworkName} and visualise on-chain records and transactions.`,
        },
        duties: {
          zh: [`使用 ${frameworkName} 开发管理后台页面`, '对接后端 REST 接口', '使用 ECharts 制作数据可视化大屏', '修复兼容性问题，提升页面性能'],
          en: [
            `Build admin pages in ${frameworkName}`,
            'Integrate backend REST APIs',
            'Build dashboards with ECharts',
            'Fix compatibility issues and improve page performance',
          ],
        },
        skills: combine(
          rng,
          [req(framework, lvl(rng)), req('javascript', 3)],
          [nice('typescript', 2), nice('data-visualization', 2), nice('html-css', 3), nice(domainKey, 2)],
        ),
      }
    },
  },
  {
    slug: 'fullstack',
    kind: 'app-dev',
    weight: (c) => (c.chain === 'ethereum' ? 2 : has(c, 'frontend') ? 1 : 0.4),
    build: ({ company, rng, chain }) => ({
      title: { zh: '区块链全栈开发实习生', en: 'Full-stack Blockchain Developer Intern' },
      intro: {
        zh: `在${company.short.zh}的小团队里负责从智能合约到前端页面的完整功能，适合想全面了解 DApp 开发的同学。项目运行在${chain.zh}上。`,
        en: `In a small team at ${company.short.en}, own features end to end, from smart contract to web page; ideal if you want to learn DApp development as a whole. Projects run on ${chain.en}.`,
      },
      duties: {
        zh: ['使用 TypeScript 和 Node.js 开发后端接口', '编写简单的 Solidity 智能合约', '开发 React 前端页面', '编写自动化测试'],
        en: ['Build backend APIs in TypeScript and Node.js', 'Write simple Solidity smart contracts', 'Build React frontend pages', 'Write automated tests'],
      },
      skills: combine(rng, [req('typescript', 3), req('nodejs', lvl(rng))], [nice('solidity', 2), nice('react', 3), nice('sql', 2), nice('ethers-js', 2)]),
    }),
  },
  {
    slug: 'mini-program',
    kind: 'app-dev',
    weight: (c) => (c.domains.some((d) => consumerDomains.includes(d)) ? 1.5 : 0),
    build: (ctx) => {
      // Consumers scan codes for traceability or collectibles, never for, say, financing.
      const domainKey = ctx.company.domains.find((d) => consumerDomains.includes(d)) ?? ctx.domainKey
      return buildMiniProgram({ ...ctx, domainKey, domain: domainNames[domainKey] ?? ctx.domain })
    },
  },
  {
    slug: 'baas-dev',
    kind: 'app-dev',
    weight: (c) => (has(c, 'ops') ? 3 : 0.2),
    build: ({ company, rng, chain }) => ({
      title: { zh: 'BaaS 平台开发实习生', en: 'BaaS Platform Developer Intern' },
      intro: {
        zh: `${company.short.zh}的区块链即服务（BaaS）平台让客户一键部署${chain.zh}网络。你将参与平台后端与自动化部署模块的开发。`,
        en: `${company.short.en}'s blockchain-as-a-service platform lets customers deploy ${chain.en} networks in one click. You will work on the platform backend and automated deployment.`,
      },
      duties: {
        zh: ['使用 Go 开发平台管理接口', '编写 Docker 与 Kubernetes 部署模板', '接入节点监控与告警', '完善平台文档'],
        en: [
          'Build platform management APIs in Go',
          'Write Docker and Kubernetes deployment templates',
          'Wire up node monitoring and alerting',
          'Improve the platform documentation',
        ],
      },
      skills: combine(rng, [req('go', 3), req('docker', lvl(rng))], [nice('kubernetes', 2), nice('node-operations', 2), nice('bsn', 2), nice('monitoring', 2)]),
    }),
  },
  {
    slug: 'product-manager',
    kind: 'product',
    weight: (c) => (has(c, 'product') ? 3 : 1),
    build: ({ company, rng, domain, domainKey }) => ({
      title: { zh: '区块链产品经理实习生', en: 'Blockchain Product Manager Intern' },
      intro: {
        zh: `${company.short.zh}的${domain.zh}产品正处在快速迭代期。你将跟随产品经理调研客户需求、撰写需求文档，并与研发、测试一起推动版本上线。`,
        en: `${company.short.en}'s ${domain.en} product is iterating quickly. You will work with a product manager to research customer needs, write requirements and ship releases with engineering and QA.`,
      },
      duties: {
        zh: ['参与客户访谈与竞品分析', '撰写产品需求文档（PRD）', '使用原型工具绘制页面原型', '跟进研发进度并组织验收'],
        en: [
          'Join customer interviews and competitor analysis',
          'Write product requirement documents (PRDs)',
          'Draw page prototypes',
          'Track development and run acceptance checks',
        ],
      },
      skills: combine(
        rng,
        [req('requirements-analysis', lvl(rng)), req('product-management', 2)],
        [nice(domainKey, 2), nice('prototyping', 3), nice('blockchain-fundamentals', 2), nice('user-research', 2)],
      ),
    }),
  },
  {
    slug: 'domain-product',
    kind: 'product',
    weight: (c) => (has(c, 'product') ? 2 : 1),
    build: ({ company, rng, domain, domainKey }) => ({
      title: { zh: `${domain.zh}产品助理实习生`, en: `${domain.title} Product Assistant Intern` },
      intro: {
        zh: `了解${domain.zh}业务、愿意钻研区块链应用的同学欢迎加入${company.short.zh}。你将协助梳理业务流程，把行业规则转化为可落地的产品功能。`,
        en: `If you understand ${domain.en} and want to dig into blockchain applications, join ${company.short.en}. You will map business processes and turn industry rules into product features.`,
      },
      duties: {
        zh: [`梳理${domain.zh}业务流程与角色`, '整理行业政策与标准', '协助编写需求文档和用户手册', '统计分析产品使用数据'],
        en: [
          `Map ${domain.en} processes and roles`,
          'Summarise industry policies and standards',
          'Help write requirements and user manuals',
          'Analyse product usage data',
        ],
      },
      skills: combine(
        rng,
        [req(domainKey, 3), req('requirements-analysis', 2)],
        [nice('prototyping', 2), nice('sql', 2), nice('user-research', 2), nice('data-analysis', 2)],
      ),
    }),
  },
  {
    slug: 'solutions',
    kind: 'product',
    weight: (c) => (has(c, 'asean') ? 3 : 0.6),
    build: ({ company, rng, domain, domainKey }) => {
      const asean = has(company, 'asean')
      return {
        title: asean
          ? { zh: '跨境业务解决方案实习生（东盟方向）', en: 'Cross-border Solutions Intern (ASEAN)' }
          : { zh: '区块链解决方案实习生', en: 'Blockchain Solutions Intern' },
        intro: asean
          ? {
              zh: `${company.short.zh}服务中国与东盟国家之间的贸易企业。你将协助售前团队理解客户需求，准备中英文及东盟语言的方案材料。`,
              en: `${company.short.en} serves companies trading between China and ASEAN. You will help the pre-sales team understand customer needs and prepare proposals in Chinese, English and ASEAN languages.`,
            }
          : {
              zh: `你将协助${company.short.zh}售前团队为客户设计${domain.zh}区块链解决方案，参与方案撰写和客户演示。`,
              en: `You will help ${company.short.en}'s pre-sales team design ${domain.en} blockchain solutions, write proposals and join customer demos.`,
            },
        duties: {
          zh: ['参与客户需求调研', '撰写解决方案与投标文件', '准备产品演示', '整理行业案例库'],
          en: [
            'Join customer requirement workshops',
            'Write solution proposals and tender documents',
            'Prepare product demos',
            'Maintain a library of industry cases',
          ],
        },
        skills: combine(
          rng,
          [req('requirements-analysis', lvl(rng)), req(asean ? 'cross-border-trade' : 'blockchain-fundamentals', 3)],
          [nice('technical-writing', 3), nice(domainKey, 2), nice('project-management', 2)],
        ),
        wantsAseanLanguage: asean,
      }
    },
  },
  {
    slug: 'qa',
    kind: 'testing',
    weight: (c) => (has(c, 'testing') ? 4 : 2.5),
    build: ({ company, rng, chain, domain }) => ({
      title: { zh: '区块链测试工程师实习生', en: 'Blockchain Test Engineer Intern' },
      intro: {
        zh: `${company.short.zh}测试团队负责${domain.zh}平台在${chain.zh}上的质量保障。你将学习区块链系统的测试方法，参与功能、接口和回归测试。`,
        en: `${company.short.en}'s QA team assures the quality of its ${domain.en} platform on ${chain.en}. You will learn how blockchain systems are tested and run functional, API and regression tests.`,
      },
      duties: {
        zh: ['根据需求编写测试用例', '执行功能测试与接口测试并提交缺陷', '验证链上交易与数据一致性', '参与版本回归测试'],
        en: [
          'Write test cases from requirements',
          'Run functional and API tests and file defects',
          'Verify on-chain transactions and data consistency',
          'Take part in release regression testing',
        ],
      },
      skills: combine(
        rng,
        [req('testing', lvl(rng)), req('test-case-design', 2)],
        [nice('api-testing', 3), nice(company.chain === 'ethereum' ? 'ethereum' : company.chain, 2), nice('linux', 2), nice('sql', 2)],
      ),
    }),
  },
  {
    slug: 'contract-test',
    kind: 'testing',
    weight: (c) => (!solidityChains.includes(c.chain) ? 0 : has(c, 'testing') || has(c, 'security') ? 3 : 0.8),
    build: ({ company, rng }) => ({
      title: { zh: '智能合约测试实习生', en: 'Smart Contract Test Intern' },
      intro: {
        zh: `智能合约一经部署难以修改，测试尤为关键。你将在${company.short.zh}为 Solidity 合约设计测试方案，编写单元测试和模糊测试。`,
        en: `Smart contracts are hard to change once deployed, so testing matters. At ${company.short.en} you will design test plans for Solidity contracts and write unit and fuzz tests.`,
      },
      duties: {
        zh: ['阅读 Solidity 合约并设计测试用例', '使用 Foundry 编写单元测试与模糊测试', '统计测试覆盖率', '协助复现和定位合约缺陷'],
        en: [
          'Read Solidity contracts and design test cases',
          'Write unit and fuzz tests with Foundry',
          'Measure test coverage',
          'Help reproduce and locate contract defects',
        ],
      },
      skills: combine(
        rng,
        [req('smart-contract-testing', lvl(rng)), req('solidity', 2)],
        [nice('unit-testing', 3), nice('foundry', 2), nice('contract-auditing', 2)],
      ),
    }),
  },
  {
    slug: 'perf-test',
    kind: 'testing',
    weight: (c) => (has(c, 'testing') || has(c, 'ops') ? 3 : 0.6),
    build: ({ company, rng, chain }) => ({
      title: { zh: '区块链性能测试实习生', en: 'Blockchain Performance Test Intern' },
      intro: {
        zh: `${company.short.zh}需要评估${chain.zh}网络在不同节点规模和共识配置下的吞吐量与延迟。你将参与压测方案设计、执行与结果分析。`,
        en: `${company.short.en} measures throughput and latency of ${chain.en} networks across node counts and consensus settings. You will design, run and analyse load tests.`,
      },
      duties: {
        zh: ['搭建多节点测试环境', '使用 JMeter 或自研工具进行 TPS 压测', '分析性能瓶颈并输出报告', '维护压测脚本'],
        en: [
          'Set up multi-node test environments',
          'Run TPS load tests with JMeter or in-house tools',
          'Analyse bottlenecks and report',
          'Maintain load-test scripts',
        ],
      },
      skills: combine(
        rng,
        [req('performance-testing', lvl(rng)), req('linux', 3)],
        [nice('consensus', 2), nice('docker', 2), nice(company.chain === 'ethereum' ? 'evm' : company.chain, 2), nice('monitoring', 2)],
      ),
    }),
  },
  {
    slug: 'automation-test',
    kind: 'testing',
    weight: (c) => (has(c, 'testing') ? 2 : 0.8),
    build: ({ company, rng }) => {
      const lang = rng.weighted([
        ['python', 0.7],
        ['java', 0.3],
      ] as const)
      return {
        title: { zh: '自动化测试开发实习生', en: 'Test Automation Developer Intern' },
        intro: {
          zh: `${company.short.zh}正在把回归测试全面自动化。你将编写接口和 UI 自动化脚本，并把它们接入持续集成流水线。`,
          en: `${company.short.en} is automating its regression tests. You will write API and UI automation and run it in the CI pipeline.`,
        },
        duties: {
          zh: [
            `使用 ${lang === 'python' ? 'Python' : 'Java'} 编写接口自动化测试`,
            '使用 Playwright 编写 UI 自动化用例',
            '将测试接入 CI 流水线',
            '维护测试数据与测试环境',
          ],
          en: [
            `Write API tests in ${lang === 'python' ? 'Python' : 'Java'}`,
            'Write UI tests with Playwright',
            'Run tests in the CI pipeline',
            'Maintain test data and environments',
          ],
        },
        skills: combine(rng, [req('test-automation', lvl(rng)), req(lang, 3)], [nice('ci-cd', 2), nice('api-testing', 3), nice('git', 2)]),
      }
    },
  },
  {
    slug: 'node-ops',
    kind: 'other',
    weight: (c) => (has(c, 'ops') ? 3 : 0.15),
    build: ({ company, rng, chain }) => ({
      title: { zh: '区块链运维实习生', en: 'Blockchain Operations Intern' },
      intro: {
        zh: `${company.short.zh}托管着多个${chain.zh}生产网络。你将跟随运维工程师学习节点部署、监控告警与故障处理。`,
        en: `${company.short.en} runs several production ${chain.en} networks. You will learn node deployment, monitoring and incident handling from our operations engineers.`,
      },
      duties: {
        zh: ['部署和升级区块链节点', '配置 Prometheus 与 Grafana 监控', '处理日常告警并记录', '编写运维脚本'],
        en: ['Deploy and upgrade blockchain nodes', 'Configure Prometheus and Grafana monitoring', 'Handle and log routine alerts', 'Write operations scripts'],
      },
      skills: combine(rng, [req('linux', 3), req('node-operations', 2)], [nice('docker', 3), nice('kubernetes', 2), nice('monitoring', 2)]),
    }),
  },
  {
    slug: 'data-analyst',
    kind: 'other',
    weight: (c) => (has(c, 'data') ? 1.5 : 0.1),
    build: ({ company, rng, domain }) => ({
      title: { zh: '区块链数据分析实习生', en: 'Blockchain Data Analyst Intern' },
      intro: {
        zh: `${company.short.zh}积累了大量${domain.zh}链上数据。你将负责数据清洗、指标设计和可视化报表，为业务决策提供支持。`,
        en: `${company.short.en} holds a large amount of on-chain ${domain.en} data. You will clean data, define metrics and build reports that support business decisions.`,
      },
      duties: {
        zh: ['编写 SQL 提取和清洗链上与业务数据', '设计业务指标并制作报表', '使用 Python 进行专题分析', '维护数据字典'],
        en: [
          'Extract and clean on-chain and business data with SQL',
          'Define metrics and build reports',
          'Run ad-hoc analyses in Python',
          'Maintain the data dictionary',
        ],
      },
      skills: combine(rng, [req('data-analysis', lvl(rng)), req('sql', 3)], [nice('on-chain-analytics', 2), nice('python', 3), nice('data-visualization', 2)]),
    }),
  },
  {
    slug: 'devrel',
    kind: 'other',
    weight: (c) => (c.chain === 'chainmaker' || c.chain === 'ethereum' ? 0.25 : 0),
    build: ({ company, rng, chain }) => ({
      title: { zh: '开发者社区运营实习生', en: 'Developer Community Intern' },
      intro: {
        zh: `帮助更多广西高校学生了解${chain.zh}技术。你将在${company.short.zh}策划技术沙龙、撰写教程并维护开发者社群。`,
        en: `Help more Guangxi students discover ${chain.en}. At ${company.short.en} you will plan tech meetups, write tutorials and look after the developer community.`,
      },
      duties: {
        zh: ['策划线上线下技术活动', '撰写入门教程与案例文章', '维护开发者社群并收集反馈'],
        en: ['Plan online and offline tech events', 'Write beginner tutorials and case studies', 'Look after the developer community and gather feedback'],
      },
      skills: combine(rng, [req('community-operations', 2), req('technical-writing', 3)], [nice('blockchain-fundamentals', 2)]),
    }),
  },
  {
    slug: 'compliance',
    kind: 'other',
    weight: (c) => (c.domains.includes('blockchain-compliance') || c.domains[0] === 'data-elements' ? 1.2 : 0),
    build: ({ company, rng }) => ({
      title: { zh: '区块链合规研究实习生', en: 'Blockchain Compliance Research Intern' },
      intro: {
        zh: `${company.short.zh}协助客户完成区块链信息服务备案、数据安全评估等合规工作。你将参与政策研究和合规材料准备。`,
        en: `${company.short.en} helps clients with blockchain service filings, data security assessments and other compliance work. You will research policy and prepare compliance documents.`,
      },
      duties: {
        zh: ['跟踪区块链与数据相关法规政策', '协助准备备案与评估材料', '整理合规检查清单'],
        en: ['Track blockchain and data regulations', 'Help prepare filings and assessment documents', 'Maintain compliance checklists'],
      },
      skills: combine(rng, [req('blockchain-compliance', 3)], [nice('data-elements', 2), nice('technical-writing', 2)]),
    }),
  },
]

/** Kind weights keep the overall mix near the product issue's expectations. */
const kindWeight: Record<RoleKind, number> = {
  'smart-contract-dev': 1.8,
  'app-dev': 1,
  testing: 0.9,
  product: 0.8,
  other: 0.9,
}

/** Drafts `count` distinct roles for a company. */
export function draftRoles(company: CompanyInfo, count: number, rng: Random): RoleDraft[] {
  const pool = templates.map((t) => ({ t, w: t.weight(company) * kindWeight[t.kind] })).filter(({ w }) => w > 0)
  const drafts: RoleDraft[] = []
  while (drafts.length < count && pool.length > 0) {
    const picked = rng.weighted(pool.map((entry, i) => [i, entry.w] as const))
    const [entry] = pool.splice(picked, 1)
    if (!entry) break
    const domainKey = rng.chance(0.7) ? (company.domains[0] ?? 'fintech') : rng.pick(company.domains)
    const domain = domainNames[domainKey]
    if (!domain) throw new Error(`no display name for domain ${domainKey}`)
    const built = entry.t.build({ company, rng, chain: chainNames[company.chain], domainKey, domain })
    drafts.push({
      slug: entry.t.slug,
      kind: entry.t.kind,
      ...built,
      wantsAseanLanguage: built.wantsAseanLanguage ?? false,
    })
  }
  return drafts
}
