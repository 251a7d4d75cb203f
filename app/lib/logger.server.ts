import pino, { type DestinationStream } from 'pino'
import { env } from './env.server.ts'
import { currentRequestContext } from './request-context.server.ts'
import { redactedLogPaths, redactSecrets } from './log-redaction.server.ts'

type SerializedError = ReturnType<typeof pino.stdSerializers.err>

/** A logger that removes secrets from URLs, error texts, bodies, cookies and credentials. */
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { app: 'lianqiao' },
      redact: { paths: redactedLogPaths, censor: '[redacted]' },
      serializers: {
        url: (url: unknown) => (typeof url === 'string' ? redactSecrets(url) : url),
        err: (error: Error) => {
          const serialized: SerializedError = pino.stdSerializers.err(error)
          return { ...serialized, message: redactSecrets(serialized.message ?? ''), stack: redactSecrets(serialized.stack ?? '') }
        },
      },
      // Every line logged while a request is handled carries its id (jobs it enqueues carry it on: jobs/boss.server.ts).
      mixin: () => {
        const requestId = currentRequestContext()?.requestId
        return requestId ? { requestId } : {}
      },
    },
    destination,
  )
}

export const logger = createLogger(env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL)
