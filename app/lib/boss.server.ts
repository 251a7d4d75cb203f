// pg-boss: the job queue lives in the same Postgres (schema "pgboss").
import PgBoss from 'pg-boss'
import type { Tx } from '#app/lib/db.server.ts'
import { env } from '#app/lib/env.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { currentRequestContext } from '#app/lib/request-context.server.ts'

const holder = globalThis as unknown as { lianqiaoBoss?: Promise<PgBoss> }
/** Queues known to exist, by name, each waiting on the started queue. */
const ensured = globalThis as unknown as { lianqiaoQueues?: Map<string, Promise<PgBoss>> }

/** The started queue, shared by senders and workers in this process. */
export function getBoss(): Promise<PgBoss> {
  holder.lianqiaoBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env.DATABASE_URL, schema: 'pgboss', max: 4 })
    boss.on('error', (error) => logger.error({ err: error }, 'pg-boss error'))
    await boss.start()
    return boss
  })()
  return holder.lianqiaoBoss
}

export async function stopBoss() {
  const pending = holder.lianqiaoBoss
  holder.lianqiaoBoss = undefined
  ensured.lianqiaoQueues?.clear()
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 10_000 })
}

/**
 * Creates the queue unless it exists. Instances starting together create the same queues
 * at once, and pg-boss's creation (a table partition per queue) can then deadlock or meet
 * the other's row: both are transient, so try again after a short random pause.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'> = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { retryLimit: 8, retryBackoff: true, retryDelay: 2, ...options } as PgBoss.Queue)
      return
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (attempt >= 6 || (code !== '40P01' && code !== '23505')) throw error
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt))
    }
  }
}

/** The started queue with `name` created (pg-boss 10 partitions by queue, so it must exist before a job is sent). */
export function queueReady(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<PgBoss> {
  const queues = (ensured.lianqiaoQueues ??= new Map())
  let ready = queues.get(name)
  if (!ready) {
    ready = (async () => {
      const boss = await getBoss()
      await ensureQueue(boss, name, options)
      return boss
    })()
    ready.catch(() => queues.delete(name))
    queues.set(name, ready)
  }
  return ready
}

// pg-boss hands objects to node-postgres, which serialises them; Prisma's raw query needs
// plain scalars.
const sqlArg = (value: unknown) =>
  value === undefined ? null : typeof value === 'object' && value !== null && !(value instanceof Date) ? JSON.stringify(value) : value

/**
 * Sends a job through the caller's transaction: it exists exactly when the change that
 * caused it commits, and never for a rolled-back change.
 */
export async function sendInTransaction(tx: Tx, name: string, data: object, queueOptions: Omit<PgBoss.Queue, 'name'> = {}) {
  const boss = await queueReady(name, queueOptions)
  await boss.send(name, withRequestId(data), {
    db: { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(sqlArg)) }) },
  })
}

/** Job data, with the id of the request that enqueued it (if any) so the worker's logs join the request's. */
export function withRequestId<T extends object>(data: T): T & { requestId?: string } {
  const requestId = currentRequestContext()?.requestId
  return requestId ? { ...data, requestId } : data
}

/** The logger for one job: its queue, its id, and the enqueuing request's id. */
export function jobLogger(job: { id: string; name: string; data: unknown }) {
  const requestId = typeof job.data === 'object' && job.data !== null ? (job.data as { requestId?: unknown }).requestId : undefined
  return logger.child({ queue: job.name, jobId: job.id, ...(typeof requestId === 'string' ? { requestId } : {}) })
}
