// The environment, parsed once into a frozen object. Nothing else reads process.env.
import { hkdfSync } from 'node:crypto'
import { isIP } from 'node:net'
import { z } from 'zod'

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']

/** An address, a subnet (address/bits) or one of Express's names for address ranges. */
function isProxyEntry(entry: string) {
  if (PROXY_NAMES.includes(entry)) return true
  const [address = '', bits, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length > 0) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url(),
  /** Set by scripts/services.ts to the address of the embedded PostgreSQL it runs; empty otherwise. */
  EMBEDDED_DATABASE_URL: z.string().default(''),
  MEILI_URL: z.string().url(),
  MEILI_MASTER_KEY: z.string().default(''),
  /** Lets each test file use its own indexes on the shared test Meilisearch. */
  MEILI_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/)
    .default(''),
  SESSION_SECRET: z.string().min(32),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address to listen on; unset means every interface (other devices can reach the app). */
  HOST: z.string().min(1).optional(),
  /**
   * Proxies whose X-Forwarded-Proto/-Host/-For are believed: comma-separated addresses,
   * subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal; empty believes no one.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isProxyEntry), 'must be addresses, subnets or loopback/linklocal/uniquelocal, separated by commas'),
  /**
   * Public origin (scheme://host[:port]) for e-mail links and the Origin check; https://
   * here means a TLS proxy is in front, so cookies are Secure. Defaults to the request's.
   */
  APP_ORIGIN: z.string().url().optional(),
  /** smtp(s)://user:pass@host:port; unset means messages are written as .eml files. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('链桥 Lianqiao <noreply@lianqiao.local>'),
  DATA_DIR: z.string().default('.data/dev'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Background jobs (search sync, mail, digests) run in the web process unless turned off. */
  RUN_JOBS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Failed sign-ins allowed per window for one account from one IP. */
  SIGNIN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins allowed per window from one IP, whatever the account (a campus shares one). */
  SIGNIN_IP_LIMIT: z.coerce.number().int().min(1).default(100),
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /**
   * 32 bytes as 64 hex characters: encrypts credential issuers' private keys at rest.
   * Required in production; elsewhere derived from SESSION_SECRET when unset.
   */
  CREDENTIALS_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  /** Days after a role closes before its applications are anonymised for the company (decision 029). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** VC-API calls allowed per minute per caller (issue, verify), on top of API_RATE_LIMIT. */
  VC_API_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  /** S3-compatible object storage for uploads; unset keeps them in Postgres (decision 025). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
})

export type S3Settings = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }

/** Postgres unless S3 is configured; a half-configured S3 is an error, not a silent fallback. */
function fileStorage(data: z.output<typeof schema>): { kind: 'postgres' } | ({ kind: 's3' } & S3Settings) {
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = data
  if (!endpoint && !bucket && !accessKeyId && !secretAccessKey) return { kind: 'postgres' }
  if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
    throw new Error('Invalid environment:\n  S3_*: set all of S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or none')
  }
  return { kind: 's3', endpoint, bucket, region: data.S3_REGION, accessKeyId, secretAccessKey }
}

/**
 * "Try as" sign-in without a password (decision 035): only outside production and only on
 * the embedded database scripts/services.ts started, never on a database someone configured.
 */
function demoPersonasAllowed(settings: { NODE_ENV: string; DATABASE_URL: string; EMBEDDED_DATABASE_URL: string }) {
  return settings.NODE_ENV !== 'production' && settings.EMBEDDED_DATABASE_URL !== '' && settings.EMBEDDED_DATABASE_URL === settings.DATABASE_URL
}

function parseEnv() {
  const result = schema.safeParse(process.env)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment:\n${problems}`)
  }
  const isProduction = result.data.NODE_ENV === 'production'
  if (isProduction && !result.data.CREDENTIALS_KEY) {
    throw new Error('Invalid environment:\n  CREDENTIALS_KEY: required in production (64 hex characters)')
  }
  return Object.freeze({
    ...result.data,
    isProduction,
    demoPersonas: demoPersonasAllowed(result.data),
    credentialsKey: result.data.CREDENTIALS_KEY
      ? Buffer.from(result.data.CREDENTIALS_KEY, 'hex')
      : Buffer.from(hkdfSync('sha256', result.data.SESSION_SECRET, 'lianqiao', 'credential issuer keys v1', 32)),
    fileStorage: Object.freeze(fileStorage(result.data)),
  })
}

export const env = parseEnv()
