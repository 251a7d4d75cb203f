// No Docker engine runs on the development machines, so this test checks the compose
// file itself: the services, images and variables the app needs are there, two replicas
// sit behind an official reverse-proxy image, and migrations run once, not per replica.
import fs from 'node:fs'
import { expect, test } from 'vitest'
import { parse } from 'yaml'

type Service = {
  image?: string
  build?: unknown
  command?: string[]
  restart?: string
  environment?: Record<string, string>
  healthcheck?: { test?: string[] }
  depends_on?: Record<string, { condition: string }>
  volumes?: string[]
  ports?: string[]
}
const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> }
const replicas = Object.entries(compose.services).filter(([, service]) => service.build && !service.command)

test('PostgreSQL and Meilisearch use the official images with volumes and health checks', () => {
  const { postgres, meilisearch } = compose.services
  expect(postgres?.image).toMatch(/^postgres:\d+/)
  expect(meilisearch?.image).toBe('getmeili/meilisearch:v1.21')
  for (const service of [postgres, meilisearch]) {
    expect(service?.healthcheck).toBeDefined()
    expect(service?.volumes?.length).toBeGreaterThan(0)
  }
  expect(meilisearch?.environment?.MEILI_MASTER_KEY).toContain('MEILI_MASTER_KEY')
})

test('two app replicas are built from the Dockerfile, wait for the migration and healthy services, and get every variable they need', () => {
  expect(replicas.map(([name]) => name)).toHaveLength(2)
  for (const [name, app] of replicas) {
    expect(app.depends_on?.migrate?.condition, name).toBe('service_completed_successfully')
    expect(app.depends_on?.postgres?.condition, name).toBe('service_healthy')
    expect(app.depends_on?.meilisearch?.condition, name).toBe('service_healthy')
    for (const variable of ['DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'SESSION_SECRET', 'NODE_ENV']) {
      expect(app.environment?.[variable], `${name} ${variable}`).toBeTruthy()
    }
    expect(app.environment?.DATABASE_URL).toContain('@postgres:5432/')
    expect(app.environment?.MEILI_URL).toBe('http://meilisearch:7700')
    expect(app.healthcheck?.test?.join(' ')).toContain('/healthz')
    // Behind the proxy, the client's address comes from X-Forwarded-For (per-IP limits).
    expect(app.environment?.TRUST_PROXY, name).toBe('uniquelocal')
    // Replicas are reached through the proxy only, and share no volume (files are in Postgres).
    expect(app.ports, name).toBeUndefined()
    expect(app.volumes, name).toBeUndefined()
  }
})

test('migrations are applied once, by a one-shot service, never by the replicas', () => {
  const migrate = compose.services.migrate
  expect(migrate?.command?.join(' ')).toBe('npx prisma migrate deploy')
  expect(migrate?.restart).toBe('no')
  expect(migrate?.depends_on?.postgres?.condition).toBe('service_healthy')
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8')
  expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2)
  const cmd = dockerfile.match(/^CMD (.*)$/m)?.[1] ?? ''
  expect(cmd).toContain('server.ts')
  expect(cmd).not.toContain('migrate')
})

test('an official reverse-proxy image publishes the port and balances over both replicas by their readiness', () => {
  const proxy = compose.services.proxy
  expect(proxy?.image).toMatch(/^(caddy|nginx):/)
  expect(proxy?.ports?.length).toBe(1)
  expect(proxy?.healthcheck).toBeDefined()
  for (const [name] of replicas) expect(proxy?.depends_on?.[name]?.condition).toBe('service_healthy')
  const mounted = proxy?.volumes?.map((volume) => volume.split(':')[0]!).find((source) => source.startsWith('./'))
  expect(mounted).toBeDefined()
  const config = fs.readFileSync(mounted!, 'utf8')
  for (const [name] of replicas) expect(config).toContain(`${name}:3000`)
  expect(config).toMatch(/health_uri \/readyz/)
})

test('the S3 override adds MinIO (official image), creates the bucket once, and points both replicas at it', () => {
  const override = parse(fs.readFileSync('docker-compose.s3.yml', 'utf8'), { merge: true }) as {
    services: Record<string, Service>
    volumes: Record<string, unknown>
  }
  const { minio, 'minio-bucket': bucket } = override.services
  expect(minio?.image).toMatch(/^minio\/minio:/)
  expect(minio?.healthcheck).toBeDefined()
  expect(minio?.volumes?.[0]?.split(':')[0]).toBe('minio-data')
  expect(override.volumes).toHaveProperty('minio-data')
  expect(bucket?.image).toMatch(/^minio\/mc:/)
  expect(bucket?.restart).toBe('no')
  expect(bucket?.depends_on?.minio?.condition).toBe('service_healthy')
  for (const [name] of replicas) {
    const app = override.services[name]
    expect(app?.depends_on?.['minio-bucket']?.condition, name).toBe('service_completed_successfully')
    // Every S3 setting the env parser requires together (it refuses a partial set).
    for (const variable of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
      expect(app?.environment?.[variable], `${name} ${variable}`).toBeTruthy()
    expect(app?.environment?.S3_ENDPOINT).toBe('http://minio:9000')
  }
})
