// Credentials in applications: the student attaches them, the company sees them verified;
// the company's "internship completed" form.
import type { Messages } from './types.ts'

export const credentialAttachments = {
  'attach.choose': { zh: '附上我的证书（可选）', en: 'Attach my credentials (optional)' },
  'attach.hint': { zh: '企业会看到证书的验证结果和颁发机构。', en: 'The company sees each one verified, with who issued it.' },
  'attach.title': { zh: '附上的证书', en: 'Attached credentials' },
  'attach.none': { zh: '没有附上证书。', en: 'No credentials attached.' },
  'attach.noneAvailable': { zh: '你还没有可以附上的证书。', en: 'You have no active credentials to attach.' },
  'attach.more': { zh: '再附上证书', en: 'Attach more credentials' },
  'attach.submit': { zh: '附上所选证书', en: 'Attach the chosen credentials' },
  'attach.detach': { zh: '移除“{title}”', en: 'Remove “{title}”' },
  'attach.attached': { zh: '已附上证书', en: 'Credentials attached' },
  'attach.detached': { zh: '已移除证书', en: 'Credential removed' },
  'attach.nothingChosen': { zh: '请至少选择一份证书', en: 'choose at least one credential' },
  'attach.notActive': { zh: '已撤销的证书不能附上', en: 'a revoked credential cannot be attached' },
  'attach.state.verified': { zh: '已验证', en: 'Verified' },
  'attach.state.revoked': { zh: '已撤销（{date}）', en: 'Revoked ({date})' },
  'attach.state.failed': { zh: '验证未通过', en: 'Not verified' },
  'attach.issuedBy': { zh: '颁发机构：{issuer}', en: 'Issued by {issuer}' },
  'attach.unknownIssuer': { zh: '颁发机构未登记', en: 'Issuer not in the registry' },
  'evidence.shown.credential': { zh: '证书', en: 'Credential' },
  'evidence.source.credential': { zh: '签名证书', en: 'Signed credential' },
  'credentials.internship.skillsRequired': { zh: '至少确认一项技能', en: 'confirm at least one skill' },
  'credentials.internship.tooManySkills': { zh: '最多确认 30 项技能', en: 'confirm at most 30 skills' },
  'credentials.internship.skillsHint': {
    zh: '默认列出岗位要求的技能；可调整级别，或添加实习中展现的其他技能。',
    en: 'The role’s skills are listed; change a level, or add other skills the intern showed.',
  },
  'credentials.internship.notEligible': {
    zh: '企业通过认证后，才能为已录用的实习标记完成。',
    en: 'Once the company is verified, an accepted internship can be marked completed.',
  },
} satisfies Messages
