import fs from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { requestContextStorage } from '#app/lib/request-context.server.ts'
import { checkReadiness } from '#app/modules/health/health.server.ts'
import { getBoss, jobLogger, withRequestId } from '#app/lib/boss.server.ts'
import { enqueueMail, MAIL_QUEUE } from '#app/modules/mail/queue.server.ts'
import { closeMatchIndex, matchIndex } from '#app/modules/matching/match-index.server.ts'
import { recordOutbox } from '#app/modules/search/outbox.server.ts'
import { legacyUploadsFolder, storage } from '#app/modules/storage/storage.server.ts'
import { loader as readyz } from '#app/routes/readyz.ts'
import type { Io } from './args.ts'
import { runCli } from './cli-commands.ts'

async function cli(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) }
  const code = await runCli(argv, io)
  return { code, out, err }
}

describe('cli status', () => {
  test('prints services, queues, outbox lag, index age and document counts', async () => {
    const user = await prisma.user.create({ data: { email: 'status@example.cn', name: 'status' }, select: { id: true } })
    await getBoss()
    await enqueueMail(prisma, { userId: user.id, type: 'test', data: {}, link: null })
    await recordOutbox(prisma, 'role', 'no-such-role')
    const text = await cli('status')
    expect(text.code).toBe(0)
    expect(text.out.join('\n')).toMatch(/postgres\s+up \(\d+/)
    expect(text.out.join('\n')).toMatch(/meilisearch\s+up/)
    expect(text.out.join('\n')).toMatch(new RegExp(`${MAIL_QUEUE.replace('.', '\\.')}\\s+1 / 0 / 0`))
    expect(text.out.join('\n')).toMatch(/outbox\s+1 pending/)

    const json = await cli('status', '--json')
    const status = JSON.parse(json.out.join('\n')) as {
      services: { postgres: { up: boolean }; meilisearch: { up: boolean }; fileStorage: string }
      queues: Array<{ queue: string; queued: number }>
      outbox: { pending: number }
      documents: { students: number; storedFiles: number | null }
    }
    expect(status.services).toMatchObject({ postgres: { up: true }, meilisearch: { up: true }, fileStorage: 'postgres' })
    expect(status.queues).toContainEqual(expect.objectContaining({ queue: MAIL_QUEUE, queued: 1 }))
    expect(status.outbox.pending).toBe(1)
    expect(status.documents).toMatchObject({ students: 0, storedFiles: 0 })
  })

  test('a stray argument is a usage error', async () => {
    const result = await cli('status', 'now')
    expect(result.code).toBe(2)
    expect(result.err.join('\n')).toContain('storage migrate')
  })
})

test('cli storage migrate moves old uploads from DATA_DIR/uploads into Postgres', async () => {
  const file = path.join(legacyUploadsFolder(), 'logos', 'old-logo.png')
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  const result = await cli('storage', 'migrate')
  expect(result.code).toBe(0)
  expect(result.out).toEqual(['1 file moved from local disk into postgres storage.'])
  expect(await storage.get('logos/old-logo.png')).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
  await expect(fs.access(file)).rejects.toThrow()
})

test('/readyz is 503 until this instance has built its matching index, then 200', async () => {
  await closeMatchIndex()
  const before = await readyz()
  expect(before.status).toBe(503)
  expect(await before.json()).toMatchObject({ ready: false, matchingIndex: { built: false }, backgroundJobs: { enabled: false } })
  await matchIndex()
  const after = await readyz()
  expect(after.status).toBe(200)
  expect((await checkReadiness()).matchingIndex).toMatchObject({ built: true })
})

test('a job enqueued during a request carries the request id into the worker’s log', async () => {
  const data = await requestContextStorage.run(
    { requestId: 'req-42', nonce: '', clientIp: '127.0.0.1', https: false, servedInClear: false, setCookies: [], memo: new Map() },
    async () => withRequestId({ userId: 'u1' }),
  )
  expect(data).toEqual({ userId: 'u1', requestId: 'req-42' })
  expect(withRequestId({ userId: 'u1' })).toEqual({ userId: 'u1' })
  const log = jobLogger({ id: 'job-1', name: MAIL_QUEUE, data })
  expect(log.bindings()).toMatchObject({ queue: MAIL_QUEUE, jobId: 'job-1', requestId: 'req-42' })
})
