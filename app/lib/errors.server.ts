// Errors a service raises for things a user can cause. Routes turn them into pages with a
// message in the reader's language; the API turns them into problem+json.
import type { MessageKey, MessageParams } from '#app/i18n/translate.ts'

export type FieldProblem = { path: string; key: MessageKey; params?: MessageParams }

export class UserFacingError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly key: MessageKey,
    readonly params?: MessageParams,
    readonly fields: FieldProblem[] = [],
    /** Extra JSON for API clients (e.g. the existing record on a 409). */
    readonly body?: Record<string, unknown>,
  ) {
    super(key)
    this.name = 'UserFacingError'
  }
}

export const notFound = () => new UserFacingError(404, 'error.notFound')
export const conflict = (key: MessageKey, body?: Record<string, unknown>, params?: MessageParams) => new UserFacingError(409, key, params, [], body)
export const unprocessable = (key: MessageKey, fields: FieldProblem[] = [], params?: MessageParams) => new UserFacingError(422, key, params, fields)
/** A file or field over its size limit, named so the form shows the message beside it. */
export const payloadTooLarge = (key: MessageKey, field: string) => new UserFacingError(413, key, undefined, [{ path: field, key }])
/** A list at its cap (`listCaps`); with a field, the form shows the message beside it. */
export const tooMany = (max: number, field?: string) =>
  new UserFacingError(422, 'limits.tooMany', { max }, field ? [{ path: field, key: 'limits.tooMany', params: { max } }] : [])
export const rateLimited = (retryAfterSeconds: number) =>
  new UserFacingError(429, 'error.rateLimited', { minutes: Math.ceil(retryAfterSeconds / 60) }, [], { retryAfterSeconds })
