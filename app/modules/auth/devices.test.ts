import { describe, expect, test } from 'vitest'
import { describePlace, describeUserAgent } from './devices.ts'

describe('describing a device', () => {
  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome 126', 'Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.68',
      'Edge 126',
      'Windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari 17', 'macOS'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari 17',
      'iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.49',
      'WeChat 8',
      'Android',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0', 'Firefox 127', 'Linux'],
  ])('%s', (userAgent, browser, os) => {
    expect(describeUserAgent(userAgent)).toEqual({ browser, os })
  })

  test('an unknown or missing User-Agent is said to be unknown', () => {
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null })
    expect(describeUserAgent('something odd')).toEqual({ browser: null, os: null })
  })

  test('a place is the server, a local network, or a public network prefix', () => {
    expect(describePlace('127.0.0.1')).toEqual({ kind: 'server', network: null })
    expect(describePlace('::1')).toEqual({ kind: 'server', network: null })
    expect(describePlace('::ffff:192.168.1.20')).toEqual({ kind: 'local', network: null })
    expect(describePlace('10.3.4.5')).toEqual({ kind: 'local', network: null })
    expect(describePlace('172.20.0.1')).toEqual({ kind: 'local', network: null })
    expect(describePlace('fd12:3456::1')).toEqual({ kind: 'local', network: null })
    expect(describePlace('203.0.113.77')).toEqual({ kind: 'public', network: '203.0.113.0/24' })
    expect(describePlace('2408:8207:1851:a0b0::1')).toEqual({ kind: 'public', network: '2408:8207:1851::/48' })
    expect(describePlace('2001:db8::1')).toEqual({ kind: 'public', network: '2001:db8:0::/48' })
    expect(describePlace(null)).toEqual({ kind: 'unknown', network: null })
    expect(describePlace('unknown')).toEqual({ kind: 'unknown', network: null })
  })
})
