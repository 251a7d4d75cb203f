// Evidence a student adds themselves, and where evidence comes from wherever it is shown.
import type { Messages } from './types.ts'

export const evidence = {
  'evidence.title': { zh: '课程、项目、实习与比赛', en: 'Courses, projects, work and contests' },
  'evidence.intro': {
    zh: '在这里补充目录以外的课程、做过的项目、实习或工作经历和其他比赛的成绩，并注明用到的技能。这些内容标注为“本人填写”，在匹配中的权重低于学校核实的记录。',
    en: 'Add courses outside the catalogue, projects, internships or jobs and results from other contests, with the skills each shows. They are marked self-reported and count for less in matching than records your university verified.',
  },
  'evidence.none': { zh: '还没有添加内容。', en: 'Nothing added yet.' },
  'evidence.add': { zh: '添加', en: 'Add' },
  'evidence.addHeading': { zh: '添加一项', en: 'Add one' },
  'evidence.kind': { zh: '类型', en: 'Kind' },
  'evidence.kind.course': { zh: '课程（目录以外）', en: 'Course (not in the catalogue)' },
  'evidence.kind.project': { zh: '项目', en: 'Project' },
  'evidence.kind.work': { zh: '实习或工作', en: 'Internship or job' },
  'evidence.kind.contest': { zh: '比赛成绩', en: 'Contest result' },
  'evidence.titleField': { zh: '名称（课程名、项目名、单位或比赛）', en: 'Name (course, project, employer or contest)' },
  'evidence.url': { zh: '链接（GitHub、Gitee 或网站，http(s)）', en: 'Link (GitHub, Gitee or a site; http(s))' },
  'evidence.description': { zh: '简介', en: 'Description' },
  'evidence.result': { zh: '比赛成绩（如 二等奖）', en: 'Contest result (e.g. second prize)' },
  'evidence.startsOn': { zh: '开始日期', en: 'Start date' },
  'evidence.endsOn': { zh: '结束日期', en: 'End date' },
  'evidence.skills': { zh: '用到或学到的技能', en: 'Skills it used or taught' },
  'evidence.remove': { zh: '删除', en: 'Remove' },
  'evidence.added': { zh: '已添加', en: 'Added' },
  'evidence.removed': { zh: '已删除', en: 'Removed' },
  'evidence.endsBeforeStart': { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'evidence.source.verified': { zh: '学校核实', en: 'Verified' },
  'evidence.source.selfReported': { zh: '本人填写', en: 'Self-reported' },
  'evidence.source.event': { zh: '链桥活动', en: 'From a Lianqiao event' },
} satisfies Messages
