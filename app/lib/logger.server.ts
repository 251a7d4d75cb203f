import pino from 'pino'
import { env } from './env.server.ts'
import { currentRequestContext } from './request-context.server.ts'

export const logger = pino({
  level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
  base: { app: 'lianqiao' },
  redact: ['password', 'token', 'headers.cookie', 'headers.authorization'],
  // Every line logged while a request is handled carries its id (jobs it enqueues carry it on: jobs/boss.server.ts).
  mixin: () => {
    const requestId = currentRequestContext()?.requestId
    return requestId ? { requestId } : {}
  },
})
