// One Prisma client per process, on the pg driver adapter (no native engine).
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { env } from './env.server.ts'

/**
 * A connection that runs its queries one after another. Inside an interactive transaction
 * Prisma's query interpreter sends the independent reads of one query plan (a select with
 * several relations) together on the transaction's connection; pg would queue them itself,
 * but warns that it will stop doing so in pg 9. Queueing them here keeps the order and
 * silences nothing else.
 */
class OneQueryAtATimeClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve()

  // pg's query() has many overloads; this wrapper keeps them all by forwarding arguments.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one override must stand for all of pg's overloads
  override query(...args: unknown[]): any {
    const first = args[0] as { submit?: unknown } | undefined
    const forward = () => (super.query as (...a: unknown[]) => unknown).apply(this, args)
    // Callback and submittable forms are used by pg-boss and pg's own pool, never concurrently.
    if (args.some((a) => typeof a === 'function') || (first && typeof first.submit === 'function')) return forward()
    const run = this.#tail.then(forward)
    this.#tail = run.catch(() => undefined)
    return run
  }
}

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
  // The adapter makes the pool from this (and ends it on $disconnect).
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10, Client: OneQueryAtATimeClient })
  // Generous limits: a busy 2-core machine (CI, benchmarks) must slow transactions down,
  // not fail them.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } }).$extends({
    // PostgreSQL text cannot hold U+0000: a NUL a client sent (in a form, JSON or an id in
    // the URL) is dropped here, once for every query, instead of failing the query with a 500.
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          if (!containsNul(args)) return query(args)
          // The same shape with the NULs removed; spelling its type out is too much for tsc.
          const cleaned: unknown = withoutNul(args)
          return query(cleaned as typeof args)
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
