import type { Messages } from './types.ts'

// How the site is reached: the plain-HTTP warning admins see and its help page.
export const transportMessages = {
  'transport.clearText': {
    zh: '本站未通过 HTTPS 提供服务：会话和密码以明文传输。',
    en: 'This site is served without HTTPS: sessions and passwords travel in clear text.',
  },
  'transport.howToFix': { zh: '如何在前面加一层 TLS 代理', en: 'How to put a TLS proxy in front' },
  'transport.helpTitle': { zh: '从其他设备访问链桥', en: 'Reaching Lianqiao from another device' },
  'transport.helpSource': {
    zh: '以下内容摘自 README（英文）。',
    en: 'This is the section of the README that covers it.',
  },
} satisfies Messages
