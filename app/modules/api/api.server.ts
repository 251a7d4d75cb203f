// The JSON API's shared edges: bearer-token auth, rate limits, JSON bodies checked by the
// same zod schemas as the forms, and problem+json for every error (docs/api-v1.md).
import type { z, ZodTypeAny } from 'zod'
import { localeFromAcceptLanguage, type Locale } from '#app/i18n/locale.ts'
import { translate, type MessageKey, type MessageParams } from '#app/i18n/translate.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import type { ApiScope } from '#app/modules/auth/api-scopes.ts'
import { userForApiToken } from '#app/modules/auth/api-tokens.server.ts'
import type { SessionUser } from '#app/modules/auth/session.server.ts'
import { env } from '#app/lib/env.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { consumeRateLimit } from '#app/lib/rate-limit.server.ts'
import { currentRequestContext } from '#app/lib/request-context.server.ts'

/** `scopes`: what the bearer token may do (empty without a token). */
export type ApiContext = { request: Request; locale: Locale; user: SessionUser | null; scopes: readonly ApiScope[] }

type Problem = {
  status: number
  title: string
  detail?: string
  errors?: Array<{ path: string; message: string }>
  [extra: string]: unknown
}

export function problem(body: Problem, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ type: 'about:blank', ...body }), {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  })
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

function problemFor(locale: Locale, status: number, key: MessageKey, params?: MessageParams, extra: Partial<Problem> = {}) {
  return problem({ status, title: translate(locale, key, params), ...extra })
}

/** A zod failure as problem+json with one entry per field. */
export function validationProblem(locale: Locale, error: z.ZodError, status = 422) {
  return problem({
    status,
    title: translate(locale, 'validation.formErrors'),
    errors: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  })
}

export class ApiInputError extends Error {
  constructor(readonly response: Response) {
    super('invalid API input')
  }
}

/** Reads and checks a JSON body; malformed JSON is a 400, a schema failure a 422. */
export async function readJson<S extends ZodTypeAny>(context: ApiContext, schema: S): Promise<z.output<S>> {
  let raw: unknown
  try {
    raw = await context.request.json()
  } catch {
    throw new ApiInputError(problemFor(context.locale, 400, 'validation.invalidJson'))
  }
  const result = schema.safeParse(raw, { errorMap: errorMapFor(context.locale) })
  if (!result.success) throw new ApiInputError(validationProblem(context.locale, result.error))
  return result.data
}

/** Checks query parameters with a schema; failures are a 400 with field errors. */
export function readQuery<S extends ZodTypeAny>(context: ApiContext, schema: S, toObject: (params: URLSearchParams) => unknown): z.output<S> {
  const result = schema.safeParse(toObject(new URL(context.request.url).searchParams), { errorMap: errorMapFor(context.locale) })
  if (!result.success) throw new ApiInputError(validationProblem(context.locale, result.error, 400))
  return result.data
}

export function requireApiUser(context: ApiContext): SessionUser {
  if (!context.user) throw new UserFacingError(401, 'error.unauthenticated')
  return context.user
}

/** The token's user, if the token carries `scope`: 401 without a token, 403 naming the scope. */
export function requireApiScope(context: ApiContext, scope: ApiScope): SessionUser {
  const user = requireApiUser(context)
  if (!context.scopes.includes(scope)) throw new UserFacingError(403, 'error.missingScope', { scope }, [], { missingScope: scope })
  return user
}

/**
 * Wraps an API handler: resolves the token's user (401 for a bad token), applies the
 * rate limit, and turns every error a client can cause into problem+json. `scope`: a
 * token used here must carry it (403 naming it); calls without a token are left to the
 * handler (public reads, or `requireApiUser`/`requireApiScope`).
 */
export function apiHandler(handler: (context: ApiContext) => Promise<Response>, options: { scope?: ApiScope } = {}) {
  return async ({ request }: { request: Request }) => {
    const locale = localeFromAcceptLanguage(request.headers.get('Accept-Language'))
    try {
      const authorization = request.headers.get('Authorization')
      let user: SessionUser | null = null
      let scopes: readonly ApiScope[] = []
      if (authorization) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization)
        const found = match?.[1] ? await userForApiToken(match[1]) : null
        if (!found) return problemFor(locale, 401, 'error.invalidToken', undefined, {})
        user = found.user
        scopes = found.scopes
      }
      const forwarded = currentRequestContext()?.clientIp ?? 'unknown'
      const bucket = user ? `api:user:${user.id}` : `api:ip:${forwarded}`
      const limit = await consumeRateLimit(bucket, env.API_RATE_LIMIT, 60)
      if (!limit.allowed) {
        return problem(
          { status: 429, title: translate(locale, 'error.rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }) },
          { 'Retry-After': String(limit.retryAfterSeconds) },
        )
      }
      const context: ApiContext = { request, locale, user, scopes }
      if (user && options.scope) requireApiScope(context, options.scope)
      return await handler(context)
    } catch (error) {
      return apiErrorResponse(error, locale)
    }
  }
}

export function apiErrorResponse(error: unknown, locale: Locale): Response {
  if (error instanceof ApiInputError) return error.response
  if (error instanceof Response) {
    if (error.status === 404) return problemFor(locale, 404, 'error.notFound')
    return error
  }
  if (error instanceof UserFacingError) {
    const headers: Record<string, string> = {}
    if (error.status === 429 && typeof error.body?.retryAfterSeconds === 'number') {
      headers['Retry-After'] = String(error.body.retryAfterSeconds)
    }
    return problem(
      {
        status: error.status,
        title: translate(locale, error.key, error.params),
        ...(error.fields.length > 0 ? { errors: error.fields.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) })) } : {}),
        ...error.body,
      },
      headers,
    )
  }
  const requestId = currentRequestContext()?.requestId
  logger.error({ err: error, requestId }, 'API handler failed')
  return problem({ status: 500, title: translate(locale, 'error.unexpected', { requestId: requestId ?? '-' }), requestId })
}
