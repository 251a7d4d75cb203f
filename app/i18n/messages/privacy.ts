import type { Messages } from './types.ts'

// The privacy notice (its version is PRIVACY_NOTICE_VERSION in app/modules/privacy/notice.ts:
// raise it when this text changes in substance) and accepting it.
export const privacyMessages = {
  'privacy.title': { zh: '隐私声明', en: 'Privacy notice' },
  'privacy.version': { zh: '第 {version} 版，自 {date} 起生效', en: 'Version {version}, in effect since {date}' },
  'privacy.who': {
    zh: '链桥由广西区块链信息中心运营，按照《个人信息保护法》处理你的个人信息。',
    en: 'Lianqiao is run by the Guangxi regional blockchain information centre, which handles your personal information under China’s Personal Information Protection Law (PIPL).',
  },
  'privacy.whatTitle': { zh: '我们保存什么', en: 'What we keep' },
  'privacy.what': {
    zh: '账户（姓名、电子邮箱、语言）、你填写的资料（高校、专业、技能、语言、课程与成绩、经历、简历）、申请及其往来消息、活动报名、队伍与作品、证书、通知、登录设备，以及哪些企业查看过你的资料。',
    en: 'Your account (name, e-mail, language), what you tell us (university, major, skills, languages, courses and grades, evidence, résumés), applications and their messages, event registrations, teams and submissions, credentials, notifications, signed-in devices, and which companies viewed your profile.',
  },
  'privacy.whyTitle': { zh: '用于什么', en: 'What for' },
  'privacy.why': {
    zh: '为你匹配实习岗位与活动、把你的申请交给你选择的企业、为活动报名，以及让高校与主办方看到不含个人身份的统计。',
    en: 'To match you with internships and events, to pass your applications to the companies you choose, to register you for events, and to give universities and organisers statistics without personal identities.',
  },
  'privacy.whoSeesTitle': { zh: '谁能看到', en: 'Who sees it' },
  'privacy.whoSees': {
    zh: '你的资料默认不公开。企业只能看到你申请其岗位时提交的内容，或你选择公开后可被发现的资料；每次查看都会记录在“谁看过我的资料”中。',
    en: 'Your profile is private by default. A company sees what you sent with an application to its role, or your profile once you make it discoverable; every view is recorded in “who viewed my profile”.',
  },
  'privacy.keepTitle': { zh: '保存多久', en: 'How long' },
  'privacy.keep': {
    zh: '岗位关闭满 {days} 天后，企业看到的申请将匿名化：不再显示你的姓名、联系方式、简历、成绩与申请时的资料；你自己的记录保留。删除账户时，你的资料与上传的文件一并删除，统计数字以匿名方式保留。',
    en: '{days} days after a role closes, the company’s copy of your application is anonymised: your name, contact details, résumé, grades and profile snapshot are no longer shown to it; your own copy stays. When you delete your account, your data and uploaded files are deleted; counts in statistics stay, anonymised.',
  },
  'privacy.rightsTitle': { zh: '你的权利', en: 'Your rights' },
  'privacy.rights': {
    zh: '你可以随时查看和更正资料、下载你的全部数据、更改资料的公开范围，或删除账户。',
    en: 'At any time you can see and correct your profile, download all your data, change who may see your profile, or delete your account.',
  },
  'privacy.changesTitle': { zh: '声明的变更', en: 'Changes to this notice' },
  'privacy.changes': {
    zh: '声明有实质变更时版本号会提高，你下次登录时需要重新阅读并接受。',
    en: 'When this notice changes in substance its version goes up, and you are asked to read and accept it again when you next sign in.',
  },
  'privacy.accept': { zh: '我已阅读并接受隐私声明', en: 'I have read and accept the privacy notice' },
  'privacy.acceptTitle': { zh: '隐私声明已更新', en: 'The privacy notice has changed' },
  'privacy.acceptIntro': {
    zh: '继续使用链桥前，请阅读并接受当前的隐私声明（第 {version} 版）。',
    en: 'Before you continue, please read and accept the current privacy notice (version {version}).',
  },
  'privacy.acceptedBefore': { zh: '你上次接受的是第 {version} 版。', en: 'You last accepted version {version}.' },
  'privacy.acceptButton': { zh: '接受并继续', en: 'Accept and continue' },
  'privacy.accepted': { zh: '已接受隐私声明', en: 'Privacy notice accepted' },
  'privacy.required': { zh: '请阅读并接受隐私声明', en: 'Please read and accept the privacy notice' },
  'privacy.read': { zh: '阅读隐私声明', en: 'Read the privacy notice' },
  'privacy.yourAcceptance': { zh: '你于 {date} 接受了第 {version} 版。', en: 'You accepted version {version} on {date}.' },
  'privacy.anonymisedApplicant': { zh: '匿名申请人', en: 'Anonymised applicant' },
  'privacy.anonymisedNotice': {
    zh: '岗位关闭已超过保存期限，此申请已匿名化：申请人的姓名、联系方式、简历、成绩、申请时的资料与往来消息不再显示。',
    en: 'The role closed longer ago than applications are kept, so this application is anonymised: the applicant’s name, contact details, résumé, grades, profile snapshot and messages are no longer shown.',
  },
  'privacy.anonymisedNoContact': {
    zh: '此申请已匿名化，不能再添加备注或消息',
    en: 'This application is anonymised; notes and messages can no longer be added',
  },
} satisfies Messages
