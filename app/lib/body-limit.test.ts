// The body limits at the HTTP level: a real express server with the middleware, and a
// handler that reads the body the way Remix's express adapter hands it over.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createReadableStreamFromReadable } from '@remix-run/node'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { afterBodyRefusal, API_BODY_LIMIT, bodyLimits, FORM_BODY_LIMIT } from './body-limit.server.ts'
import { readUploadForm } from './multipart.server.ts'
import { resumeUpload } from './upload-limits.ts'

let server: http.Server
let port = 0
const handled: string[] = []

beforeAll(async () => {
  const app = express()
  app.use(bodyLimits)
  app.post('*', async (req, res, next) => {
    try {
      const request = new Request(`http://127.0.0.1${req.originalUrl}`, {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: createReadableStreamFromReadable(req),
        duplex: 'half',
      } as RequestInit)
      const path = new URL(request.url).pathname
      if (path.startsWith('/api/')) {
        const body = (await request.json()) as unknown
        handled.push(path)
        res.json({ ok: true, size: JSON.stringify(body).length })
        return
      }
      const form = await readUploadForm(request, path === '/profile' ? resumeUpload : {})
      handled.push(path)
      const resume = form.get('resume')
      res.json({ name: form.get('name'), resumeSize: resume instanceof File ? resume.size : null })
    } catch (error) {
      if (error instanceof Response) {
        if (!res.headersSent) res.status(error.status).send(await error.text())
        return
      }
      next(error)
    }
  })
  app.use(afterBodyRefusal)
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** Sends `size` bytes (declared, or chunked when `chunked`), answering as soon as the server does. */
function send(path: string, options: { headers: Record<string, string>; size?: number; body?: Buffer; chunked?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body
    const size = body?.length ?? options.size ?? 0
    const headers = { ...options.headers, ...(options.chunked ? {} : { 'Content-Length': String(size) }) }
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent: false })
    let answered = false
    request.on('response', (response) => {
      answered = true
      const chunks: Buffer[] = []
      response.on('data', (c: Buffer) => chunks.push(c))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    // Once the server has answered and closed, the rest of the upload fails to send: expected.
    request.on('error', (error) => (answered ? undefined : reject(error)))
    if (body) {
      request.end(body)
      return
    }
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    const pump = () => {
      while (sent < size && !answered && !request.destroyed) {
        const n = Math.min(chunk.length, size - sent)
        sent += n
        if (!request.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void request.once('drain', pump)
      }
      if (sent >= size) request.end()
    }
    pump()
  })
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded' }

describe('body limits before reading', () => {
  test('a declared 300 MB form is answered 413 at once, in the reader’s language, and the connection closed', async () => {
    const en = await send('/signin', { headers: { ...form, 'Accept-Language': 'en' }, size: 300 * 1024 * 1024 })
    expect(en.status).toBe(413)
    expect(en.headers.connection).toBe('close')
    expect(en.headers['content-type']).toContain('text/html')
    expect(en.body).toContain('larger than the 64 KB limit')
    const zh = await send('/signin', { headers: { ...form, 'Accept-Language': 'en', Cookie: 'a=b; lq_lang=zh-CN' }, size: FORM_BODY_LIMIT + 1 })
    expect(zh.status).toBe(413)
    expect(zh.body).toContain('超过了 64 KB 的上限')
    expect(handled).not.toContain('/signin')
  })

  test('the API answers problem+json', async () => {
    const answer = await send('/api/v1/roles', { headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, size: 300 * 1024 * 1024 })
    expect(answer.status).toBe(413)
    expect(answer.headers['content-type']).toContain('application/problem+json')
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, title: 'Too much to accept' })
  })

  test('a chunked body is counted while it streams and cut off at the limit; the reader never sees it', async () => {
    handled.length = 0
    const page = await send('/signin', { headers: form, size: FORM_BODY_LIMIT * 4, chunked: true })
    expect(page.status).toBe(413)
    const api = await send('/api/v1/roles', { headers: { 'Content-Type': 'application/json' }, size: API_BODY_LIMIT * 2, chunked: true })
    expect(api.status).toBe(413)
    expect(handled).toEqual([])
  })

  test('bodies within the limit are read as usual, chunked or not', async () => {
    const small = await send('/signin', { headers: form, body: Buffer.from('name=%E5%BC%A0%E4%B8%89') })
    expect(small).toMatchObject({ status: 200 })
    expect(JSON.parse(small.body)).toMatchObject({ name: '张三' })
    const chunked = await send('/signin', { headers: form, body: Buffer.from('name=x'), chunked: true })
    expect(JSON.parse(chunked.body)).toMatchObject({ name: 'x' })
    const json = await send('/api/v1/roles', { headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify({ a: 'x'.repeat(200_000) })) })
    expect(json.status).toBe(200)
  })

  test('a body of the wrong kind is refused with 415 before it is read', async () => {
    const page = await send('/signin', { headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, body: Buffer.from('{}') })
    expect(page.status).toBe(415)
    expect(page.body).toContain('application/x-www-form-urlencoded')
    const multipartElsewhere = await send('/signin', { headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body: Buffer.from('--x--') })
    expect(multipartElsewhere.status).toBe(415)
    const api = await send('/api/v1/roles', { headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('{}') })
    expect(api.status).toBe(415)
    expect(api.headers['content-type']).toContain('application/problem+json')
  })
})

function multipart(parts: Array<{ name: string; filename?: string; data: Buffer }>) {
  const boundary = 'lianqiao-test-boundary'
  const pieces = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.filename ? 'Content-Type: application/pdf\r\n' : ''}\r\n`,
    ),
    p.data,
    Buffer.from('\r\n'),
  ])
  return { body: Buffer.concat([...pieces, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } }
}

describe('uploads stream with a limit per file', () => {
  test('a résumé over 5 MB is kept only to one byte past its limit, for the service to refuse by name', async () => {
    const { body, headers } = multipart([
      { name: 'name', data: Buffer.from('cv') },
      { name: 'resume', filename: 'cv.pdf', data: Buffer.alloc(5 * 1024 * 1024 + 500, 1) },
    ])
    const answer = await send('/profile', { headers, body })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ name: 'cv', resumeSize: 5 * 1024 * 1024 + 1 })
  })

  test('a whole upload body beyond what the page takes is 413 before reading', async () => {
    const answer = await send('/profile', { headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, size: 50 * 1024 * 1024 })
    expect(answer.status).toBe(413)
  })

  test('a text field over 64 KB, and a broken multipart body, are clear 4xx answers', async () => {
    const big = multipart([{ name: 'name', data: Buffer.alloc(FORM_BODY_LIMIT + 10, 'a') }])
    const tooBig = await send('/profile', { ...big, headers: { ...big.headers, 'Accept-Language': 'en' } })
    expect(tooBig.status).toBe(413)
    expect(tooBig.body).toContain('"name"')
    const broken = await send('/profile', {
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Accept-Language': 'en' },
      body: Buffer.from('--x\r\nnonsense'),
    })
    expect(broken.status).toBe(400)
    expect(broken.body).toContain('could not be read')
  })
})
