// Real Guangxi universities that teach computing or finance, and a shared catalogue of
// plausible blockchain-related courses. Some skills that companies ask for (chainmaker,
// zero-knowledge proofs, Move, contract auditing above level 2, ...) are deliberately
// taught nowhere, so the skill-gap report has something to show.
import type { Course, University } from './format.ts'

export interface UniversityInfo extends University {
  /** Prefix and first number of the university's own course codes. */
  codePrefix: string
  codeStart: number
  /** How many of the 300 demo students study here. */
  students: number
  /** Whether ASEAN international students are placed here. */
  hostsAsean: boolean
  majors: readonly string[]
  /** Course template slugs offered, in catalogue order. */
  curriculum: readonly string[]
}

export const universities: UniversityInfo[] = [
  {
    key: 'gxu',
    name: { zh: '广西大学', en: 'Guangxi University' },
    city: '南宁',
    codePrefix: 'CST',
    codeStart: 30211,
    students: 52,
    hostsAsean: true,
    majors: ['计算机科学与技术', '软件工程', '网络空间安全', '金融学', '国际经济与贸易', '数据科学与大数据技术'],
    curriculum: [
      'blockchain-principles',
      'smart-contract-dev',
      'applied-cryptography',
      'consortium-chain-dev',
      'distributed-systems',
      'java-ee',
      'software-testing',
      'product-design',
      'supply-chain-finance',
      'blockchain-finance-practicum',
      'dapp-frontend',
      'blockchain-capstone',
    ],
  },
  {
    key: 'guet',
    name: { zh: '桂林电子科技大学', en: 'Guilin University of Electronic Technology' },
    city: '桂林',
    codePrefix: 'BC',
    codeStart: 2103,
    students: 48,
    hostsAsean: true,
    majors: ['计算机科学与技术', '软件工程', '信息安全', '区块链工程', '物联网工程', '人工智能'],
    curriculum: [
      'blockchain-principles',
      'ethereum-dev',
      'solidity-programming',
      'applied-cryptography',
      'blockchain-security',
      'fabric-dev',
      'go-programming',
      'rust-programming',
      'network-security',
      'test-automation-practice',
      'cloud-native',
      'did-privacy',
    ],
  },
  {
    key: 'gxun',
    name: { zh: '广西民族大学', en: 'Guangxi Minzu University' },
    city: '南宁',
    codePrefix: 'XX',
    codeStart: 1402,
    students: 34,
    hostsAsean: true,
    majors: ['计算机科学与技术', '电子商务', '国际经济与贸易', '信息管理与信息系统', '软件工程'],
    curriculum: [
      'blockchain-principles',
      'asean-digital-trade',
      'cross-border-ecommerce',
      'python-programming',
      'web-frontend',
      'product-design',
      'database-systems',
      'technical-communication',
      'blockchain-finance',
    ],
  },
  {
    key: 'gxnu',
    name: { zh: '广西师范大学', en: 'Guangxi Normal University' },
    city: '桂林',
    codePrefix: 'CS',
    codeStart: 3305,
    students: 30,
    hostsAsean: true,
    majors: ['计算机科学与技术', '软件工程', '数据科学与大数据技术', '人工智能', '电子商务'],
    curriculum: [
      'blockchain-principles',
      'solidity-programming',
      'python-programming',
      'data-mining',
      'software-engineering',
      'software-testing',
      'web-frontend',
      'e-government',
    ],
  },
  {
    key: 'glut',
    name: { zh: '桂林理工大学', en: 'Guilin University of Technology' },
    city: '桂林',
    codePrefix: 'JK',
    codeStart: 4110,
    students: 26,
    hostsAsean: false,
    majors: ['计算机科学与技术', '软件工程', '物联网工程', '数据科学与大数据技术', '物流管理'],
    curriculum: ['blockchain-principles', 'blockchain-traceability', 'java-ee', 'database-systems', 'linux-admin', 'software-testing', 'big-data-tech'],
  },
  {
    key: 'nnnu',
    name: { zh: '南宁师范大学', en: 'Nanning Normal University' },
    city: '南宁',
    codePrefix: 'NS',
    codeStart: 2208,
    students: 20,
    hostsAsean: false,
    majors: ['计算机科学与技术', '软件工程', '信息管理与信息系统', '数据科学与大数据技术'],
    curriculum: ['blockchain-principles', 'python-programming', 'web-frontend', 'software-engineering', 'data-governance', 'smart-contract-dev'],
  },
  {
    key: 'gxust',
    name: { zh: '广西科技大学', en: 'Guangxi University of Science and Technology' },
    city: '柳州',
    codePrefix: 'CE',
    codeStart: 3021,
    students: 26,
    hostsAsean: false,
    majors: ['计算机科学与技术', '软件工程', '物联网工程', '网络空间安全', '物流管理'],
    curriculum: [
      'blockchain-principles',
      'consortium-chain-dev',
      'blockchain-traceability',
      'java-ee',
      'test-automation-practice',
      'cloud-native',
      'software-engineering',
    ],
  },
  {
    key: 'gxufe',
    name: { zh: '广西财经学院', en: 'Guangxi University of Finance and Economics' },
    city: '南宁',
    codePrefix: 'FT',
    codeStart: 2015,
    students: 32,
    hostsAsean: true,
    majors: ['金融科技', '金融学', '国际经济与贸易', '电子商务', '信息管理与信息系统', '数据科学与大数据技术'],
    curriculum: [
      'fintech-intro',
      'blockchain-finance',
      'supply-chain-finance',
      'digital-currency',
      'cross-border-ecommerce',
      'data-governance',
      'carbon-finance',
      'database-systems',
      'product-design',
      'python-programming',
    ],
  },
  {
    key: 'bbgu',
    name: { zh: '北部湾大学', en: 'Beibu Gulf University' },
    city: '钦州',
    codePrefix: 'BG',
    codeStart: 1306,
    students: 16,
    hostsAsean: true,
    majors: ['计算机科学与技术', '物流管理', '国际经济与贸易', '软件工程'],
    curriculum: ['blockchain-principles', 'smart-logistics', 'asean-digital-trade', 'java-ee', 'database-systems', 'blockchain-traceability'],
  },
  {
    key: 'wzu',
    name: { zh: '梧州学院', en: 'Wuzhou University' },
    city: '梧州',
    codePrefix: 'WZ',
    codeStart: 5102,
    students: 16,
    hostsAsean: false,
    majors: ['计算机科学与技术', '软件工程', '电子商务', '数据科学与大数据技术'],
    curriculum: ['blockchain-principles', 'web-frontend', 'java-ee', 'software-testing', 'linux-admin', 'python-programming'],
  },
]

interface CourseTemplate {
  title: { zh: string; en: string }
  description: { zh: string; en: string }
  skills: [skill: string, level: number][]
}

export const courseTemplates: Record<string, CourseTemplate> = {
  'blockchain-principles': {
    title: { zh: '区块链原理与技术', en: 'Blockchain Principles and Technology' },
    description: {
      zh: '介绍区块链的数据结构、哈希与默克尔树、共识机制和点对点网络，比较公有链与联盟链。',
      en: 'Blockchain data structures, hashing and Merkle trees, consensus and peer-to-peer networks; public versus consortium chains.',
    },
    skills: [
      ['blockchain-fundamentals', 3],
      ['consensus', 2],
      ['hash-functions', 2],
      ['p2p-networking', 2],
    ],
  },
  'smart-contract-dev': {
    title: { zh: '智能合约开发', en: 'Smart Contract Development' },
    description: {
      zh: '使用 Solidity 编写、测试和部署智能合约，涵盖代币标准、访问控制与常见安全问题。',
      en: 'Writing, testing and deploying smart contracts in Solidity: token standards, access control and common pitfalls.',
    },
    skills: [
      ['smart-contracts', 3],
      ['solidity', 3],
      ['hardhat', 2],
      ['token-standards', 2],
    ],
  },
  'solidity-programming': {
    title: { zh: 'Solidity 程序设计', en: 'Solidity Programming' },
    description: {
      zh: 'Solidity 语言基础、EVM 执行模型与合约单元测试。',
      en: 'The Solidity language, the EVM execution model and unit testing of contracts.',
    },
    skills: [
      ['solidity', 2],
      ['smart-contracts', 2],
      ['evm', 2],
      ['smart-contract-testing', 1],
    ],
  },
  'ethereum-dev': {
    title: { zh: '以太坊开发实践', en: 'Ethereum Development in Practice' },
    description: {
      zh: '基于 Foundry 与 OpenZeppelin 的以太坊合约工程实践，包括测试、部署与 Gas 分析。',
      en: 'Ethereum contract engineering with Foundry and OpenZeppelin: testing, deployment and gas analysis.',
    },
    skills: [
      ['ethereum', 3],
      ['evm', 2],
      ['solidity', 3],
      ['foundry', 2],
      ['openzeppelin', 2],
      ['smart-contract-testing', 2],
    ],
  },
  'applied-cryptography': {
    title: { zh: '应用密码学', en: 'Applied Cryptography' },
    description: {
      zh: '对称与公钥密码、哈希函数、数字签名、椭圆曲线密码及国密 SM2/SM3/SM4 算法。',
      en: 'Symmetric and public-key cryptography, hash functions, signatures, elliptic curves and the SM2/SM3/SM4 national standards.',
    },
    skills: [
      ['cryptography', 3],
      ['elliptic-curve-cryptography', 2],
      ['hash-functions', 3],
      ['guomi', 2],
    ],
  },
  'consortium-chain-dev': {
    title: { zh: '联盟链应用开发', en: 'Consortium Blockchain Application Development' },
    description: {
      zh: '以 FISCO BCOS 为例讲授联盟链搭建、合约部署和通过 Java SDK 开发业务系统。',
      en: 'Building consortium-chain applications on FISCO BCOS: deploying a chain and contracts and integrating via the Java SDK.',
    },
    skills: [
      ['consortium-chains', 3],
      ['fisco-bcos', 3],
      ['sdk-integration', 2],
      ['java', 2],
    ],
  },
  'fabric-dev': {
    title: { zh: 'Hyperledger Fabric 开发实践', en: 'Hyperledger Fabric in Practice' },
    description: {
      zh: '使用 Go 编写链码，在 Docker 环境中搭建多组织 Fabric 网络。',
      en: 'Writing chaincode in Go and running a multi-organisation Fabric network in Docker.',
    },
    skills: [
      ['hyperledger-fabric', 3],
      ['chaincode', 3],
      ['go', 2],
      ['docker', 2],
    ],
  },
  'distributed-systems': {
    title: { zh: '分布式系统', en: 'Distributed Systems' },
    description: {
      zh: '一致性模型、Raft 与 PBFT 共识、容错和分布式服务设计。',
      en: 'Consistency models, Raft and PBFT consensus, fault tolerance and distributed service design.',
    },
    skills: [
      ['consensus', 3],
      ['p2p-networking', 2],
      ['microservices', 2],
    ],
  },
  'blockchain-security': {
    title: { zh: '区块链安全导论', en: 'Introduction to Blockchain Security' },
    description: {
      zh: '常见智能合约漏洞（重入、整数溢出、权限缺陷）及基本的审计与测试方法。',
      en: 'Common smart contract vulnerabilities (reentrancy, overflow, access control) and basic audit and testing methods.',
    },
    skills: [
      ['contract-auditing', 2],
      ['security-testing', 2],
      ['network-security', 2],
      ['smart-contracts', 2],
    ],
  },
  'dapp-frontend': {
    title: { zh: '去中心化应用前端开发', en: 'DApp Frontend Development' },
    description: {
      zh: '使用 React、TypeScript 和 ethers.js 构建与合约交互的 Web 应用，接入浏览器钱包。',
      en: 'Building web apps that talk to contracts with React, TypeScript and ethers.js, including browser wallets.',
    },
    skills: [
      ['web3-frontend', 3],
      ['react', 3],
      ['ethers-js', 2],
      ['wallet-integration', 2],
      ['typescript', 3],
    ],
  },
  'web-frontend': {
    title: { zh: 'Web 前端开发', en: 'Web Frontend Development' },
    description: {
      zh: 'HTML、CSS、JavaScript 与 Vue.js 组件化开发。',
      en: 'HTML, CSS, JavaScript and component-based development with Vue.js.',
    },
    skills: [
      ['frontend-development', 3],
      ['html-css', 3],
      ['javascript', 3],
      ['vue', 2],
    ],
  },
  'java-ee': {
    title: { zh: 'Java 企业级开发', en: 'Enterprise Java Development' },
    description: {
      zh: '基于 Spring Boot 的 RESTful 服务开发与关系数据库访问。',
      en: 'RESTful services with Spring Boot and relational database access.',
    },
    skills: [
      ['java', 3],
      ['spring-boot', 3],
      ['sql', 2],
      ['rest-api', 2],
    ],
  },
  'go-programming': {
    title: { zh: 'Go 语言程序设计', en: 'Go Programming' },
    description: {
      zh: 'Go 语言并发模型、网络编程与 gRPC 服务开发。',
      en: 'Go concurrency, network programming and gRPC services.',
    },
    skills: [
      ['go', 3],
      ['grpc', 2],
      ['backend-development', 2],
    ],
  },
  'rust-programming': {
    title: { zh: 'Rust 系统编程', en: 'Systems Programming in Rust' },
    description: {
      zh: '所有权与生命周期、异步编程，以及编译到 WebAssembly 的合约示例。',
      en: 'Ownership and lifetimes, async programming, and contracts compiled to WebAssembly.',
    },
    skills: [
      ['rust', 3],
      ['wasm-contracts', 2],
    ],
  },
  'python-programming': {
    title: { zh: 'Python 程序设计', en: 'Python Programming' },
    description: {
      zh: 'Python 基础、数据处理与脚本自动化。',
      en: 'Python fundamentals, data processing and scripting.',
    },
    skills: [
      ['python', 3],
      ['data-analysis', 2],
    ],
  },
  'database-systems': {
    title: { zh: '数据库系统原理', en: 'Database Systems' },
    description: {
      zh: '关系模型、SQL、事务与索引设计。',
      en: 'The relational model, SQL, transactions and index design.',
    },
    skills: [
      ['sql', 3],
      ['redis', 1],
    ],
  },
  'software-testing': {
    title: { zh: '软件测试技术', en: 'Software Testing Techniques' },
    description: {
      zh: '黑盒与白盒测试、测试用例设计、单元测试与接口测试。',
      en: 'Black-box and white-box testing, test case design, unit and API testing.',
    },
    skills: [
      ['testing', 3],
      ['test-case-design', 3],
      ['unit-testing', 2],
      ['api-testing', 3],
    ],
  },
  'test-automation-practice': {
    title: { zh: '自动化测试实践', en: 'Test Automation in Practice' },
    description: {
      zh: 'UI 与接口自动化、JMeter 性能压测及在 CI 中运行测试。',
      en: 'UI and API automation, load testing with JMeter and running tests in CI.',
    },
    skills: [
      ['test-automation', 3],
      ['performance-testing', 2],
      ['ci-cd', 2],
      ['python', 2],
    ],
  },
  'software-engineering': {
    title: { zh: '软件工程', en: 'Software Engineering' },
    description: {
      zh: '需求工程、敏捷开发、版本控制与软件质量保证。',
      en: 'Requirements engineering, agile development, version control and quality assurance.',
    },
    skills: [
      ['requirements-analysis', 2],
      ['project-management', 2],
      ['git', 2],
      ['testing', 2],
    ],
  },
  'product-design': {
    title: { zh: '互联网产品设计', en: 'Internet Product Design' },
    description: {
      zh: '从用户调研到需求文档与原型的产品设计全流程。',
      en: 'The product design process from user research to requirements documents and prototypes.',
    },
    skills: [
      ['product-management', 3],
      ['requirements-analysis', 3],
      ['prototyping', 3],
      ['user-research', 2],
    ],
  },
  'fintech-intro': {
    title: { zh: '金融科技概论', en: 'Introduction to Fintech' },
    description: {
      zh: '支付、信贷、数字货币与区块链在金融业的应用概览。',
      en: 'An overview of payments, lending, digital currency and blockchain in finance.',
    },
    skills: [
      ['fintech', 3],
      ['digital-rmb', 1],
      ['blockchain-fundamentals', 1],
    ],
  },
  'blockchain-finance': {
    title: { zh: '区块链金融', en: 'Blockchain and Finance' },
    description: {
      zh: '区块链在供应链金融、跨境支付与资产数字化中的应用案例。',
      en: 'Blockchain use cases in supply chain finance, cross-border payments and asset digitisation.',
    },
    skills: [
      ['fintech', 2],
      ['supply-chain-finance', 2],
      ['cross-border-payments', 2],
      ['smart-contracts', 1],
    ],
  },
  'supply-chain-finance': {
    title: { zh: '供应链金融', en: 'Supply Chain Finance' },
    description: {
      zh: '应收账款、预付款与存货融资模式，以及核心企业信用的多级流转。',
      en: 'Receivables, prepayment and inventory financing, and passing a core enterprise’s credit down the chain.',
    },
    skills: [
      ['supply-chain-finance', 3],
      ['fintech', 2],
    ],
  },
  'blockchain-finance-practicum': {
    title: { zh: '区块链金融创新实训', en: 'Blockchain Finance Innovation Practicum' },
    description: {
      zh: '以小组形式在 FISCO BCOS 上用 Solidity 实现一个应收账款多级流转的供应链金融原型，并完成需求分析与路演。',
      en: 'In teams, students build a supply chain finance prototype for multi-tier receivables in Solidity on FISCO BCOS, from requirements analysis to a demo-day pitch.',
    },
    skills: [
      ['solidity', 3],
      ['smart-contracts', 3],
      ['supply-chain-finance', 3],
      ['fisco-bcos', 2],
      ['requirements-analysis', 2],
      ['cross-border-payments', 1],
    ],
  },
  'blockchain-capstone': {
    title: { zh: '区块链工程综合实践', en: 'Blockchain Engineering Capstone' },
    description: {
      zh: '完成一个包含合约、后端服务和前端的完整区块链应用，强调测试与协作开发。',
      en: 'A complete blockchain application with contracts, a backend service and a frontend, with an emphasis on testing and teamwork.',
    },
    skills: [
      ['smart-contracts', 3],
      ['sdk-integration', 3],
      ['web3-frontend', 2],
      ['testing', 2],
      ['git', 2],
    ],
  },
  'cross-border-ecommerce': {
    title: { zh: '跨境电子商务', en: 'Cross-border E-commerce' },
    description: {
      zh: '跨境电商平台运营、通关与物流、跨境结算与支付。',
      en: 'Running cross-border e-commerce: customs, logistics, settlement and payments.',
    },
    skills: [
      ['cross-border-trade', 3],
      ['cross-border-payments', 2],
    ],
  },
  'asean-digital-trade': {
    title: { zh: '中国—东盟数字贸易', en: 'China–ASEAN Digital Trade' },
    description: {
      zh: '中国—东盟自贸区规则、西部陆海新通道物流，以及区块链在单证流转中的应用。',
      en: 'China–ASEAN free trade rules, New Western Land-Sea Corridor logistics and blockchain for trade documents.',
    },
    skills: [
      ['cross-border-trade', 3],
      ['smart-logistics', 2],
      ['blockchain-fundamentals', 1],
    ],
  },
  'technical-communication': {
    title: { zh: '科技写作与沟通', en: 'Technical Writing and Communication' },
    description: {
      zh: '技术文档、项目报告与双语演示的写作方法。',
      en: 'Writing technical documentation, project reports and bilingual presentations.',
    },
    skills: [['technical-writing', 3]],
  },
  'cloud-native': {
    title: { zh: '云原生与容器技术', en: 'Cloud-native Computing and Containers' },
    description: {
      zh: 'Linux、Docker、Kubernetes 与持续集成流水线。',
      en: 'Linux, Docker, Kubernetes and continuous integration pipelines.',
    },
    skills: [
      ['docker', 3],
      ['kubernetes', 2],
      ['linux', 3],
      ['ci-cd', 2],
    ],
  },
  'linux-admin': {
    title: { zh: 'Linux 系统管理', en: 'Linux System Administration' },
    description: {
      zh: 'Linux 命令行、Shell 脚本、服务部署与监控。',
      en: 'The Linux command line, shell scripting, service deployment and monitoring.',
    },
    skills: [
      ['linux', 3],
      ['monitoring', 2],
    ],
  },
  'network-security': {
    title: { zh: '网络安全技术', en: 'Network Security' },
    description: {
      zh: '网络攻防基础、渗透测试方法与安全协议。',
      en: 'Attack and defence basics, penetration testing and security protocols.',
    },
    skills: [
      ['network-security', 3],
      ['security-testing', 2],
      ['cryptography', 2],
    ],
  },
  'data-mining': {
    title: { zh: '数据挖掘', en: 'Data Mining' },
    description: {
      zh: '数据预处理、分类聚类算法与可视化分析。',
      en: 'Data preprocessing, classification and clustering, and visual analysis.',
    },
    skills: [
      ['data-analysis', 3],
      ['machine-learning', 2],
      ['python', 2],
      ['data-visualization', 2],
    ],
  },
  'big-data-tech': {
    title: { zh: '大数据技术', en: 'Big Data Technology' },
    description: {
      zh: 'Hadoop 与 Spark 分布式计算和数据仓库。',
      en: 'Distributed computing with Hadoop and Spark, and data warehousing.',
    },
    skills: [
      ['big-data', 3],
      ['sql', 2],
      ['python', 2],
    ],
  },
  'blockchain-traceability': {
    title: { zh: '区块链溯源应用', en: 'Blockchain Traceability Applications' },
    description: {
      zh: '以广西特色农产品为例，设计基于联盟链的产品溯源系统。',
      en: 'Designing consortium-chain traceability systems, using Guangxi’s farm produce as the running example.',
    },
    skills: [
      ['traceability', 3],
      ['agri-traceability', 2],
      ['fisco-bcos', 2],
      ['smart-contracts', 1],
    ],
  },
  'did-privacy': {
    title: { zh: '数字身份与隐私计算', en: 'Digital Identity and Privacy Computing' },
    description: {
      zh: '分布式数字身份、可验证凭证、安全多方计算与隐私计算概论。',
      en: 'Decentralized identity, verifiable credentials, secure multi-party computation and privacy computing.',
    },
    skills: [
      ['did', 2],
      ['verifiable-credentials', 2],
      ['privacy-computing', 2],
      ['mpc', 1],
    ],
  },
  'data-governance': {
    title: { zh: '数据要素与数据治理', en: 'Data Elements and Data Governance' },
    description: {
      zh: '数据确权、数据资产登记与流通交易的制度和技术。',
      en: 'Rules and technology for data ownership, data asset registration and data trading.',
    },
    skills: [
      ['data-elements', 3],
      ['blockchain-compliance', 2],
      ['data-analysis', 1],
    ],
  },
  'e-government': {
    title: { zh: '数字政府与区块链', en: 'Blockchain for Digital Government' },
    description: {
      zh: '政务数据共享、电子证照与司法存证中的区块链应用。',
      en: 'Blockchain in government data sharing, electronic licences and judicial evidence.',
    },
    skills: [
      ['digital-government', 3],
      ['electronic-evidence', 2],
      ['did', 1],
    ],
  },
  'digital-currency': {
    title: { zh: '数字货币与数字人民币', en: 'Digital Currency and the Digital RMB' },
    description: {
      zh: '数字人民币的双层运营体系、智能合约与跨境支付试点。',
      en: 'The two-tier e-CNY system, programmable payments and cross-border pilots.',
    },
    skills: [
      ['digital-rmb', 2],
      ['cross-border-payments', 2],
      ['cryptography', 1],
    ],
  },
  'carbon-finance': {
    title: { zh: '碳金融与碳资产管理', en: 'Carbon Finance and Carbon Asset Management' },
    description: {
      zh: '碳排放权交易、碳足迹核算及区块链在碳资产登记中的应用。',
      en: 'Emissions trading, carbon footprint accounting and blockchain registries for carbon assets.',
    },
    skills: [
      ['carbon-assets', 2],
      ['fintech', 2],
    ],
  },
  'smart-logistics': {
    title: { zh: '智慧物流与供应链管理', en: 'Smart Logistics and Supply Chain Management' },
    description: {
      zh: '港口物流、多式联运与供应链信息系统，以北部湾港为案例。',
      en: 'Port logistics, multimodal transport and supply chain information systems, with Beibu Gulf Port as the case study.',
    },
    skills: [
      ['smart-logistics', 3],
      ['supply-chain-finance', 1],
    ],
  },
}

/** Expands each university's curriculum into course records with its own code scheme. */
export function buildCourses(): Course[] {
  const courses: Course[] = []
  for (const uni of universities) {
    uni.curriculum.forEach((slug, i) => {
      const template = courseTemplates[slug]
      if (!template) throw new Error(`unknown course template ${slug}`)
      courses.push({
        key: `${uni.key}.${slug}`,
        university: uni.key,
        code: `${uni.codePrefix}${uni.codeStart + i * 7}`,
        title: { ...template.title },
        description: { ...template.description },
        skills: template.skills.map(([skill, level]) => ({ skill, level })),
      })
    })
  }
  return courses
}
