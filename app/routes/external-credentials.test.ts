// The pages of external credentials, called with real requests: the admin's trusted issuer
// list (admins only; others get 404) and the student's import on "My credentials" (a file
// or pasted JSON, refused with the failing checks named in the reader's language).
import { beforeAll, describe, expect, test } from 'vitest'
import { cookieName } from '#app/lib/cookies.server.ts'
import { createSession, SESSION_COOKIE, type SessionUser } from '#app/modules/auth/session.server.ts'
import { action as credentialsAction, loader as credentialsLoader } from '#app/routes/credentials._index.tsx'
import { action as trustAction, loader as trustLoader } from '#app/routes/admin.trusted-issuers.tsx'
import { routeArgs } from '#tests/api-request.ts'
import { makeExternalIssuer } from '#tests/external-issuer.ts'
import { makeUser, seedSkills } from '#tests/fixtures.server.ts'

type Reply = { data: Record<string, unknown> & { result?: { error: Record<string, string[] | null> } }; init: { status: number } | null }

let admin: SessionUser
let adminCookie: string
let studentCookie: string
let issuer: Awaited<ReturnType<typeof makeExternalIssuer>>

async function cookieFor(user: SessionUser, lang: 'en' | 'zh-CN' = 'en') {
  return `${cookieName(SESSION_COOKIE)}=${(await createSession(user.id)).token}; lq_lang=${lang}`
}

function post(path: string, cookie: string, fields: Record<string, string>, file?: { name: string; text: string }) {
  if (!file) {
    return new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    })
  }
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.set(name, value)
  body.set('file', new Blob([file.text], { type: 'application/json' }), file.name)
  return new Request(`http://localhost${path}`, { method: 'POST', headers: { Cookie: cookie }, body })
}

async function status(run: () => Promise<unknown>) {
  try {
    const result = await run()
    return result instanceof Response ? result.status : ((result as Reply).init?.status ?? 200)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

const importPasted = (cookie: string, json: string) => credentialsAction(routeArgs(post('/credentials', cookie, { intent: 'import', json })))

beforeAll(async () => {
  await seedSkills()
  admin = await makeUser(['admin'])
  adminCookie = await cookieFor(admin)
  studentCookie = await cookieFor(await makeUser(['student']))
  issuer = await makeExternalIssuer()
})

describe('the trusted issuer list', () => {
  const fields = (did: string) => ({ intent: 'trust', did, nameZh: '广西电子证照', nameEn: 'Guangxi e-certificates', kind: 'government', note: '' })

  test('is for admins only: anyone else gets 404, reading or writing', async () => {
    const member = await cookieFor(await makeUser(['company_member']))
    for (const cookie of [studentCookie, member]) {
      expect(await status(() => trustLoader(routeArgs(new Request('http://localhost/admin/trusted-issuers', { headers: { Cookie: cookie } }))))).toBe(404)
      expect(await status(() => trustAction(routeArgs(post('/admin/trusted-issuers', cookie, fields(issuer.did)))))).toBe(404)
    }
    const page = await trustLoader(routeArgs(new Request('http://localhost/admin/trusted-issuers', { headers: { Cookie: adminCookie } })))
    expect(page.issuers).toEqual([])
  })

  test('a DID that is not an Ed25519 did:key is a 400 on the field, in the reader’s language', async () => {
    for (const [lang, pattern] of [
      ['en', /Ed25519 did:key/],
      ['zh-CN', /须为 Ed25519 的 did:key/],
    ] as const) {
      const reply = (await trustAction(
        routeArgs(post('/admin/trusted-issuers', await cookieFor(admin, lang), fields('did:web:certs.example.org'))),
      )) as unknown as Reply
      expect(reply.init?.status).toBe(400)
      expect(reply.data.result?.error.did?.[0]).toMatch(pattern)
    }
  })

  test('an admin adds and removes an issuer', async () => {
    const own = await makeExternalIssuer()
    expect(((await trustAction(routeArgs(post('/admin/trusted-issuers', adminCookie, fields(own.did))))) as Response).status).toBe(302)
    const duplicate = (await trustAction(routeArgs(post('/admin/trusted-issuers', adminCookie, fields(own.did))))) as unknown as Reply
    expect(duplicate.init?.status).toBe(422)
    expect(duplicate.data.result?.error.did?.[0]).toMatch(/already on the list/)
    const page = await trustLoader(routeArgs(new Request('http://localhost/admin/trusted-issuers', { headers: { Cookie: adminCookie } })))
    const added = page.issuers.find((i) => i.did === own.did)
    expect(added).toMatchObject({ nameEn: 'Guangxi e-certificates', kind: 'government', note: null })
    const removed = await trustAction(routeArgs(post('/admin/trusted-issuers', adminCookie, { intent: 'distrust', issuerId: added!.id })))
    expect((removed as Response).status).toBe(302)
    expect(await status(() => trustAction(routeArgs(post('/admin/trusted-issuers', adminCookie, { intent: 'distrust', issuerId: added!.id }))))).toBe(404)
  })
})

describe('importing on My credentials', () => {
  test('a file or pasted JSON imports (the second time it is the same record); the page shows it unrecognised until trusted', async () => {
    const cookie = await cookieFor(await makeUser(['student']))
    const credential = JSON.stringify(await issuer.issue({ name: { zh: '区块链应用开发', en: 'Blockchain application development' }, skills: ['fisco-bcos'] }))
    const sent = await credentialsAction(routeArgs(post('/credentials', cookie, { intent: 'import', json: '' }, { name: 'cert.json', text: credential })))
    expect((sent as Response).status).toBe(302)
    expect(((await importPasted(cookie, credential)) as Response).status).toBe(302)
    const load = () => credentialsLoader(routeArgs(new Request('http://localhost/credentials', { headers: { Cookie: cookie } })))
    const page = await load()
    expect(page.imported).toHaveLength(1)
    expect(page.imported[0]).toMatchObject({ title: 'Blockchain application development', trusted: false, skills: ['FISCO BCOS'] })

    const trusted = (await trustAction(
      routeArgs(post('/admin/trusted-issuers', adminCookie, { intent: 'trust', did: issuer.did, nameZh: '测试', nameEn: 'Test issuer', kind: 'other' })),
    )) as Response
    expect(trusted.status).toBe(302)
    expect((await load()).imported[0]).toMatchObject({ trusted: true, trustedName: 'Test issuer' })

    const removed = await credentialsAction(routeArgs(post('/credentials', cookie, { intent: 'removeImported', externalCredentialId: page.imported[0]!.id })))
    expect((removed as Response).status).toBe(302)
    expect((await load()).imported).toEqual([])
    expect(
      await status(() =>
        credentialsAction(routeArgs(post('/credentials', studentCookie, { intent: 'removeImported', externalCredentialId: page.imported[0]!.id }))),
      ),
    ).toBe(404)
  })

  test('a tampered credential is refused naming the failing check, in the reader’s language; not JSON and too large are field errors', async () => {
    const credential = JSON.stringify(await issuer.issue({ name: { zh: '原始', en: 'Original' } }))
    const tampered = credential.replace('"Original"', '"Altered"')
    const english = (await importPasted(studentCookie, tampered)) as unknown as Reply
    expect(english.init?.status).toBe(422)
    expect(english.data.refused).toEqual([{ label: 'Signature', reasons: [expect.stringMatching(/^proof: the proof does not verify/)] }])
    const chinese = (await importPasted(await cookieFor(await makeUser(['student']), 'zh-CN'), tampered)) as unknown as Reply
    expect(chinese.data.refused).toEqual([{ label: '签名', reasons: [expect.stringMatching(/^proof: 签名无效/)] }])

    const notJson = (await importPasted(studentCookie, '{"not json')) as unknown as Reply
    expect(notJson.init?.status).toBe(422)
    expect(notJson.data.result?.error.json?.[0]).toBe('This is not valid JSON.')
    const big = (await credentialsAction(
      routeArgs(post('/credentials', studentCookie, { intent: 'import' }, { name: 'big.json', text: ' '.repeat(61 * 1024) })),
    )) as unknown as Reply
    expect(big.init?.status).toBe(413)
    const page = await credentialsLoader(routeArgs(new Request('http://localhost/credentials', { headers: { Cookie: studentCookie } })))
    expect(page.imported).toEqual([])
  })

  test('only students import', async () => {
    const credential = JSON.stringify(await issuer.issue({ name: { zh: '原始', en: 'Original' } }))
    expect(await status(() => importPasted(adminCookie, credential))).toBe(404)
  })
})
