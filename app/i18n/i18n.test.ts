import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { localeFromAcceptLanguage } from './locale.ts'
import { messages } from './messages/index.ts'
import { textFor } from './api-text.ts'
import { pickText, translate } from './translate.ts'
import { errorMapFor, i18n } from './validation.ts'

describe('locale', () => {
  test('Accept-Language picks the best supported language, Chinese by default', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en')
    expect(localeFromAcceptLanguage('vi-VN,vi;q=0.9,en;q=0.8,zh;q=0.7')).toBe('en')
    expect(localeFromAcceptLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN')
    expect(localeFromAcceptLanguage('th')).toBe('zh-CN')
    expect(localeFromAcceptLanguage(null)).toBe('zh-CN')
  })
})

describe('catalogue', () => {
  test('every message has both languages', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.zh.trim(), key).not.toBe('')
      expect(entry.en.trim(), key).not.toBe('')
    }
  })
  test('placeholders are filled in', () => {
    expect(translate('en', 'error.rateLimited', { minutes: 15 })).toBe('Too many attempts. Please try again in 15 minutes.')
    expect(translate('zh-CN', 'error.rateLimited', { minutes: 15 })).toContain('15 分钟')
  })
  test('bilingual data falls back to the other language', () => {
    expect(pickText('en', '广西大学', null)).toBe('广西大学')
    expect(pickText('zh-CN', null, 'Guangxi University')).toBe('Guangxi University')
    expect(pickText('en', '广西大学', 'Guangxi University')).toBe('Guangxi University')
  })
  test('a text trimmed for a reader keeps exactly the language pickText shows', () => {
    const both = { zh: '广西大学', en: 'Guangxi University' }
    expect(textFor('en', both)).toEqual({ en: 'Guangxi University' })
    expect(textFor('zh-CN', both)).toEqual({ zh: '广西大学' })
    expect(textFor('en', { zh: '广西大学' })).toEqual({ zh: '广西大学' })
    expect(textFor('zh-CN', { en: 'Guangxi University' })).toEqual({ en: 'Guangxi University' })
    expect(textFor('en', {})).toEqual({})
    for (const locale of ['en', 'zh-CN'] as const) {
      const trimmed = textFor(locale, both)
      expect(pickText(locale, trimmed.zh, trimmed.en)).toBe(pickText(locale, both.zh, both.en))
    }
  })
})

describe('validation messages', () => {
  const schema = z
    .object({ email: z.string().email(), password: z.string().min(8), age: z.number().int() })
    .refine((v) => v.password !== 'password', { path: ['password'], ...i18n('auth.passwordsDiffer') })

  test('built-in checks and custom rules speak the reader’s language', () => {
    const zh = schema.safeParse({ email: 'x', password: 'short', age: 1.5 }, { errorMap: errorMapFor('zh-CN') })
    const en = schema.safeParse({ email: 'x', password: 'short', age: 1.5 }, { errorMap: errorMapFor('en') })
    expect(zh.success).toBe(false)
    expect(en.success).toBe(false)
    const byPath = (r: typeof zh) => Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
    expect(byPath(zh)).toEqual({ email: '请输入有效的电子邮箱地址', password: '至少 8 个字符', age: '必须是整数' })
    expect(byPath(en)).toEqual({ email: 'Enter a valid e-mail address', password: 'At least 8 characters', age: 'Must be a whole number' })
    const custom = schema.safeParse({ email: 'a@b.cn', password: 'password', age: 3 }, { errorMap: errorMapFor('en') })
    expect(custom.error?.issues[0]?.message).toBe('The passwords do not match')
  })
})
