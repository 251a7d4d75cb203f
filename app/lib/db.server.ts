// One Prisma client per process, on the pg driver adapter (no native engine).
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { env } from './env.server.ts'

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10 })
  // Generous limits: a busy 2-core machine (CI, benchmarks) must slow transactions down,
  // not fail them.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } })
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> }

// Vite's dev server re-imports modules on change; keep one pool across reloads.
export const prisma = globalForPrisma.prisma ?? createClient()
if (!env.isProduction) globalForPrisma.prisma = prisma

export type Db = typeof prisma
/** A client or an interactive transaction: services accept either. */
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0] | Db
