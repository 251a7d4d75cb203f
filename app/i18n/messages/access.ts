// Least privilege: the page wrapper's replies, company verification and API token scopes.
import type { Messages } from './types.ts'

export const access = {
  'error.unknownIntent': { zh: '无法识别的操作。请刷新页面后重试。', en: 'Unknown action. Please reload the page and try again.' },
  'access.scopeNotAllowed': { zh: '你的账户角色不允许以下令牌权限：{scope}。', en: 'Your account’s roles do not allow these token scopes: {scope}.' },
  'error.missingScope': { zh: '此 API 令牌缺少所需权限（scope）：{scope}。', en: 'This API token lacks the required scope: {scope}.' },
  'account.tokenScopes': { zh: '权限范围', en: 'Scopes' },
  'account.tokenScopesHint': { zh: '不勾选则包含你的角色允许的全部权限。令牌 90 天后过期。', en: 'Tick none for every scope your roles allow. Tokens expire after 90 days.' },
  'account.tokenCreated': { zh: '创建于', en: 'Created' },
  'account.tokenExpires': { zh: '过期时间', en: 'Expires' },
  'account.tokenExpired': { zh: '已过期', en: 'Expired' },
} satisfies Messages
