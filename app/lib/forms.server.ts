// Form actions: parse with the shared schema in the reader's language, and turn a
// service's UserFacingError into field or form errors on the same form.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { ZodTypeAny } from 'zod'
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { UserFacingError } from './errors.server.ts'

export function parseForm<S extends ZodTypeAny>(formData: FormData, schema: S, locale: Locale) {
  return parseWithZod(formData, { schema, errorMap: errorMapFor(locale) })
}

type Submission = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => SubmissionResult<string[]> }

/** The reply for an invalid submission, with status 400 so no-JS clients see it too. */
export function invalidReply(submission: Submission, options?: { hideFields?: string[] }) {
  return data({ result: submission.reply(options) }, { status: 400 })
}

/** Renders a service's user-facing error on the form; anything else is rethrown. */
export function errorReply(submission: Submission, error: unknown, locale: Locale, options?: { hideFields?: string[]; headers?: HeadersInit }) {
  if (!(error instanceof UserFacingError)) throw error
  const fieldErrors: Record<string, string[]> = {}
  for (const field of error.fields) {
    ;(fieldErrors[field.path] ??= []).push(translate(locale, field.key, field.params))
  }
  const formErrors = error.fields.length > 0 ? [] : [translate(locale, error.key, error.params)]
  const headers = new Headers(options?.headers)
  if (error.status === 429 && typeof error.body?.retryAfterSeconds === 'number') {
    headers.set('Retry-After', String(error.body.retryAfterSeconds))
  }
  return data(
    { result: submission.reply({ formErrors, fieldErrors, hideFields: options?.hideFields }) },
    { status: error.status, headers },
  )
}

/** A service's "not found" becomes the route's 404 page; any other error is left to the caller. */
export function rethrowNotFound(error: unknown) {
  if (error instanceof UserFacingError && error.status === 404) throw new Response('Not Found', { status: 404 })
}

/**
 * For actions without a Conform form: a service's user-facing error as `{ error }` (plus
 * `extra`) in the reader's language; "not found" is the 404 page; anything else rethrown.
 */
export function userErrorData<E extends Record<string, unknown> = Record<never, never>>(error: unknown, locale: Locale, extra?: E) {
  rethrowNotFound(error)
  if (!(error instanceof UserFacingError)) throw error
  const body = { ...(extra as E), error: translate(locale, error.key, error.params) }
  return data(body, { status: error.status })
}
