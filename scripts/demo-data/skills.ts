// Hand-written skill taxonomy. Parents let evidence of a specific skill (Solidity) count as
// weaker evidence of the broader one (smart contracts); aliases feed search synonyms.
import type { Skill } from './format.ts'

function skill(
  key: string,
  zh: string,
  en: string,
  category: string,
  parent: string | null,
  aliases: string[],
): Skill {
  return parent === null
    ? { key, name: { zh, en }, aliases, category }
    : { key, name: { zh, en }, aliases, parent, category }
}

export const skills: Skill[] = [
  // Blockchain platforms first, so parents precede children in the file.
  skill('blockchain-fundamentals', '区块链基础', 'Blockchain fundamentals', 'chains', null, [
    '区块链', '区块链原理', 'blockchain', 'distributed ledger', 'DLT', '分布式账本',
  ]),
  skill('consortium-chains', '联盟链', 'Consortium blockchains', 'chains', 'blockchain-fundamentals', [
    '许可链', '联盟区块链', 'permissioned blockchain', 'consortium chain',
  ]),
  skill('ethereum', '以太坊', 'Ethereum', 'chains', 'blockchain-fundamentals', ['ETH', 'Ethereum mainnet', '以太坊开发']),
  skill('evm', '以太坊虚拟机', 'Ethereum Virtual Machine (EVM)', 'chains', 'ethereum', ['EVM', 'EVM兼容链', 'EVM-compatible']),
  skill('layer2', '二层扩容', 'Layer 2 scaling', 'chains', 'ethereum', ['L2', 'rollup', 'rollups', '二层网络', 'Layer2']),
  skill('fisco-bcos', 'FISCO BCOS', 'FISCO BCOS', 'chains', 'consortium-chains', [
    'FISCO', 'BCOS', '金链盟', 'FISCO-BCOS', 'WeBASE',
  ]),
  skill('chainmaker', '长安链', 'ChainMaker', 'chains', 'consortium-chains', ['长安链ChainMaker', 'Chainmaker', 'Chang-an chain']),
  skill('hyperledger-fabric', 'Hyperledger Fabric', 'Hyperledger Fabric', 'chains', 'consortium-chains', [
    'Fabric', '超级账本', 'HLF', 'Hyperledger',
  ]),
  skill('xuperchain', '百度超级链', 'XuperChain', 'chains', 'consortium-chains', ['超级链', 'Xuper', 'Baidu XuperChain']),
  skill('bsn', '区块链服务网络', 'Blockchain-based Service Network (BSN)', 'chains', 'consortium-chains', [
    'BSN', 'BSN开放联盟链', '区块链服务网络BSN',
  ]),
  skill('consensus', '共识算法', 'Consensus algorithms', 'chains', 'blockchain-fundamentals', [
    '共识机制', 'PBFT', 'Raft', 'PoS', 'BFT', 'consensus protocol',
  ]),
  skill('p2p-networking', 'P2P 网络', 'Peer-to-peer networking', 'chains', 'blockchain-fundamentals', [
    '点对点网络', 'P2P', 'libp2p', 'gossip protocol',
  ]),
  skill('cross-chain', '跨链技术', 'Cross-chain interoperability', 'chains', 'blockchain-fundamentals', [
    '跨链', '跨链桥', 'cross-chain bridge', 'interoperability',
  ]),

  // Smart contracts and their tooling.
  skill('smart-contracts', '智能合约', 'Smart contracts', 'contracts', null, [
    'smart contract', 'smart-contract', 'smart contract development', '智能合约开发', '合约开发', '链上合约',
  ]),
  skill('solidity', 'Solidity', 'Solidity', 'contracts', 'smart-contracts', [
    'Solidity语言', 'Solidity开发', 'sol', 'Solidity programming',
  ]),
  skill('vyper', 'Vyper', 'Vyper', 'contracts', 'smart-contracts', ['Vyper语言']),
  skill('move', 'Move 语言', 'Move', 'contracts', 'smart-contracts', ['Move语言', 'Move language', 'Sui Move', 'Aptos Move']),
  skill('chaincode', '链码开发', 'Chaincode development', 'contracts', 'smart-contracts', [
    '链码', 'Fabric chaincode', 'chaincode',
  ]),
  skill('wasm-contracts', 'WASM 合约', 'WebAssembly smart contracts', 'contracts', 'smart-contracts', [
    'WASM合约', 'WebAssembly合约', 'Wasm contracts', 'ink!',
  ]),
  skill('contract-auditing', '智能合约审计', 'Smart contract auditing', 'contracts', 'smart-contracts', [
    '合约审计', '智能合约安全审计', 'smart contract audit', 'security audit', '合约安全',
  ]),
  skill('formal-verification', '形式化验证', 'Formal verification', 'contracts', 'contract-auditing', [
    '形式化证明', 'formal methods', '形式化方法',
  ]),
  skill('token-standards', '代币与通证标准', 'Token standards (ERC-20/721/1155)', 'contracts', 'smart-contracts', [
    'ERC-20', 'ERC20', 'ERC-721', 'ERC-1155', 'NFT标准', '通证标准',
  ]),
  skill('hardhat', 'Hardhat', 'Hardhat', 'contracts', 'solidity', ['Hardhat框架']),
  skill('foundry', 'Foundry', 'Foundry', 'contracts', 'solidity', ['forge', 'Foundry框架']),
  skill('openzeppelin', 'OpenZeppelin', 'OpenZeppelin', 'contracts', 'solidity', ['OZ', 'OpenZeppelin Contracts']),
  skill('gas-optimization', 'Gas 优化', 'Gas optimization', 'contracts', 'solidity', ['Gas优化', 'gas费优化', 'gas golfing']),

  // Cryptography.
  skill('cryptography', '密码学', 'Cryptography', 'crypto', null, ['应用密码学', 'applied cryptography', '密码技术']),
  skill('guomi', '国密算法', 'Chinese commercial cryptography (SM2/SM3/SM4)', 'crypto', 'cryptography', [
    '国密', 'SM2', 'SM3', 'SM4', '商用密码', 'GM/T',
  ]),
  skill('zero-knowledge-proofs', '零知识证明', 'Zero-knowledge proofs', 'crypto', 'cryptography', [
    'ZKP', 'ZK', 'zk-SNARK', 'zkSNARK', 'zk-STARK', '零知识',
  ]),
  skill('elliptic-curve-cryptography', '椭圆曲线密码', 'Elliptic-curve cryptography', 'crypto', 'cryptography', [
    'ECC', 'ECDSA', 'secp256k1', '椭圆曲线',
  ]),
  skill('hash-functions', '哈希函数', 'Hash functions', 'crypto', 'cryptography', ['散列函数', 'SHA-256', 'Keccak', 'Merkle tree', '默克尔树']),
  skill('mpc', '安全多方计算', 'Secure multi-party computation', 'crypto', 'cryptography', ['MPC', '多方安全计算', 'SMPC']),
  skill('homomorphic-encryption', '同态加密', 'Homomorphic encryption', 'crypto', 'cryptography', ['FHE', '全同态加密']),
  skill('privacy-computing', '隐私计算', 'Privacy-preserving computation', 'crypto', null, [
    'privacy computing', '隐私保护计算', 'TEE', '可信执行环境', '联邦学习',
  ]),
  skill('key-management', '密钥管理', 'Key management', 'crypto', 'cryptography', ['KMS', 'HSM', '密钥托管', '钱包私钥管理']),
  skill('did', '分布式数字身份', 'Decentralized identity (DID)', 'crypto', null, [
    'DID', '数字身份', '去中心化身份', 'decentralized identifiers', 'SSI', '自主身份',
  ]),
  skill('verifiable-credentials', '可验证凭证', 'Verifiable credentials', 'crypto', 'did', ['VC', '可验证声明', 'W3C VC']),

  // Backend.
  skill('backend-development', '后端开发', 'Backend development', 'backend', null, ['服务端开发', 'backend', 'server-side development', '后台开发']),
  skill('go', 'Go', 'Go', 'backend', 'backend-development', ['Golang', 'Go语言']),
  skill('rust', 'Rust', 'Rust', 'backend', 'backend-development', ['Rust语言', 'Rust开发']),
  skill('java', 'Java', 'Java', 'backend', 'backend-development', ['Java语言', 'J2EE', 'JDK']),
  skill('spring-boot', 'Spring Boot', 'Spring Boot', 'backend', 'java', ['Spring', 'SpringBoot', 'Spring Cloud']),
  skill('python', 'Python', 'Python', 'backend', 'backend-development', ['Python3', 'Python语言', 'py']),
  skill('cpp', 'C++', 'C++', 'backend', 'backend-development', ['C/C++', 'cpp', 'C plus plus']),
  skill('rest-api', 'REST API 设计', 'REST API design', 'backend', 'backend-development', ['RESTful', '接口设计', 'API设计', 'OpenAPI']),
  skill('grpc', 'gRPC', 'gRPC', 'backend', 'backend-development', ['protobuf', 'Protocol Buffers']),
  skill('microservices', '微服务', 'Microservices', 'backend', 'backend-development', ['微服务架构', 'microservice architecture', 'service mesh']),
  skill('message-queues', '消息队列', 'Message queues', 'backend', 'backend-development', ['Kafka', 'RabbitMQ', 'RocketMQ', 'MQ']),
  skill('sdk-integration', '区块链 SDK 集成', 'Blockchain SDK integration', 'backend', null, [
    '链SDK', 'Web3 SDK', 'Java SDK', 'Go SDK', '区块链中间件', '链上链下交互',
  ]),

  // Frontend.
  skill('frontend-development', '前端开发', 'Frontend development', 'frontend', null, ['前端', 'frontend', 'web前端', 'Web开发']),
  skill('javascript', 'JavaScript', 'JavaScript', 'frontend', 'frontend-development', ['JS', 'ES6', 'ECMAScript']),
  skill('typescript', 'TypeScript', 'TypeScript', 'frontend', 'javascript', ['TS', 'TypeScript语言']),
  // Node.js is a backend skill, but it sits here so its parent (JavaScript) comes first.
  skill('nodejs', 'Node.js', 'Node.js', 'backend', 'javascript', ['Node', 'NodeJS', 'Express', 'NestJS']),
  skill('html-css', 'HTML/CSS', 'HTML/CSS', 'frontend', 'frontend-development', ['HTML5', 'CSS3', 'HTML', 'CSS']),
  skill('react', 'React', 'React', 'frontend', 'frontend-development', ['React.js', 'ReactJS', 'Next.js']),
  skill('vue', 'Vue.js', 'Vue.js', 'frontend', 'frontend-development', ['Vue', 'Vue3', 'Vue2', 'Nuxt']),
  skill('mini-programs', '微信小程序', 'WeChat mini programs', 'frontend', 'frontend-development', [
    '小程序', 'mini program', 'uni-app', '微信开发',
  ]),
  skill('web3-frontend', 'Web3 前端', 'Web3 frontend development', 'frontend', 'frontend-development', [
    'DApp前端', 'DApp开发', 'dapp frontend', 'Web3前端', '去中心化应用前端',
  ]),
  skill('ethers-js', 'ethers.js', 'ethers.js', 'frontend', 'web3-frontend', ['ethers', 'ethersjs', 'ethers v6']),
  skill('web3-js', 'web3.js', 'web3.js', 'frontend', 'web3-frontend', ['web3js', 'Web3.js']),
  skill('wallet-integration', '钱包集成', 'Wallet integration', 'frontend', 'web3-frontend', [
    'MetaMask', 'WalletConnect', '钱包接入', '钱包连接',
  ]),

  // Testing.
  skill('testing', '软件测试', 'Software testing', 'testing', null, ['测试', 'QA', '质量保证', 'quality assurance', '测试工程']),
  skill('test-automation', '自动化测试', 'Test automation', 'testing', 'testing', [
    '自动化', 'automated testing', 'Selenium', 'Playwright', 'UI自动化',
  ]),
  skill('performance-testing', '性能测试', 'Performance testing', 'testing', 'testing', [
    '压测', '压力测试', 'load testing', 'JMeter', 'TPS测试', '性能压测',
  ]),
  skill('smart-contract-testing', '智能合约测试', 'Smart contract testing', 'testing', 'testing', [
    '合约测试', '合约单元测试', 'contract testing', 'fuzzing', '模糊测试',
  ]),
  skill('api-testing', '接口测试', 'API testing', 'testing', 'testing', ['Postman', '接口自动化', 'API自动化测试']),
  skill('unit-testing', '单元测试', 'Unit testing', 'testing', 'testing', ['JUnit', 'Jest', 'pytest', 'go test']),
  skill('security-testing', '安全测试', 'Security testing', 'testing', 'testing', ['渗透测试', 'penetration testing', 'pentest', '漏洞扫描']),
  skill('test-case-design', '测试用例设计', 'Test case design', 'testing', 'testing', ['用例设计', 'test design', '测试方案']),

  // Product.
  skill('product-management', '产品管理', 'Product management', 'product', null, ['产品经理', 'PM', 'product manager', '产品规划']),
  skill('requirements-analysis', '需求分析', 'Requirements analysis', 'product', 'product-management', [
    '需求调研', 'PRD', 'requirements engineering', '需求文档', '业务需求分析',
  ]),
  skill('prototyping', '原型设计', 'Prototyping', 'product', 'product-management', ['Axure', 'Figma', '墨刀', '原型', '交互设计']),
  skill('user-research', '用户研究', 'User research', 'product', 'product-management', ['用户调研', 'UX research', '用户访谈']),
  skill('project-management', '项目管理', 'Project management', 'product', null, ['敏捷', 'Scrum', 'PMP', 'agile', '敏捷开发']),
  skill('technical-writing', '技术文档写作', 'Technical writing', 'product', null, ['技术文档', 'documentation', '白皮书撰写', '技术写作']),
  skill('community-operations', '社区运营', 'Community operations', 'product', null, ['社群运营', '开发者运营', 'developer relations', 'DevRel']),

  // Business domains that matter in Guangxi and the ASEAN corridor.
  skill('fintech', '金融科技', 'Fintech', 'domain', null, ['financial technology', '金融信息化', '数字金融']),
  skill('supply-chain-finance', '供应链金融', 'Supply chain finance', 'domain', 'fintech', [
    'SCF', '供应链融资', '应收账款融资', '应收账款多级流转', 'receivables financing',
  ]),
  skill('cross-border-trade', '跨境贸易', 'Cross-border trade', 'domain', null, [
    '国际贸易', '跨境电商', 'cross-border e-commerce', '中国—东盟贸易', '边境贸易', '外贸',
  ]),
  skill('cross-border-payments', '跨境支付', 'Cross-border payments', 'domain', 'fintech', [
    '跨境结算', '跨境清算', 'cross-border settlement', '跨境人民币', 'RMB cross-border payment',
  ]),
  skill('digital-rmb', '数字人民币', 'Digital RMB (e-CNY)', 'domain', 'fintech', ['e-CNY', 'DC/EP', 'DCEP', '数币', 'digital yuan']),
  skill('traceability', '溯源', 'Traceability', 'domain', null, ['区块链溯源', '防伪溯源', '追溯', 'traceability system', '产品溯源']),
  skill('agri-traceability', '农产品溯源', 'Agricultural product traceability', 'domain', 'traceability', [
    '农业溯源', '蔗糖溯源', '食品溯源', 'food traceability',
  ]),
  skill('data-elements', '数据要素', 'Data elements', 'domain', null, [
    '数据资产', '数据确权', '数据交易', 'data assets', '数据要素流通', '数据资产入表',
  ]),
  skill('digital-government', '数字政务', 'Digital government services', 'domain', null, [
    '政务区块链', '电子政务', 'e-government', '政务服务', '一网通办',
  ]),
  skill('electronic-evidence', '电子存证', 'Electronic evidence preservation', 'domain', null, [
    '存证', '司法存证', '区块链存证', 'e-evidence', '版权存证',
  ]),
  skill('smart-logistics', '智慧物流', 'Smart logistics', 'domain', null, [
    '物流', '港口物流', 'port logistics', '西部陆海新通道', '多式联运',
  ]),
  skill('carbon-assets', '碳资产管理', 'Carbon asset management', 'domain', null, ['碳交易', '碳足迹', 'carbon credits', '双碳']),
  skill('digital-collectibles', '数字藏品', 'Digital collectibles', 'domain', null, ['NFT', '数字文创', 'non-fungible tokens']),
  skill('blockchain-compliance', '区块链合规', 'Blockchain compliance', 'domain', null, [
    '合规', '区块链信息服务备案', 'regulatory compliance', '监管科技', 'RegTech',
  ]),
  skill('defi', '去中心化金融', 'Decentralized finance (DeFi)', 'domain', 'fintech', ['DeFi', 'DeFi协议', 'AMM']),

  // Data.
  skill('sql', 'SQL', 'SQL', 'data', null, ['MySQL', 'PostgreSQL', '数据库', 'relational databases', '关系型数据库']),
  skill('redis', 'Redis', 'Redis', 'data', null, ['缓存', 'Redis缓存', 'key-value store']),
  skill('data-analysis', '数据分析', 'Data analysis', 'data', null, ['pandas', 'Excel', '数据统计', 'data analytics']),
  skill('on-chain-analytics', '链上数据分析', 'On-chain data analytics', 'data', 'data-analysis', [
    '链上分析', 'on-chain data', 'Dune', '区块浏览器', 'block explorer',
  ]),
  skill('data-visualization', '数据可视化', 'Data visualization', 'data', 'data-analysis', ['ECharts', '可视化', '数据大屏', 'BI']),
  skill('big-data', '大数据', 'Big data', 'data', null, ['Hadoop', 'Spark', 'Flink', '大数据处理']),
  skill('machine-learning', '机器学习', 'Machine learning', 'data', null, ['ML', '人工智能', 'AI', '深度学习']),

  // Operations.
  skill('linux', 'Linux', 'Linux', 'ops', null, ['Shell', 'bash', 'Ubuntu', 'CentOS', 'Linux运维']),
  skill('docker', 'Docker', 'Docker', 'ops', null, ['容器', 'containers', 'Docker Compose', '容器化']),
  skill('kubernetes', 'Kubernetes', 'Kubernetes', 'ops', null, ['K8s', 'k8s', '容器编排', 'Helm']),
  skill('ci-cd', 'CI/CD', 'CI/CD', 'ops', null, ['持续集成', 'Jenkins', 'GitHub Actions', 'GitLab CI', 'DevOps']),
  skill('git', 'Git', 'Git', 'ops', null, ['GitHub', 'GitLab', '版本控制', 'version control']),
  skill('cloud-computing', '云计算', 'Cloud computing', 'ops', null, ['阿里云', '腾讯云', '华为云', 'AWS', 'cloud']),
  skill('monitoring', '监控与可观测性', 'Monitoring and observability', 'ops', null, ['Prometheus', 'Grafana', '监控', 'observability']),
  skill('node-operations', '区块链节点运维', 'Blockchain node operations', 'ops', 'blockchain-fundamentals', [
    '节点运维', '节点部署', 'node ops', '链运维', 'BaaS',
  ]),
  skill('network-security', '网络安全', 'Network security', 'ops', null, ['信息安全', 'cybersecurity', 'infosec', '网安', '等保']),
]
