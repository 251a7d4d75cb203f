// The page twin of `apiHandler`: every route loader and action runs inside it, so a
// service's UserFacingError has one answer everywhere. Not found is the 404 page; other user
// errors are the Conform submission's reply (field errors) when the action parsed a form,
// else `{ error }` in the reader's language; an unknown `intent` is a 400. Anything else is
// left to the error boundary, which shows the request id and never a stack.
import type { SubmissionResult } from '@conform-to/react'
import { data } from '@remix-run/node'
import type { ZodTypeAny } from 'zod'
import { requestLocale } from '#app/i18n/locale.server.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { UserFacingError } from './errors.server.ts'
import { parseForm } from './forms.server.ts'

type ReplyOptions = { hideFields?: string[] }

export type PageTools = {
  locale: Locale
  /** Parses with the shared schema; a user error raised later is shown on this form. */
  parseForm: <S extends ZodTypeAny>(formData: FormData, schema: S, options?: ReplyOptions) => ReturnType<typeof parseForm<S>>
  /** The submitted `intent`, one of `intents`; anything else answers 400. */
  intent: <const I extends string>(formData: FormData, intents: readonly I[]) => I
  /** Names what a plain action acted on (a row's id), so the page can put the error beside it. */
  about: (subject: string) => void
}

/** What an action answers for a user error; `result` when it parsed a Conform form. */
export type PageErrorReply = { error?: string; result?: SubmissionResult<string[]>; intent?: string; subject?: string }

type Args = { request: Request }

// The action's own reply keys, optional on the error reply, so a page reads `actionData.x`
// without narrowing first.
type ReplyData<R> = R extends Response ? never : R extends { type: string; data: infer D; init: ResponseInit | null } ? D : R
type KeysOf<T> = T extends unknown ? keyof T : never
type ErrorReplyFor<R> = PageErrorReply & { [K in Exclude<KeysOf<ReplyData<R>>, keyof PageErrorReply>]?: undefined }

function notFoundPage(): Response {
  return new Response('Not Found', { status: 404 })
}

function errorHeaders(error: UserFacingError) {
  const headers = new Headers()
  if (error.status === 429 && typeof error.body?.retryAfterSeconds === 'number') {
    headers.set('Retry-After', String(error.body.retryAfterSeconds))
  }
  return headers
}

/** A loader's user error: the 404 page, or the status with its message for the error boundary. */
export function pageLoader<A extends Args, R>(handler: (args: A, tools: PageTools) => Promise<R>) {
  return async (args: A): Promise<R> => {
    const { tools } = toolsFor(args.request)
    try {
      return await handler(args, tools)
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      if (error.status === 404) throw notFoundPage()
      throw new Response(translate(tools.locale, error.key, error.params), { status: error.status, headers: errorHeaders(error) })
    }
  }
}

/** Answers that replace the reply for a user error of a given status (e.g. 409 → the existing record). */
type ActionOptions = { on?: Partial<Record<UserFacingError['status'], () => Promise<Response> | Response>> }

/** An action's user error: the 404 page, or one reply shape the page renders (PageErrorReply). */
export function pageAction<A extends Args, R>(handler: (args: A, tools: PageTools) => Promise<R>, options: ActionOptions = {}) {
  return async (args: A): Promise<R | ReturnType<typeof data<ErrorReplyFor<R>>>> => {
    const { tools, state } = toolsFor(args.request)
    try {
      return await handler(args, tools)
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      const instead = options.on?.[error.status]
      if (instead) return (await instead()) as never
      if (error.status === 404) throw notFoundPage()
      const { locale } = tools
      const reply: ErrorReplyFor<R> = {} as ErrorReplyFor<R>
      if (state.intent !== undefined) reply.intent = state.intent
      if (state.subject !== undefined) reply.subject = state.subject
      if (state.submission) {
        const fieldErrors: Record<string, string[]> = {}
        for (const field of error.fields) (fieldErrors[field.path] ??= []).push(translate(locale, field.key, field.params))
        const formErrors = error.fields.length > 0 ? [] : [translate(locale, error.key, error.params)]
        reply.result = state.submission.reply({ formErrors, fieldErrors, hideFields: state.hideFields })
      } else {
        const messages = error.fields.map((field) => translate(locale, field.key, field.params))
        reply.error = messages.length > 0 ? messages.join(' ') : translate(locale, error.key, error.params)
      }
      return data(reply, { status: error.status, headers: errorHeaders(error) })
    }
  }
}

type Submission = ReturnType<typeof parseForm>

function toolsFor(request: Request) {
  const state: { submission?: Submission; hideFields?: string[]; intent?: string; subject?: string } = {}
  const locale = requestLocale(request)
  const tools: PageTools = {
    locale,
    parseForm: (formData, schema, options) => {
      const submission = parseForm(formData, schema, locale)
      state.submission = submission
      state.hideFields = options?.hideFields
      return submission
    },
    intent: (formData, intents) => {
      const value = formData.get('intent')
      const intent = intents.find((candidate) => candidate === value)
      if (intent === undefined) throw new UserFacingError(400, 'error.unknownIntent')
      state.intent = intent
      return intent
    },
    about: (subject) => {
      state.subject = subject
    },
  }
  return { tools, state }
}
