import type { Messages } from './types.ts'

// Problems the bulk importer reports, each printed after its JSON path.
export const importMessages = {
  'import.unknownField': { zh: '未知字段', en: 'unknown field' },
  'import.version': { zh: '必须是 1', en: 'must be 1' },
  'import.date': {
    zh: '必须是 ISO 8601 日期，例如 2027-01-31 或 2027-01-31T09:00:00+08:00',
    en: 'must be an ISO 8601 date, e.g. 2027-01-31 or 2027-01-31T09:00:00+08:00',
  },
  'import.language': { zh: '必须是 ISO 639-1 语言代码，例如 zh、en、vi', en: 'must be an ISO 639-1 code such as zh, en, vi' },
  'import.listedTwice': { zh: '重复列出：{value}', en: 'listed twice: {value}' },
  'import.duplicateKey': { zh: '键 "{key}" 重复（首次出现在 {first}）', en: 'duplicate key "{key}" (first at {first})' },
  'import.duplicateEmail': { zh: '电子邮箱 {email} 重复（首次出现在 {first}）', en: 'e-mail {email} is used twice (first at {first})' },
  'import.emailTaken': { zh: '电子邮箱 {email} 已属于另一个账户', en: 'e-mail {email} belongs to another account' },
  'import.duplicateCourseCode': {
    zh: '课程代码 {code} 在该大学已被课程 "{other}" 使用',
    en: 'course code {code} is already used at this university by course "{other}"',
  },
  'import.unknownSkill': { zh: '文件和数据库中都没有技能 "{key}"', en: 'no skill "{key}" in the file or the database' },
  'import.unknownUniversity': { zh: '文件和数据库中都没有大学 "{key}"', en: 'no university "{key}" in the file or the database' },
  'import.unknownCourse': { zh: '文件和数据库中都没有课程 "{key}"', en: 'no course "{key}" in the file or the database' },
  'import.unknownCompany': { zh: '文件和数据库中都没有企业 "{key}"', en: 'no company "{key}" in the file or the database' },
  'import.skillCycle': { zh: '上级技能形成循环：{chain}', en: 'parent chain forms a cycle: {chain}' },
  'import.requiredSkill': { zh: '至少需要一项必需技能', en: 'needs at least one required skill' },
  'import.notBelowMin': { zh: '不能小于 min（{min}）', en: 'must not be less than min ({min})' },
  'import.endsAfterStarts': { zh: '必须晚于 startsAt', en: 'must be after startsAt' },
  'import.closesAfterOpens': { zh: '必须晚于 registrationOpensAt', en: 'must be after registrationOpensAt' },
  'import.contestOnly': { zh: '仅适用于竞赛（kind 为 contest）', en: 'only for contests (kind "contest")' },
  'import.invalidJson': { zh: '文件不是有效的 JSON：{detail}', en: 'the file is not valid JSON: {detail}' },
  'cli.noUniversity': { zh: '没有键为 "{key}" 的大学', en: 'No university with key "{key}"' },
  'cli.noCompany': { zh: '没有键为 "{key}" 的企业', en: 'No company with key "{key}"' },
} satisfies Messages
