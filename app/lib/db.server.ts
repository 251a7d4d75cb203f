// One Prisma client per process, on the pg driver adapter (no native engine).
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { env } from './env.server.ts'

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(containsNul)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).some(containsNul)
  return false
}

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '')
  if (Array.isArray(value)) return value.map(withoutNul)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutNul(inner)]))
  }
  return value
}

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 })
  // Generous limits: a busy 2-core machine (CI, benchmarks) must slow transactions down,
  // not fail them.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }).$extends({
    // PostgreSQL text cannot hold U+0000: a NUL a client sent (in a form, JSON or an id in
    // the URL) is dropped here, once for every query, instead of failing the query with a 500.
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          return query(containsNul(args) ? (withoutNul(args) as typeof args) : args)
        },
      },
    },
  })
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> }

// Vite's dev server re-imports modules on change; keep one pool across reloads.
export const prisma = globalForPrisma.prisma ?? createClient()
if (!env.isProduction) globalForPrisma.prisma = prisma

export type Db = typeof prisma
/** A client or an interactive transaction: services accept either. */
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0] | Db
