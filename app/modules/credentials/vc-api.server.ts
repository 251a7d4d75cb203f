// The VC-API (W3C CCG) edges: bounded bodies, a rate limit of its own, and answers in the
// shape the VC-API gives (verified, checks, warnings, errors).
import type { z, ZodTypeAny } from 'zod'
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { ApiInputError, json, problem, validationProblem, type ApiContext } from '#app/modules/api/api.server.ts'
import { API_BODY_LIMIT } from '#app/lib/body-limit.server.ts'
import { env } from '#app/lib/env.server.ts'
import { rateLimited } from '#app/lib/errors.server.ts'
import { consumeRateLimit } from '#app/lib/rate-limit.server.ts'
import { clientIp } from '#app/lib/request-context.server.ts'
import type { Check, CredentialReport, PresentationReport } from './verify.server.ts'

async function readBounded(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('Content-Length') ?? 'NaN')
  if (Number.isFinite(declared) && declared > maxBytes) return null
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

/**
 * Reads a VC-API body: at most the API's body limit (413 past that; the server's body limit
 * stops it earlier in production, this keeps the rule where the route is called directly),
 * JSON (400), the schema (422); counts against the VC-API's own rate limit first.
 */
export async function readVcApiBody<S extends ZodTypeAny>(context: ApiContext, schema: S): Promise<z.output<S>> {
  const caller = context.user ? `user:${context.user.id}` : `ip:${clientIp()}`
  const limit = await consumeRateLimit(`vc-api:${caller}`, env.VC_API_RATE_LIMIT, 60)
  if (!limit.allowed) throw rateLimited(limit.retryAfterSeconds)
  const text = await readBounded(context.request, API_BODY_LIMIT)
  if (text === null) {
    throw new ApiInputError(problem({ status: 413, title: translate(context.locale, 'credentials.bodyTooLarge', { kb: API_BODY_LIMIT / 1024 }) }))
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new ApiInputError(problem({ status: 400, title: translate(context.locale, 'validation.invalidJson'), verified: false }))
  }
  const result = schema.safeParse(raw, { errorMap: errorMapFor(context.locale) })
  if (!result.success) throw new ApiInputError(validationProblem(context.locale, result.error, 400))
  return result.data
}

type Entry = { check: string; path?: string; message: string }

function entries(locale: Locale, checks: Check[], outcome: Check['outcome'], prefix = ''): Entry[] {
  return checks
    .filter((c) => c.outcome === outcome)
    .flatMap((c) => c.reasons.map((r) => ({ check: c.name, ...(r.path ? { path: `${prefix}${r.path}` } : {}), message: translate(locale, r.key, r.params) })))
}

function credentialBody(locale: Locale, report: CredentialReport, prefix = '') {
  return {
    checks: report.checks.filter((c) => c.outcome === 'passed').map((c) => c.name),
    warnings: entries(locale, report.checks, 'warning', prefix),
    errors: entries(locale, report.checks, 'failed', prefix),
  }
}

/** 200 when verified; 400 when it is not a readable credential; 422 when it does not verify. */
export function credentialVerificationResponse(locale: Locale, report: CredentialReport) {
  const body = { verified: report.verified, ...credentialBody(locale, report, 'verifiableCredential.') }
  return json(body, report.verified ? 200 : report.malformed ? 400 : 422)
}

export function presentationVerificationResponse(locale: Locale, report: PresentationReport) {
  const own = {
    checks: report.checks.filter((c) => c.outcome === 'passed').map((c) => c.name),
    warnings: entries(locale, report.checks, 'warning', 'verifiablePresentation.'),
    errors: entries(locale, report.checks, 'failed', 'verifiablePresentation.'),
  }
  const credentials = report.credentials.map((c, index) => credentialBody(locale, c, `verifiablePresentation.verifiableCredential.${index}.`))
  const body = {
    verified: report.verified,
    checks: own.checks,
    warnings: [...own.warnings, ...credentials.flatMap((c) => c.warnings)],
    errors: [...own.errors, ...credentials.flatMap((c) => c.errors)],
    credentialResults: report.credentials.map((c, index) => ({ verified: c.verified, ...credentials[index] })),
  }
  const malformed = report.malformed || report.credentials.some((c) => c.malformed)
  return json(body, report.verified ? 200 : malformed ? 400 : 422)
}
