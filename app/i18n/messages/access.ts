// Least privilege: the page wrapper's replies, company verification and API token scopes.
import type { Messages } from './types.ts'

export const access = {
  'error.unknownIntent': { zh: '无法识别的操作。请刷新页面后重试。', en: 'Unknown action. Please reload the page and try again.' },
} satisfies Messages
