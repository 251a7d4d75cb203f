// What the sessions page says about a signed-in device: browser and system from the
// User-Agent, and a place from the IP. No GeoIP database is bundled (docs/decisions/014),
// so the place is honest about what an address alone tells: the server itself, a local
// network, or the public address's network prefix.

export type DeviceName = { browser: string | null; os: string | null }

// Order matters: Edge, Opera and WeChat also say "Chrome"; Chrome also says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/MicroMessenger\/([\d]+)/, 'WeChat'],
  [/Edg(?:e|A|iOS)?\/([\d]+)/, 'Edge'],
  [/(?:OPR|Opera)\/([\d]+)/, 'Opera'],
  [/SamsungBrowser\/([\d]+)/, 'Samsung Internet'],
  [/UCBrowser\/([\d]+)/, 'UC Browser'],
  [/(?:Firefox|FxiOS)\/([\d]+)/, 'Firefox'],
  [/(?:Chrome|CriOS|HeadlessChrome)\/([\d]+)/, 'Chrome'],
  [/Version\/([\d]+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  [/curl\/([\d]+)/, 'curl'],
]

const SYSTEMS: Array<[RegExp, string]> = [
  [/HarmonyOS/, 'HarmonyOS'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

export function describeUserAgent(userAgent: string | null): DeviceName {
  if (!userAgent) return { browser: null, os: null }
  let browser: string | null = null
  for (const [pattern, name] of BROWSERS) {
    const match = pattern.exec(userAgent)
    if (match) {
      browser = `${name} ${match[1]}`
      break
    }
  }
  const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null
  return { browser, os }
}

export type Place = { kind: 'server' | 'local' | 'public' | 'unknown'; network: string | null }

function ipv4Parts(ip: string) {
  const parts = ip.split('.').map(Number)
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null
}

/** Where an address is, as far as the address alone says; `network` is its /24 or /48 prefix. */
export function describePlace(ip: string | null): Place {
  if (!ip) return { kind: 'unknown', network: null }
  const address = ip.replace(/^::ffff:/i, '')
  const v4 = ipv4Parts(address)
  if (v4) {
    const [a, b] = v4 as [number, number, number, number]
    if (a === 127) return { kind: 'server', network: null }
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) {
      return { kind: 'local', network: null }
    }
    return { kind: 'public', network: `${v4.slice(0, 3).join('.')}.0/24` }
  }
  if (address.includes(':')) {
    const lower = address.toLowerCase()
    if (lower === '::1') return { kind: 'server', network: null }
    if (/^f[cd]/.test(lower) || /^fe[89ab]/.test(lower)) return { kind: 'local', network: null }
    const [head = '', tail = ''] = lower.split('::')
    const groups = head.split(':').filter(Boolean)
    const zeros = tail ? Array(Math.max(0, 8 - groups.length - tail.split(':').length)).fill('0') : Array(8 - groups.length).fill('0')
    const full = [...groups, ...zeros].slice(0, 3)
    return { kind: 'public', network: `${full.join(':')}::/48` }
  }
  return { kind: 'unknown', network: null }
}
