// Generated secrets and the command lines they go on can't be misread as options.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { generateSecret } from './secrets.ts'
import { meilisearchArgs, startMeilisearch } from './services.ts'

/** How a getopt/clap-style parser reads the arguments: option name → value. */
function readAsOptions(args: string[]) {
  const options = new Map<string, string | true>()
  for (const arg of args) {
    const match = /^--([a-z][a-z-]*)(?:=([\s\S]*))?$/.exec(arg)
    if (!match) throw new Error(`argument ${JSON.stringify(arg)} is not one self-contained option`)
    options.set(match[1]!, match[2] ?? true)
  }
  return options
}

describe('generated secrets', () => {
  test('10,000 draws: every secret is hex, and every start argument is one --flag=value', () => {
    for (let i = 0; i < 10_000; i++) {
      const key = generateSecret(24)
      const sessionSecret = generateSecret(32)
      expect(key).toMatch(/^[0-9a-f]{48}$/)
      expect(sessionSecret).toMatch(/^[0-9a-f]{64}$/)
      const options = readAsOptions(meilisearchArgs({ dataDir: '/data', port: 7700 + (i % 100), masterKey: key }))
      expect(options.get('master-key')).toBe(key)
      expect(options.get('http-addr')).toBe(`127.0.0.1:${7700 + (i % 100)}`)
    }
  })

  test('a stored key that begins with "-" is still read as the key', () => {
    const options = readAsOptions(meilisearchArgs({ dataDir: '/data', port: 7700, masterKey: '-Nx_9-old-base64url-key' }))
    expect(options.get('master-key')).toBe('-Nx_9-old-base64url-key')
  })

  test('Meilisearch starts from a data folder whose key begins with "-" and accepts that key', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lq-meili-dash-'))
    const key = `-N${generateSecret(16)}`
    const meili = await startMeilisearch(folder, key, () => {})
    try {
      const withKey = await fetch(`http://127.0.0.1:${meili.port}/keys`, { headers: { Authorization: `Bearer ${key}` } })
      expect(withKey.status).toBe(200)
      const without = await fetch(`http://127.0.0.1:${meili.port}/keys`)
      expect(without.status).toBe(401)
    } finally {
      await meili.stop()
      fs.rmSync(folder, { recursive: true, force: true })
    }
  })
})
