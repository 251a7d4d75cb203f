import pino from 'pino'
import { env } from './env.server.ts'

export const logger = pino({
  level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
  base: { app: 'lianqiao' },
  redact: ['password', 'token', 'headers.cookie', 'headers.authorization'],
})
