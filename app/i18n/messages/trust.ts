import type { Messages } from './types.ts'

// Trust and moderation: posting rules and review, licence verification, reports,
// moderation, personal-data rights.
export const trustMessages = {
  'trust.rule.discrimination': {
    zh: '招聘不得限定性别、民族、婚育状况或户籍籍贯（《就业促进法》）：请删除“{phrase}”。',
    en: 'A posting may not require a gender, ethnicity, marital or childbearing status, or hometown (Employment Promotion Law): remove “{phrase}”.',
  },
  'trust.review.reason.contact': { zh: '站外联系方式（微信、QQ、电话、邮箱）', en: 'Contact details off the platform (WeChat, QQ, phone, e-mail)' },
  'trust.review.reason.stipend': { zh: '补贴远超出本地区同类岗位范围', en: 'Stipend far outside the regional range for this kind of role' },
  'trust.review.inReview': { zh: '审核中', en: 'In review' },
  'trust.review.rejected': { zh: '审核未通过', en: 'Review rejected' },
  'trust.review.inReviewNotice': {
    zh: '该岗位含有需要管理员审核的内容（{reasons}），审核通过后才会发布。',
    en: 'This role has content an admin reviews before it is published ({reasons}).',
  },
  'trust.review.rejectedNotice': { zh: '管理员未通过该岗位的发布：{note}', en: 'An admin did not approve publishing this role: {note}' },
  'trust.review.sentToast': { zh: '已保存，岗位将在管理员审核后发布', en: 'Saved; the role will be published once an admin has reviewed it' },
  'trust.review.title': { zh: '岗位发布审核', en: 'Role review' },
  'trust.review.empty': { zh: '没有待审核的岗位。', en: 'No roles wait for review.' },
  'trust.review.approve': { zh: '通过并发布', en: 'Approve and publish' },
  'trust.review.reject': { zh: '不通过', en: 'Reject' },
  'trust.review.reasonLabel': { zh: '原因（企业可见）', en: 'Reason (the company sees it)' },
  'trust.review.found': { zh: '发现：{phrase}', en: 'Found: {phrase}' },
  'trust.review.regionalRange': { zh: '本地区同类岗位：{low}–{high} 元/月', en: 'Regional range for this kind: CNY {low}–{high}/month' },
  'trust.review.approvedToast': { zh: '岗位已通过审核并发布', en: 'Role approved and published' },
  'trust.review.rejectedToast': { zh: '已退回，企业会看到原因', en: 'Rejected; the company sees the reason' },
  'trust.review.reasonRequired': { zh: '请填写原因（最多 1000 字）', en: 'Give a reason (at most 1000 characters)' },
  'trust.review.notPending': { zh: '该岗位不在审核中', en: 'This role is not waiting for review' },
  'nav.adminReviews': { zh: '岗位审核', en: 'Role review' },
  'notification.role.reviewApproved': { zh: '岗位“{role}”已通过审核并发布。', en: 'Your role “{role}” passed review and is published.' },
  'notification.role.reviewRejected': { zh: '岗位“{role}”未通过审核：{note}', en: 'Your role “{role}” did not pass review: {note}' },
} satisfies Messages
