// S3-compatible object storage (MinIO, Ceph, Alibaba OSS, AWS S3), chosen when S3_* settings
// are given. Plain S3 REST calls (path-style URLs) signed with AWS Signature V4 by
// `aws4fetch`. It cannot join a Postgres transaction: a file is written before the row that
// points at it and deleted inside the caller's transaction callback (decision 025).
// Tested against s3rver, an S3-compatible server in Node (not MinIO or AWS, which cannot run
// on our machines); s3rver does not recompute SigV4 signatures, so signing is not proven there.
import { AwsClient } from 'aws4fetch'
import type { S3Settings } from '#app/lib/env.server.ts'
import { checkStorageKey } from './storage-key.server.ts'
import type { FileStorage } from './storage.server.ts'

export function s3Storage(settings: S3Settings): FileStorage {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  })
  const base = settings.endpoint.replace(/\/+$/, '')
  const objectUrl = (key: string) => `${base}/${encodeURIComponent(settings.bucket)}/${checkStorageKey(key).split('/').map(encodeURIComponent).join('/')}`
  async function send(method: 'PUT' | 'GET' | 'DELETE', key: string, body?: Uint8Array) {
    const response = await client.fetch(objectUrl(key), { method, body: body ? new Uint8Array(body) : undefined })
    if (method === 'GET' && response.status === 404) return null
    if (!response.ok) throw new Error(`S3 ${method} ${key}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`)
    return response
  }
  return {
    kind: 's3',
    async put(key, bytes) {
      await send('PUT', key, bytes)
    },
    async get(key) {
      const response = await send('GET', key)
      return response ? new Uint8Array(await response.arrayBuffer()) : null
    },
    async delete(key) {
      await send('DELETE', key)
    },
  }
}
