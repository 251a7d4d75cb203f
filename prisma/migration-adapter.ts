// The driver adapter that Prisma's WebAssembly schema engine uses for migrations.
// It carries the two workarounds for @prisma/adapter-pg 6.19 described in docs/design.md, and a
// third: the adapter runs a migration by splitting it at every ";", which cuts a function
// body apart, so migrations are sent whole instead (PostgreSQL's simple-query protocol
// takes several statements in one string).
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

const PG_NAME_OID = 19
const PG_CHAR_OID = 18
const PG_TEXT_OID = 25

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> }

function reportNameAndCharAsText<T>(result: T): T {
  // Workaround 1 (prisma/orm#27403): introspection returns `name` and `"char"` columns,
  // which the adapter cannot deserialise; their values are plain strings, so call them text.
  const results = Array.isArray(result) ? result : [result]
  for (const r of results as QueryResultLike[]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID
      }
    }
  }
  return result
}

class IntrospectionSafeClient extends pg.Client {
  // pg's query() has many overloads; this wrapper keeps them all by forwarding arguments.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one override must stand for all of pg's overloads
  override query(...args: unknown[]): any {
    const callbackIndex = args.findIndex((a) => typeof a === 'function')
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: Error | null, res: unknown) => void
      args[callbackIndex] = (err: Error | null, res: unknown) => callback(err, err ? res : reportNameAndCharAsText(res))
      return (super.query as (...a: unknown[]) => unknown)(...args)
    }
    const first = args[0] as { callback?: unknown; submit?: unknown } | undefined
    const returned = (super.query as (...a: unknown[]) => unknown)(...args)
    if (first && typeof first.submit === 'function') return returned
    return (returned as Promise<unknown>).then(reportNameAndCharAsText)
  }
}

type DiscreteConfig = {
  host: string
  port: number
  user: string
  password: string
  database: string
}

function parseDatabaseUrl(url: string): DiscreteConfig {
  const parsed = new URL(url)
  return {
    host: decodeURIComponent(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  }
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>

/** Workaround 3: a migration script goes to the server as one simple query. */
function runScriptsWhole(adapter: Adapter): Adapter {
  const pool = adapter.underlyingDriver() as pg.Pool
  // The adapter's own mapping of a pg error to the error the engine reports.
  const mapError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter)
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script)
    } catch (error) {
      mapError(error)
    }
  }
  return adapter
}

/**
 * Workaround 2: adapter-pg's own shadow database connects to the main database when the
 * config holds a connectionString, and drops the shadow while its pool is still open.
 * Here the shadow is created and dropped on a separate connection, after its pool closed.
 */
class MigrationAdapterFactory extends PrismaPg {
  readonly #config: DiscreteConfig

  constructor(config: DiscreteConfig) {
    super({ ...config, Client: IntrospectionSafeClient } as pg.PoolConfig)
    this.#config = config
  }

  override async connectToShadowDb() {
    const shadowName = `prisma_shadow_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
    await this.#admin(`CREATE DATABASE "${shadowName}"`)
    const shadow = new PrismaPg({
      ...this.#config,
      database: shadowName,
      Client: IntrospectionSafeClient,
    } as pg.PoolConfig)
    const adapter = runScriptsWhole(await shadow.connect())
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = async () => {
      await dispose()
      await this.#admin(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`)
    }
    return adapter
  }

  override async connect() {
    return runScriptsWhole(await super.connect())
  }

  async #admin(sql: string) {
    const client = new pg.Client(this.#config)
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
}

export function createMigrationAdapter(databaseUrl: string) {
  return new MigrationAdapterFactory(parseDatabaseUrl(databaseUrl))
}
