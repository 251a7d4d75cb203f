import type { Messages } from './types.ts'

// Page titles (the <title> of each page, in the reader's language; see page-title.ts).
export const pageTitles = {
  'title.profileViews': { zh: '谁看过我的资料', en: 'Who viewed my profile' },
  'title.apply': { zh: '申请岗位', en: 'Apply' },
  'title.roles': { zh: '实习岗位', en: 'Internships' },
  'title.savedSearches': { zh: '保存的搜索', en: 'Saved searches' },
  'title.signUp': { zh: '注册', en: 'Sign up' },
  'title.companyApplications': { zh: '收到的申请', en: 'Applications' },
  'title.notificationPreferences': { zh: '通知设置', en: 'Notification settings' },
  'title.editEvent': { zh: '编辑活动', en: 'Edit event' },
  'title.events': { zh: '活动', en: 'Events' },
  'title.applicants': { zh: '申请人', en: 'Applicants' },
  'title.checkIn': { zh: '签到', en: 'Check-in' },
  'title.ticket': { zh: '入场凭证', en: 'Ticket' },
  'title.teams': { zh: '队伍', en: 'Teams' },
  'title.organize': { zh: '组织活动', en: 'Organize' },
  'title.myApplications': { zh: '我的申请', en: 'My applications' },
  'title.newEvent': { zh: '创建活动', en: 'New event' },
  'title.judging': { zh: '评审', en: 'Judging' },
  'title.signIn': { zh: '登录', en: 'Sign in' },
  'title.myEvents': { zh: '我的活动', en: 'My events' },
  'title.eventDashboard': { zh: '活动看板', en: 'Dashboard' },
  'title.unsubscribe': { zh: '退订', en: 'Unsubscribe' },
  'title.notifications': { zh: '通知', en: 'Notifications' },
  'title.application': { zh: '申请详情', en: 'Application' },
} satisfies Messages
