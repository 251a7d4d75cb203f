// No Docker engine runs on the development machines, so this test checks the compose
// file itself: the services, images and variables the app needs are there.
import fs from 'node:fs'
import { expect, test } from 'vitest'
import { parse } from 'yaml'

type Service = { image?: string; build?: unknown; environment?: Record<string, string>; healthcheck?: unknown; depends_on?: Record<string, { condition: string }>; volumes?: string[] }
const compose = parse(fs.readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> }

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

test('the app is built from the Dockerfile, waits for healthy services and gets every variable it needs', () => {
  const app = compose.services.app
  expect(app?.build).toBeDefined()
  expect(app?.depends_on?.postgres?.condition).toBe('service_healthy')
  expect(app?.depends_on?.meilisearch?.condition).toBe('service_healthy')
  for (const name of ['DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'SESSION_SECRET', 'NODE_ENV']) {
    expect(app?.environment?.[name], name).toBeTruthy()
  }
  expect(app?.environment?.DATABASE_URL).toContain('@postgres:5432/')
  expect(app?.environment?.MEILI_URL).toBe('http://meilisearch:7700')
})

test('the Dockerfile is multi-stage and migrates before serving', () => {
  const dockerfile = fs.readFileSync('Dockerfile', 'utf8')
  expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2)
  expect(dockerfile).toMatch(/migrate deploy && .*server\.ts/)
})
