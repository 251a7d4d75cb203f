// "Try as": one-click demo accounts on the sign-in page (embedded default database only).
import type { Messages } from './types.ts'

export const demo = {
  'demo.heading': { zh: '试用身份', en: 'Try as' },
  'demo.intro': {
    zh: '本机演示数据中的账号，一键登录，无需密码。只在使用内置数据库的开发模式下提供。',
    en: 'Accounts from the demo data on this machine: one click signs in, no password. Offered only in development mode on the embedded database.',
  },
  'demo.persona.student': { zh: '学生（课程、项目齐全）', en: 'A student with rich evidence' },
  'demo.persona.company': { zh: '园区认证企业成员', en: 'A member of a verified park firm' },
  'demo.persona.staff': { zh: '高校教务人员', en: 'University staff' },
  'demo.persona.organizer': { zh: '大赛组织者', en: 'The contest’s organizer' },
  'demo.persona.judge': { zh: '大赛评委', en: 'A contest judge' },
  'demo.persona.admin': { zh: '平台管理员', en: 'An administrator' },
} satisfies Messages
