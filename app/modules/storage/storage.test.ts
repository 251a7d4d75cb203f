import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import type { S3Settings } from '#app/lib/env.server.ts'
import { s3Storage } from './s3-storage.server.ts'
import { CHUNK_BYTES, type FileStorage, localDiskStorage, migrateLocalFiles, postgresStorage, storage } from './storage.server.ts'

describe('Postgres file storage (the default)', () => {
  test('is the configured backend when no S3 settings are given', () => {
    expect(storage.kind).toBe('postgres')
  })

  test('a file larger than a chunk is stored in chunks and read back byte for byte', async () => {
    const bytes = new Uint8Array(randomBytes(CHUNK_BYTES * 2 + 1234))
    await storage.put('resumes/s1/big.pdf', bytes)
    const chunks = await prisma.storedFileChunk.findMany({ where: { key: 'resumes/s1/big.pdf' }, select: { seq: true }, orderBy: { seq: 'asc' } })
    expect(chunks.map((c) => c.seq)).toEqual([0, 1, 2])
    expect(await storage.get('resumes/s1/big.pdf')).toEqual(bytes)
    await storage.delete('resumes/s1/big.pdf')
    expect(await storage.get('resumes/s1/big.pdf')).toBeNull()
    expect(await prisma.storedFileChunk.count({ where: { key: 'resumes/s1/big.pdf' } })).toBe(0)
  })

  test('an empty file and a replaced file read back as written', async () => {
    await storage.put('logos/empty.png', new Uint8Array())
    expect(await storage.get('logos/empty.png')).toEqual(new Uint8Array())
    await storage.put('logos/empty.png', new Uint8Array([1, 2, 3]))
    expect(await storage.get('logos/empty.png')).toEqual(new Uint8Array([1, 2, 3]))
  })

  test('written and deleted with the caller’s transaction: a rollback leaves nothing, and undoes a delete', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await storage.put('resumes/s2/a.pdf', new Uint8Array([1, 2, 3]), tx)
        throw new Error('the row write failed')
      }),
    ).rejects.toThrow('the row write failed')
    expect(await storage.get('resumes/s2/a.pdf')).toBeNull()

    await storage.put('resumes/s2/b.pdf', new Uint8Array([4, 5]))
    await expect(
      prisma.$transaction(async (tx) => {
        await storage.delete('resumes/s2/b.pdf', tx)
        throw new Error('the row delete failed')
      }),
    ).rejects.toThrow('the row delete failed')
    expect(await storage.get('resumes/s2/b.pdf')).toEqual(new Uint8Array([4, 5]))
  })

  test('keys that could leave their folder are refused', async () => {
    await expect(storage.put('../etc/passwd', new Uint8Array([1]))).rejects.toThrow('unsafe storage key')
    await expect(postgresStorage().get('/absolute')).rejects.toThrow('unsafe storage key')
  })
})

test('storage migrate moves files from local disk into Postgres and off the disk', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'uploads-'))
  const disk = localDiskStorage(root)
  await disk.put('resumes/old/one.pdf', new Uint8Array([37, 80, 68, 70, 45]))
  await disk.put('logos/acme.png', new Uint8Array([137, 80, 78, 71]))
  await fs.writeFile(path.join(root, 'Stray File.txt'), 'not ours')
  const result = await migrateLocalFiles(disk)
  expect(result).toEqual({ moved: 2, skipped: ['Stray File.txt'], to: 'postgres' })
  expect(await storage.get('resumes/old/one.pdf')).toEqual(new Uint8Array([37, 80, 68, 70, 45]))
  expect(await storage.get('logos/acme.png')).toEqual(new Uint8Array([137, 80, 78, 71]))
  expect(await disk.get('resumes/old/one.pdf')).toBeNull()
  // Run again: nothing left to move.
  expect((await migrateLocalFiles(disk)).moved).toBe(0)
})

// s3rver is an S3 server written in Node (objects on disk), not MinIO or AWS. It checks that a
// request's access key exists and its SigV4 header is well formed and recent, but it does not
// recompute V4 signatures, so a wrong secret goes unnoticed here.
describe('S3 backend against s3rver', () => {
  let server: S3rver
  let directory: string
  let settings: S3Settings
  let s3: FileStorage

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 's3rver-'))
    server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: 'lianqiao' }] })
    const { port } = await server.run()
    // s3rver's fixed credentials.
    settings = { endpoint: `http://127.0.0.1:${port}`, bucket: 'lianqiao', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
    s3 = s3Storage(settings)
  })

  afterAll(async () => {
    await server.close()
    await fs.rm(directory, { recursive: true, force: true })
  })

  test('puts, gets and deletes an object', async () => {
    await s3.put('resumes/s3/cv.pdf', new Uint8Array([37, 80, 68, 70]))
    expect(await s3.get('resumes/s3/cv.pdf')).toEqual(new Uint8Array([37, 80, 68, 70]))
    await s3.delete('resumes/s3/cv.pdf')
    expect(await s3.get('resumes/s3/cv.pdf')).toBeNull()
  })

  test('a missing key reads as null and deletes without error', async () => {
    expect(await s3.get('resumes/nobody/none.pdf')).toBeNull()
    await expect(s3.delete('resumes/nobody/none.pdf')).resolves.toBeUndefined()
  })

  test('keys in nested folders round-trip, each its own object', async () => {
    await s3.put('resumes/s4/drafts/cv-v2.pdf', new Uint8Array([1, 2, 3]))
    expect(await s3.get('resumes/s4/drafts/cv-v2.pdf')).toEqual(new Uint8Array([1, 2, 3]))
    expect(await s3.get('resumes/s4/cv-v2.pdf')).toBeNull()
  })

  test('keys the other backends refuse are refused before any request, so none can leave the bucket', async () => {
    // Unrefused, `resumes/../logos/x.png` would be written as `logos/x.png` (the URL resolves `..`).
    for (const key of ['resumes/../logos/x.png', '../other-bucket/x.png', 'resumes/学生 一/简历 v2.pdf']) {
      await expect(s3.put(key, new Uint8Array([1]))).rejects.toThrow(`unsafe storage key: ${key}`)
      await expect(s3.get(key)).rejects.toThrow('unsafe storage key')
      await expect(s3.delete(key)).rejects.toThrow('unsafe storage key')
    }
    expect(await s3.get('logos/x.png')).toBeNull()
  })

  test('a 5 MB binary file reads back byte for byte', async () => {
    const bytes = new Uint8Array(randomBytes(5 * 1024 * 1024 + 7))
    await s3.put('screenshots/big.png', bytes)
    const read = await s3.get('screenshots/big.png')
    expect(read?.byteLength).toBe(bytes.byteLength)
    expect(Buffer.from(read ?? []).equals(Buffer.from(bytes))).toBe(true)
  })

  test('a second put replaces the object', async () => {
    await s3.put('logos/acme.png', new Uint8Array([1, 1, 1, 1]))
    await s3.put('logos/acme.png', new Uint8Array([2, 2]))
    expect(await s3.get('logos/acme.png')).toEqual(new Uint8Array([2, 2]))
  })

  test('an unknown access key is refused: put rejects and nothing is written', async () => {
    const stranger = s3Storage({ ...settings, accessKeyId: 'NOT-S3RVER' })
    await expect(stranger.put('logos/stranger.png', new Uint8Array([1]))).rejects.toThrow(/HTTP 403 .*InvalidAccessKeyId/s)
    expect(await s3.get('logos/stranger.png')).toBeNull()
  })

  test('storage migrate moves files from local disk into S3 and off the disk', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'uploads-'))
    const disk = localDiskStorage(root)
    await disk.put('resumes/old/two.pdf', new Uint8Array([37, 80, 68, 70, 45]))
    await disk.put('licences/acme.pdf', new Uint8Array([37, 80, 68, 70]))
    expect(await migrateLocalFiles(disk, s3)).toEqual({ moved: 2, skipped: [], to: 's3' })
    expect(await s3.get('resumes/old/two.pdf')).toEqual(new Uint8Array([37, 80, 68, 70, 45]))
    expect(await s3.get('licences/acme.pdf')).toEqual(new Uint8Array([37, 80, 68, 70]))
    expect(await disk.get('resumes/old/two.pdf')).toBeNull()
    expect(await storage.get('resumes/old/two.pdf')).toBeNull()
    await fs.rm(root, { recursive: true, force: true })
  })
})
