// The signed-in homes: a student's deadlines, coming events and skill-gap suggestion, a
// company's new applicants, closing roles and suggested candidates; saving a role.
import type { Messages } from './types.ts'

export const home = {
  'home.deadlines': { zh: '截止日期', en: 'Deadlines' },
  'home.deadlineOn': { zh: '{date} 截止', en: 'Closes {date}' },
  'home.deadlineSaved': { zh: '已收藏', en: 'Saved' },
  'home.deadlinesEmpty': {
    zh: '还没有收藏或投递中的岗位，截止日期会列在这里。',
    en: 'No saved roles or open applications yet; their deadlines will be listed here.',
  },
  'home.deadlinesNext': { zh: '浏览岗位并收藏感兴趣的', en: 'Browse roles and save the ones you like' },
  'home.myEvents': { zh: '已报名的活动', en: 'Your coming events' },
  'home.myEventsEmpty': { zh: '你还没有报名即将举行的活动。', en: 'You have not registered for any coming event.' },
  'home.myEventsNext': { zh: '看看近期的讲座、路演和比赛', en: 'See the coming lectures, roadshows and contests' },
  'home.gapTitle': { zh: '补上最大的技能缺口', en: 'Close your biggest skill gap' },
  'home.gap.course.open': { zh: '《{course}》教 {skill}，{count} 个开放岗位需要它。', en: '“{course}” teaches {skill}, which {count} open roles ask for.' },
  'home.gap.course.preferences': {
    zh: '《{course}》教 {skill}，{count} 个符合你意向的开放岗位需要它。',
    en: '“{course}” teaches {skill}, which {count} open roles matching your preferences ask for.',
  },
  'home.gap.event.open': {
    zh: '“{event}”（{date}）讲 {skill}，{count} 个开放岗位需要它。',
    en: '“{event}” ({date}) covers {skill}, which {count} open roles ask for.',
  },
  'home.gap.event.preferences': {
    zh: '“{event}”（{date}）讲 {skill}，{count} 个符合你意向的开放岗位需要它。',
    en: '“{event}” ({date}) covers {skill}, which {count} open roles matching your preferences ask for.',
  },
  'home.gap.courseAction': { zh: '已经修过？把它加到档案', en: 'Took it already? Add it to your profile' },
  'home.gap.eventAction': { zh: '查看活动并报名', en: 'See the event and register' },
  'home.gap.noRemedy.open': {
    zh: '{count} 个开放岗位需要 {skill}，目前还没有课程或活动教它。',
    en: '{count} open roles ask for {skill}; no course or event teaches it yet.',
  },
  'home.gap.noRemedy.preferences': {
    zh: '{count} 个符合你意向的开放岗位需要 {skill}，目前还没有课程或活动教它。',
    en: '{count} open roles matching your preferences ask for {skill}; no course or event teaches it yet.',
  },
  'home.gap.noRemedyAction': { zh: '会这项技能？把它加到档案', en: 'Have this skill? Add it to your profile' },
  'home.gap.none': { zh: '开放岗位要求的技能，你都已有证据。', en: 'You show evidence of every skill open roles ask for.' },
  'home.gap.noneAction': { zh: '去看看岗位', en: 'Browse roles' },
  'home.company.title': { zh: '{company} · 概览', en: '{company} at a glance' },
  'home.company.newApplicants': { zh: '新投递（近 {days} 天）', en: 'New applicants (last {days} days)' },
  'home.company.newApplicantsCount': { zh: '共 {count} 份', en: '{count} in all' },
  'home.company.newApplicantsEmpty': { zh: '近 {days} 天没有新的投递。', en: 'No new applications in the last {days} days.' },
  'home.company.allApplications': { zh: '查看全部投递', en: 'See all applications' },
  'home.company.appliedTo': { zh: '投递 {role}，{date}', en: 'applied to {role} on {date}' },
  'home.company.closing': { zh: '即将截止的岗位（{days} 天内）', en: 'Roles closing soon (within {days} days)' },
  'home.company.closingEmpty': { zh: '没有岗位会在 {days} 天内截止。', en: 'No role closes within {days} days.' },
  'home.company.manageRoles': { zh: '管理岗位', en: 'Manage roles' },
  'home.company.applicantCount': { zh: '{count} 份投递', en: '{count} applications' },
  'home.company.candidates': { zh: '推荐候选人', en: 'Suggested candidates' },
  'home.company.candidatesFor': { zh: '适合 {role} 的学生', en: 'Students for {role}' },
  'home.company.candidatesEmpty': {
    zh: '暂时没有推荐：公开档案且技能匹配你的在招岗位的学生会出现在这里。',
    en: 'No suggestions yet: students with public profiles whose skills match your open roles appear here.',
  },
  'home.company.postRole': { zh: '发布一个写明技能要求的岗位', en: 'Post a role with the skills it needs' },
  'home.company.verify': { zh: '申请企业认证', en: 'Apply for verification' },
  'home.company.allCandidates': { zh: '{role} 的全部候选人', en: 'All candidates for {role}' },
  'home.company.noCompany': { zh: '你还没有加入企业。', en: 'You are not a member of any company yet.' },
  'roles.save': { zh: '收藏岗位', en: 'Save role' },
  'roles.unsave': { zh: '取消收藏', en: 'Remove from saved' },
  'roles.savedToast': { zh: '已收藏，截止日期会显示在首页', en: 'Saved: its deadline is on your home page' },
  'roles.unsavedToast': { zh: '已取消收藏', en: 'Removed from saved roles' },
} satisfies Messages
