// Fictional companies. `chain` and `domains` drive the generated roles so that a company's
// roles, skills and descriptions agree with what the company says it does.
import type { Company } from './format.ts'

export type ChainKey = 'fisco-bcos' | 'chainmaker' | 'hyperledger-fabric' | 'xuperchain' | 'ethereum'

/** Traits that make some role templates likelier (see roles.ts). */
export type Trait = 'security' | 'privacy' | 'testing' | 'ops' | 'data' | 'frontend' | 'asean' | 'product'

export interface CompanyInfo extends Company {
  short: { zh: string; en: string }
  chain: ChainKey
  /** Business-domain skill keys, most important first. */
  domains: string[]
  traits: Trait[]
  /** ASEAN language the company works in, if any (ISO 639-1). */
  aseanLanguage?: string
}

function company(
  key: string,
  zh: string,
  en: string,
  short: [zh: string, en: string],
  city: string,
  parkIncubated: boolean,
  chain: ChainKey,
  domains: string[],
  traits: Trait[],
  description: [zh: string, en: string],
  aseanLanguage?: string,
): CompanyInfo {
  const info: CompanyInfo = {
    key,
    name: { zh, en },
    city,
    description: { zh: description[0], en: description[1] },
    website: `https://${key}.example.cn`,
    parkIncubated,
    short: { zh: short[0], en: short[1] },
    chain,
    domains,
    traits,
  }
  if (aseanLanguage) info.aseanLanguage = aseanLanguage
  return info
}

export const companies: CompanyInfo[] = [
  // Nanning
  company('lianrong', '南宁链融科技有限公司', 'Nanning Lianrong Technology Co., Ltd.', ['链融科技', 'Lianrong'], '南宁', true,
    'fisco-bcos', ['supply-chain-finance', 'fintech'], ['product'],
    ['为广西制造业核心企业及其上下游提供基于 FISCO BCOS 的应收账款多级流转与供应链金融服务。',
      'Supply chain finance on FISCO BCOS for Guangxi manufacturers and their suppliers, centred on multi-tier receivables.']),
  company('asean-lianxin', '广西东盟链信数字科技有限公司', 'Guangxi ASEAN Lianxin Digital Technology Co., Ltd.', ['东盟链信', 'ASEAN Lianxin'], '南宁', true,
    'chainmaker', ['cross-border-trade', 'cross-border-payments'], ['asean', 'product'],
    ['建设面向东盟的跨境贸易单证共享与结算平台，服务中越、中泰进出口企业。',
      'A trade-document sharing and settlement platform for companies trading with Vietnam, Thailand and the rest of ASEAN.'], 'vi'),
  company('wuxiang-shuzhi', '南宁五象数智科技有限公司', 'Nanning Wuxiang Shuzhi Technology Co., Ltd.', ['五象数智', 'Wuxiang Shuzhi'], '南宁', true,
    'fisco-bcos', ['data-elements', 'digital-government'], ['data'],
    ['专注数据要素流通，为公共数据授权运营提供数据确权、登记与交易存证服务。',
      'Data-element circulation: ownership, registration and trade records for licensed public-data operations.']),
  company('guizhi-security', '广西桂智安全技术有限公司', 'Guangxi Guizhi Security Technology Co., Ltd.', ['桂智安全', 'Guizhi Security'], '南宁', true,
    'ethereum', ['blockchain-compliance'], ['security', 'testing'],
    ['提供智能合约安全审计、链上风险监测与区块链系统渗透测试服务。',
      'Smart contract audits, on-chain risk monitoring and penetration testing of blockchain systems.']),
  company('yongjiang-evidence', '南宁邕江存证科技有限公司', 'Nanning Yongjiang Evidence Technology Co., Ltd.', ['邕江存证', 'Yongjiang Evidence'], '南宁', true,
    'xuperchain', ['electronic-evidence', 'digital-government'], ['frontend'],
    ['基于百度超级链的电子合同与司法存证平台，服务律所、公证处和中小企业。',
      'Electronic contracts and judicial evidence on XuperChain for law firms, notaries and small businesses.']),
  company('beibu-shulian', '广西北部湾数链科技有限公司', 'Guangxi Beibu Gulf Shulian Technology Co., Ltd.', ['北部湾数链', 'Beibu Shulian'], '南宁', true,
    'hyperledger-fabric', ['smart-logistics', 'cross-border-trade'], ['data', 'asean'],
    ['为北部湾港及西部陆海新通道提供集装箱物流数据共享与电子提单服务。',
      'Container logistics data sharing and electronic bills of lading for Beibu Gulf Port and the New Western Land-Sea Corridor.'], 'vi'),
  company('qingxiu-zhengtong', '南宁青秀政通信息技术有限公司', 'Nanning Qingxiu Zhengtong Information Technology Co., Ltd.', ['青秀政通', 'Qingxiu Zhengtong'], '南宁', true,
    'chainmaker', ['digital-government', 'did'], ['product'],
    ['承建政务数据共享、电子证照上链等数字政府项目。',
      'Digital government projects: government data sharing and electronic licences on chain.']),
  company('zhuangjin-digital', '广西壮锦数字文创有限公司', 'Guangxi Zhuangjin Digital Culture Co., Ltd.', ['壮锦数字', 'Zhuangjin Digital'], '南宁', false,
    'xuperchain', ['digital-collectibles'], ['frontend', 'product'],
    ['将壮锦、铜鼓等广西非遗文化资源数字化，发行合规数字藏品。',
      'Digitises Guangxi intangible heritage such as Zhuang brocade and bronze drums and issues compliant digital collectibles.']),
  company('lvcheng-carbon', '南宁绿城碳链科技有限公司', 'Nanning Lücheng Carbon Chain Technology Co., Ltd.', ['绿城碳链', 'Lücheng Carbon'], '南宁', true,
    'fisco-bcos', ['carbon-assets', 'data-elements'], ['data'],
    ['为园区和制造企业提供碳足迹核算与碳资产登记的区块链平台。',
      'A blockchain platform for carbon footprint accounting and carbon asset registration for parks and manufacturers.']),
  company('xinbao-pay', '广西信保支付科技有限公司', 'Guangxi Xinbao Payment Technology Co., Ltd.', ['信保支付', 'Xinbao Pay'], '南宁', true,
    'hyperledger-fabric', ['digital-rmb', 'cross-border-payments'], ['asean', 'security'],
    ['参与数字人民币场景建设，提供面向东盟的跨境人民币结算中间件。',
      'Builds e-CNY payment scenarios and cross-border RMB settlement middleware for ASEAN trade.'], 'th'),
  company('mingxin-privacy', '南宁明芯隐私计算科技有限公司', 'Nanning Mingxin Privacy Computing Technology Co., Ltd.', ['明芯隐私计算', 'Mingxin'], '南宁', true,
    'chainmaker', ['data-elements', 'fintech'], ['privacy', 'security'],
    ['研发零知识证明与多方安全计算产品，让金融和政务数据“可用不可见”。',
      'Zero-knowledge and multi-party computation products that let financial and government data be used without being revealed.']),
  company('hongshu-software', '广西鸿数软件有限公司', 'Guangxi Hongshu Software Co., Ltd.', ['鸿数软件', 'Hongshu Software'], '南宁', true,
    'fisco-bcos', ['supply-chain-finance'], ['testing', 'ops'],
    ['区块链软件外包与测试服务商，为区内银行和国企提供联盟链交付与性能测试。',
      'Blockchain delivery and performance testing for banks and state-owned enterprises in Guangxi.']),
  company('lianke-network', '南宁链客网络科技有限公司', 'Nanning Lianke Network Technology Co., Ltd.', ['链客网络', 'Lianke'], '南宁', false,
    'ethereum', ['did', 'digital-collectibles'], ['frontend', 'privacy'],
    ['开发分布式数字身份钱包和 DApp 开发者工具。',
      'Decentralized identity wallets and developer tools for DApps.']),
  company('zhongyue-tonglian', '广西中越通链供应链管理有限公司', 'Guangxi Zhongyue Tonglian Supply Chain Management Co., Ltd.', ['中越通链', 'Zhongyue Tonglian'], '南宁', true,
    'chainmaker', ['cross-border-trade', 'smart-logistics'], ['asean', 'product'],
    ['服务中越边境贸易的供应链管理公司，用长安链记录货物、报关和结算信息。',
      'Supply chain management for China–Vietnam border trade, recording goods, customs and settlement on ChainMaker.'], 'vi'),
  company('jinxiu-identity', '广西锦绣数字身份科技有限公司', 'Guangxi Jinxiu Digital Identity Technology Co., Ltd.', ['锦绣数字身份', 'Jinxiu Identity'], '南宁', true,
    'chainmaker', ['did', 'digital-government'], ['privacy', 'frontend'],
    ['提供分布式数字身份（DID）与可验证凭证基础设施，支持跨境身份互认。',
      'Decentralized identity (DID) and verifiable credential infrastructure, including cross-border recognition.']),
  company('kuaiyan-testing', '南宁快验测试技术有限公司', 'Nanning Kuaiyan Testing Technology Co., Ltd.', ['快验测试', 'Kuaiyan Testing'], '南宁', true,
    'fisco-bcos', ['blockchain-compliance'], ['testing'],
    ['第三方软件测评机构，提供联盟链性能测试、智能合约测试与功能测评。',
      'Independent software testing: consortium-chain performance tests, smart contract tests and functional assessments.']),
  company('huiying-data', '广西汇盈数据科技有限公司', 'Guangxi Huiying Data Technology Co., Ltd.', ['汇盈数据', 'Huiying Data'], '南宁', false,
    'ethereum', ['data-elements', 'fintech'], ['data'],
    ['链上数据分析与风控模型服务商。', 'On-chain data analytics and risk models.']),
  company('liantong-cloud', '南宁链通云计算有限公司', 'Nanning Liantong Cloud Computing Co., Ltd.', ['链通云', 'Liantong Cloud'], '南宁', true,
    'fisco-bcos', ['digital-government'], ['ops'],
    ['区块链即服务（BaaS）平台运营商，接入区块链服务网络 BSN，为区内客户托管节点。',
      'A blockchain-as-a-service operator connected to BSN, hosting nodes for customers across Guangxi.']),
  company('xiangsihu-jinke', '南宁相思湖金科信息技术有限公司', 'Nanning Xiangsihu Jinke Information Technology Co., Ltd.', ['相思湖金科', 'Xiangsihu Jinke'], '南宁', true,
    'hyperledger-fabric', ['fintech', 'supply-chain-finance'], ['product'],
    ['为地方商业银行提供区块链贸易融资与票据系统。',
      'Blockchain trade finance and bill systems for local commercial banks.']),
  company('nanhu-zhilian', '南宁南湖智链科技有限公司', 'Nanning Nanhu Zhilian Technology Co., Ltd.', ['南湖智链', 'Nanhu Zhilian'], '南宁', false,
    'fisco-bcos', ['traceability', 'digital-government'], ['frontend'],
    ['药品与食品安全追溯平台开发商。', 'Traceability platforms for medicines and food safety.']),

  // Liuzhou
  company('longcheng-lianke', '柳州龙城链科智能制造有限公司', 'Liuzhou Longcheng Lianke Intelligent Manufacturing Co., Ltd.', ['龙城链科', 'Longcheng Lianke'], '柳州', true,
    'hyperledger-fabric', ['traceability', 'supply-chain-finance'], ['data'],
    ['为柳州汽车及零部件产业提供零部件质量追溯与供应链协同平台。',
      'Parts traceability and supply chain collaboration for Liuzhou’s automotive industry.']),
  company('zhiyunlian-logistics', '柳州智运链物流科技有限公司', 'Liuzhou Zhiyunlian Logistics Technology Co., Ltd.', ['智运链', 'Zhiyunlian'], '柳州', false,
    'chainmaker', ['smart-logistics'], ['frontend'],
    ['铁路与公路多式联运的物流信息平台。', 'Logistics information for rail and road multimodal transport.']),
  company('weilian-food', '柳州味链食品溯源科技有限公司', 'Liuzhou Weilian Food Traceability Technology Co., Ltd.', ['味链溯源', 'Weilian'], '柳州', true,
    'fisco-bcos', ['agri-traceability', 'traceability'], ['frontend', 'product'],
    ['为螺蛳粉等预包装食品提供原料到餐桌的全链路溯源。',
      'Farm-to-table traceability for packaged foods such as Liuzhou river-snail rice noodles.']),

  // Guilin
  company('shanshuilian', '桂林山水链文旅科技有限公司', 'Guilin Shanshuilian Culture & Tourism Technology Co., Ltd.', ['山水链', 'Shanshuilian'], '桂林', true,
    'xuperchain', ['digital-collectibles', 'did'], ['frontend', 'product'],
    ['文旅数字化服务商，提供景区电子票证、游客数字身份与文创数字藏品。',
      'Digital tourism: scenic-area e-tickets, visitor digital identity and cultural digital collectibles.']),
  company('lijiang-crypto', '桂林漓江密码技术有限公司', 'Guilin Lijiang Cryptography Technology Co., Ltd.', ['漓江密码', 'Lijiang Crypto'], '桂林', true,
    'chainmaker', ['blockchain-compliance'], ['privacy', 'security'],
    ['商用密码与零知识证明技术公司，为联盟链提供国密改造和隐私保护方案。',
      'Commercial cryptography and zero-knowledge proofs: national-standard crypto and privacy for consortium chains.']),
  company('xinglian-software', '桂林星链软件有限公司', 'Guilin Xinglian Software Co., Ltd.', ['星链软件', 'Xinglian Software'], '桂林', false,
    'ethereum', ['digital-collectibles'], ['frontend', 'testing'],
    ['Web3 应用外包开发团队，承接 DApp 前后端与测试项目。',
      'A Web3 development studio building and testing DApps for clients.']),
  company('guolian-agri', '桂林果链农业科技有限公司', 'Guilin Guolian Agricultural Technology Co., Ltd.', ['果链农业', 'Guolian Agri'], '桂林', true,
    'fisco-bcos', ['agri-traceability', 'supply-chain-finance'], ['product'],
    ['罗汉果等特色农产品的溯源与订单融资平台。',
      'Traceability and order financing for specialty produce such as monk fruit.']),

  // Beihai
  company('lanhai-shulian', '北海蓝海数链科技有限公司', 'Beihai Lanhai Shulian Technology Co., Ltd.', ['蓝海数链', 'Lanhai Shulian'], '北海', true,
    'hyperledger-fabric', ['smart-logistics', 'data-elements'], ['data', 'asean'],
    ['海洋渔业与港口数据服务商，建设渔获溯源与港航数据共享链。',
      'Ocean fishery and port data: catch traceability and a shared port and shipping data chain.'], 'ms'),
  company('nanzhu-trace', '北海南珠溯源科技有限公司', 'Beihai Nanzhu Traceability Technology Co., Ltd.', ['南珠溯源', 'Nanzhu'], '北海', false,
    'xuperchain', ['traceability', 'digital-collectibles'], ['frontend'],
    ['为北海南珠（珍珠）提供产地溯源与鉴定证书上链服务。',
      'Origin traceability and on-chain certificates for Beihai’s South Sea pearls.']),
  company('yintan-yunlian', '北海银滩云链信息技术有限公司', 'Beihai Yintan Yunlian Information Technology Co., Ltd.', ['银滩云链', 'Yintan Yunlian'], '北海', true,
    'fisco-bcos', ['digital-government'], ['ops', 'testing'],
    ['区块链运维与测试服务外包，运营 BSN 北海节点。', 'Blockchain operations and testing services; runs the BSN node in Beihai.']),

  // Qinzhou
  company('ganglian-scm', '钦州港链通供应链科技有限公司', 'Qinzhou Ganglian Supply Chain Technology Co., Ltd.', ['港链通', 'Ganglian'], '钦州', true,
    'chainmaker', ['smart-logistics', 'cross-border-trade'], ['asean', 'data'],
    ['依托钦州港和西部陆海新通道，提供海铁联运单证与跨境物流数据服务。',
      'Sea-rail documents and cross-border logistics data along the New Western Land-Sea Corridor via Qinzhou Port.'], 'id'),
  company('qinzhou-ftz', '钦州自贸数科技术有限公司', 'Qinzhou Free Trade Zone Digital Technology Co., Ltd.', ['自贸数科', 'Qinzhou FTZ Digital'], '钦州', true,
    'fisco-bcos', ['cross-border-payments', 'digital-rmb'], ['asean', 'product'],
    ['自贸试验区内的数字人民币跨境支付与贸易融资服务。',
      'e-CNY cross-border payments and trade finance in the Qinzhou free trade zone.'], 'ms'),

  // Other Guangxi cities
  company('liubao-tea', '梧州六堡茶链科技有限公司', 'Wuzhou Liubao Tea Chain Technology Co., Ltd.', ['六堡茶链', 'Liubao Tea Chain'], '梧州', false,
    'fisco-bcos', ['agri-traceability', 'digital-collectibles'], ['frontend'],
    ['为六堡茶提供从茶园到仓储陈化的全过程溯源。', 'End-to-end traceability for Liubao tea, from garden to ageing warehouse.']),
  company('yaolian', '玉林药链科技有限公司', 'Yulin Yaolian Technology Co., Ltd.', ['药链科技', 'Yaolian'], '玉林', true,
    'fisco-bcos', ['traceability', 'supply-chain-finance'], ['product'],
    ['服务玉林中药材市场，提供药材溯源和仓单融资。',
      'Herbal-medicine traceability and warehouse-receipt financing for the Yulin medicinal herbs market.']),
  company('baise-mango', '百色芒链农业科技有限公司', 'Baise Manglian Agricultural Technology Co., Ltd.', ['芒链农业', 'Manglian Agri'], '百色', false,
    'chainmaker', ['agri-traceability', 'carbon-assets'], ['data'],
    ['百色芒果产销溯源及林业碳汇数据服务。', 'Traceability for Baise mangoes and forestry carbon-sink data.']),
  company('youyiguan-trade', '崇左友谊关边贸链科技有限公司', 'Chongzuo Youyiguan Border Trade Chain Technology Co., Ltd.', ['友谊关边贸链', 'Youyiguan'], '崇左', false,
    'chainmaker', ['cross-border-trade', 'cross-border-payments'], ['asean'],
    ['服务凭祥口岸中越边民互市贸易的区块链结算与申报平台。',
      'Blockchain settlement and declarations for China–Vietnam border-resident trade at the Pingxiang port.'], 'vi'),
  company('bianhai-trade', '防城港边海链贸易科技有限公司', 'Fangchenggang Bianhai Chain Trade Technology Co., Ltd.', ['边海链', 'Bianhai'], '防城港', true,
    'hyperledger-fabric', ['cross-border-trade', 'smart-logistics'], ['asean', 'testing'],
    ['东兴与防城港口岸的跨境贸易与大宗商品物流数据平台。',
      'Cross-border trade and bulk commodity logistics data for the Dongxing and Fangchenggang ports.'], 'vi'),
]
