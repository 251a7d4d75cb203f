// Form actions: parse with the shared schema in the reader's language. A service's
// UserFacingError is answered by the page wrapper (page.server.ts).
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { ZodTypeAny } from 'zod'
import type { Locale } from '#app/i18n/locale.ts'
import { errorMapFor } from '#app/i18n/validation.ts'

export function parseForm<S extends ZodTypeAny>(formData: FormData, schema: S, locale: Locale) {
  return parseWithZod(formData, { schema, errorMap: errorMapFor(locale) })
}

type Submission = { reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[] }) => SubmissionResult<string[]> }

/** The reply for an invalid submission, with status 400 so no-JS clients see it too. */
export function invalidReply(submission: Submission, options?: { hideFields?: string[] }) {
  return data({ result: submission.reply(options) }, { status: 400 })
}
