import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { s3Storage } from './s3-storage.server.ts'
import { CHUNK_BYTES, localDiskStorage, migrateLocalFiles, postgresStorage, storage } from './storage.server.ts'

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

// No S3 server can be installed here: this endpoint answers like S3's object API and
// checks that every request is signed (AWS Signature V4); it proves the requests' shape,
// not compatibility with a real server.
test('the S3 backend puts, gets and deletes objects with signed path-style requests', async () => {
  const objects = new Map<string, Buffer>()
  const seen: Array<{ method: string; url: string; authorization: string; sha: string }> = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        sha: String(req.headers['x-amz-content-sha256'] ?? ''),
      })
      const key = req.url ?? ''
      if (req.method === 'PUT') objects.set(key, Buffer.concat(chunks))
      if (req.method === 'DELETE') objects.delete(key)
      if (req.method === 'GET' && !objects.has(key)) {
        res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>')
        return
      }
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end(req.method === 'GET' ? objects.get(key) : undefined)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  try {
    const s3 = s3Storage({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'lianqiao',
      region: 'us-east-1',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret',
    })
    await s3.put('resumes/s3/cv.pdf', new Uint8Array([1, 2, 3]))
    expect(await s3.get('resumes/s3/cv.pdf')).toEqual(new Uint8Array([1, 2, 3]))
    await s3.delete('resumes/s3/cv.pdf')
    expect(await s3.get('resumes/s3/cv.pdf')).toBeNull()
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PUT /lianqiao/resumes/s3/cv.pdf',
      'GET /lianqiao/resumes/s3/cv.pdf',
      'DELETE /lianqiao/resumes/s3/cv.pdf',
      'GET /lianqiao/resumes/s3/cv.pdf',
    ])
    for (const request of seen) {
      expect(request.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}$/,
      )
      expect(request.sha).toMatch(/^([0-9a-f]{64}|UNSIGNED-PAYLOAD)$/)
    }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})
