// Résumé → skills: reading an uploaded résumé and the skills it suggests.
import type { Messages } from './types.ts'

export const resumeMessages = {
  'title.resumeSkills': { zh: '简历中的技能', en: 'Skills from your résumé' },
  'resume.title': { zh: '简历中的技能', en: 'Skills from your résumé' },
  'resume.intro': {
    zh: '我们读取你上传的 PDF 简历，找出其中提到的技能。每一项都附有出处的句子；只有你确认的技能才会加入资料，并作为“本人填写”的证据参与匹配。',
    en: 'We read the PDF résumés you upload and look for the skills they mention. Each one comes with the sentence it was found in; only the skills you accept are added to your profile, as self-reported evidence for matching.',
  },
  'resume.uploadedReading': { zh: '简历已上传，正在排队读取', en: 'Résumé uploaded; it is waiting to be read' },
  'resume.files': { zh: '你的简历', en: 'Your résumés' },
  'resume.noFiles': { zh: '还没有上传简历。', en: 'No résumé uploaded yet.' },
  'resume.uploadOnProfile': { zh: '在个人资料页上传简历', en: 'Upload a résumé on your profile' },
  'resume.status.queued': { zh: '排队等待读取', en: 'Waiting to be read' },
  'resume.status.reading': { zh: '正在读取…', en: 'Reading…' },
  'resume.status.done': { zh: '已读完：找到 {count} 项技能建议', en: 'Read: {count} skills suggested' },
  'resume.status.noText': {
    zh: '没有找到文字，可能是扫描件。请上传由文字处理软件导出的 PDF，或在个人资料中直接添加技能。',
    en: 'No text found: this may be a scanned document. Upload a PDF exported from a word processor, or add your skills on your profile.',
  },
  'resume.status.unreadable': {
    zh: '无法读取这个文件：它可能已损坏或设有密码。请重新导出 PDF 后再上传。',
    en: 'This file could not be read as a PDF: it may be damaged or password-protected. Export it again and upload it.',
  },
  'resume.status.failed': { zh: '读取失败，请重试。', en: 'Reading failed. Please try again.' },
  'resume.status.notRead': { zh: '上传于技能读取功能之前，尚未读取。', en: 'Uploaded before résumés were read for skills; not read yet.' },
  'resume.read': { zh: '读取技能', en: 'Read for skills' },
  'resume.readQueued': { zh: '已加入读取队列', en: 'Queued for reading' },
  'resume.alreadyRead': { zh: '这份简历已经读取过', en: 'This résumé has been read already' },
  'resume.refresh': { zh: '刷新进度', en: 'Refresh progress' },
  'resume.refreshHint': { zh: '读取通常只需几秒钟。', en: 'Reading usually takes a few seconds.' },
  'resume.suggestions': { zh: '待确认的技能', en: 'Skills to confirm' },
  'resume.noSuggestions': { zh: '没有待确认的技能。', en: 'No skills waiting for you.' },
  'resume.foundIn': { zh: '出自 {file}：', en: 'From {file}:' },
  'resume.level': { zh: '{skill} 的水平', en: 'Level of {skill}' },
  'resume.chooseLevel': { zh: '选择水平', en: 'Choose a level' },
  'resume.accept': { zh: '添加 {skill}', en: 'Add {skill}' },
  'resume.dismiss': { zh: '忽略 {skill}', en: 'Dismiss {skill}' },
  'resume.accepted': { zh: '技能已添加到你的资料', en: 'Skill added to your profile' },
  'resume.dismissed': { zh: '已忽略这项技能', en: 'Skill dismissed' },
  'resume.review': { zh: '查看简历中的技能', en: 'Review skills from your résumés' },
  'resume.pendingCount': { zh: '{count} 项技能待确认', en: '{count} skills to confirm' },
} satisfies Messages
