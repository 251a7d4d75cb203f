import type { Messages } from './types.ts'

// Answers for input beyond what Lianqiao accepts: bodies too large, the wrong kind of body,
// and lists that have reached their cap.
export const limits = {
  'limits.tooLargeTitle': { zh: '提交的内容太大', en: 'Too much to accept' },
  'limits.tooLarge': {
    zh: '提交的内容超过了 {max} 的上限。请缩小后重试。',
    en: 'What you sent is larger than the {max} limit. Make it smaller and try again.',
  },
  'limits.fieldTooLarge': { zh: '字段“{field}”超过了 {max} 的上限', en: 'The field "{field}" is larger than the {max} limit' },
  'limits.unsupportedTypeTitle': { zh: '不支持的内容类型', en: 'Unsupported content type' },
  'limits.unsupportedType': { zh: '此地址只接受 {expected}，收到的是 {received}。', en: 'This address accepts only {expected}; it received {received}.' },
  'limits.malformedForm': { zh: '无法读取提交的表单数据，请重新提交。', en: 'The submitted form could not be read. Please submit it again.' },
  'limits.backHome': { zh: '返回首页', en: 'Back to the home page' },
  'limits.tooMany': { zh: '最多只能有 {max} 项，请先删除一些。', en: 'You can have at most {max}. Remove some first.' },
} satisfies Messages
