import { describe, expect, test } from 'vitest'
import { errorMapFor } from '#app/i18n/validation.ts'
import { companyProfileSchema } from '#app/modules/companies/schemas.ts'
import { eventFormSchema, submissionSchema } from '#app/modules/events/schemas.ts'
import { httpUrlSchema, optionalHttpUrlSchema } from './http-url.ts'
import { safeRedirectTarget } from './redirect-target.server.ts'

const origin = 'https://lianqiao.example'

describe('safeRedirectTarget', () => {
  test('keeps paths on this site', () => {
    expect(safeRedirectTarget('/roles?q=solidity#top', origin)).toBe('/roles?q=solidity#top')
    expect(safeRedirectTarget('https://lianqiao.example/events/1', origin)).toBe('/events/1')
  })
  test.each([
    '/\\evil.example',
    '\\\\evil.example',
    '//evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\tevil',
    '/ok\r\nSet-Cookie: x=1',
    '/\u0000',
    'http://lianqiao.example/',
    '',
  ])('refuses %j', (value) => {
    expect(safeRedirectTarget(value, origin)).toBe('/')
    expect(safeRedirectTarget(value, origin, '/notifications')).toBe('/notifications')
  })
  test('missing values fall back', () => {
    expect(safeRedirectTarget(null, origin)).toBe('/')
    expect(safeRedirectTarget(undefined, origin, '/x')).toBe('/x')
  })
})

describe('httpUrlSchema', () => {
  test('accepts http and https, trimmed', () => {
    expect(httpUrlSchema.parse('  https://meeting.example/room ')).toBe('https://meeting.example/room')
    expect(httpUrlSchema.parse('http://example.com')).toBe('http://example.com')
    expect(optionalHttpUrlSchema.parse('')).toBeUndefined()
  })
  test.each(['javascript:alert(1)', 'data:text/html,x', 'ftp://example.com', 'example.com', 'file:///etc/passwd', 'JAVASCRIPT://%0aalert(1)'])(
    'refuses %j with a translated message',
    (value) => {
      const zh = httpUrlSchema.safeParse(value, { errorMap: errorMapFor('zh-CN') })
      const en = optionalHttpUrlSchema.safeParse(value, { errorMap: errorMapFor('en') })
      expect(zh.success).toBe(false)
      expect(en.success).toBe(false)
      expect(zh.error?.issues[0]?.message).toContain('http://')
      expect(en.error?.issues[0]?.message).toBe('Enter a URL starting with http:// or https://')
    },
  )
})

describe('every link field a user fills is http(s) only', () => {
  const linkFields = [
    ['event online link', eventFormSchema.innerType().shape.onlineUrl],
    ['submission repository', submissionSchema.shape.repoUrl],
    ['submission video', submissionSchema.shape.videoUrl],
    ['company website', companyProfileSchema.shape.website],
  ] as const
  test.each(linkFields)('%s refuses javascript: and accepts https:', (_name, field) => {
    expect(field.safeParse('javascript:alert(document.cookie)').success).toBe(false)
    expect(field.safeParse(' javascript:alert(1)').success).toBe(false)
    expect(field.safeParse('https://example.com/x').success).toBe(true)
  })
})
