// Least privilege: the page wrapper's replies, company verification and API token scopes.
import type { Messages } from './types.ts'

export const access = {
  'error.unknownIntent': { zh: '无法识别的操作。请刷新页面后重试。', en: 'Unknown action. Please reload the page and try again.' },
  'access.scopeNotAllowed': { zh: '你的账户角色不允许以下令牌权限：{scope}。', en: 'Your account’s roles do not allow these token scopes: {scope}.' },
  'error.missingScope': { zh: '此 API 令牌缺少所需权限（scope）：{scope}。', en: 'This API token lacks the required scope: {scope}.' },
  'account.tokenScopes': { zh: '权限范围', en: 'Scopes' },
  'account.tokenScopesHint': {
    zh: '不勾选则包含你的角色允许的全部权限。令牌 90 天后过期。',
    en: 'Tick none for every scope your roles allow. Tokens expire after 90 days.',
  },
  'account.tokenCreated': { zh: '创建于', en: 'Created' },
  'account.tokenExpires': { zh: '过期时间', en: 'Expires' },
  'account.tokenExpired': { zh: '已过期', en: 'Expired' },
  'access.companyUnverifiedPublish': {
    zh: '企业通过平台认证后才能发布岗位。在此之前可以先保存草稿。',
    en: 'Your company can publish roles once the platform has verified it. Until then you can save drafts.',
  },
  'access.companyUnverifiedNotice': {
    zh: '你的企业尚未通过平台认证：可以准备岗位草稿，但在管理员认证之前不能发布岗位、接收申请或查看候选人。修改企业名称或网站后需要重新认证。',
    en: 'Your company is not verified yet: you can prepare role drafts, but until an admin verifies it you cannot publish roles, receive applications or see candidates. Changing the company’s name or website needs a new verification.',
  },
} satisfies Messages
