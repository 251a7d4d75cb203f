// The OpenAPI 3.1 description of the JSON API (docs/api-v1.md), generated from the same zod
// schemas the handlers parse their input with, so the document cannot drift from them.
// Response shapes are written here as zod schemas too; openapi.test.ts checks that every
// API route file has an entry and that real answers fit the documented shapes.
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi'
import { z, type ZodTypeAny } from 'zod'
import { apiApplySchema, apiStatusSchema, applicationListQuerySchema } from '#app/modules/applications/schemas.ts'
import { applicationStatuses } from '#app/modules/applications/transitions.ts'
import { eventKinds, eventListQuerySchema, registerApiSchema, registrationStatuses } from '#app/modules/events/schemas.ts'
import { gapFilterSchema, limitQuerySchema } from '#app/modules/matching/schemas.ts'
import { apiRoleCreateSchema, apiRolePatchSchema, roleKinds, roleStatuses, workModes } from '#app/modules/roles/schemas.ts'
import { roleSearchSchema } from '#app/modules/search/schemas.ts'
import { credentialKinds, issueRequestSchema, verifyCredentialRequestSchema, verifyPresentationRequestSchema } from '#app/modules/credentials/schemas.ts'
import { TIME_ZONE } from '#app/lib/time.ts'

// Adds `.openapi()` to zod's prototype; the generator needs it to name components.
extendZodWithOpenApi(z)

const registry = new OpenAPIRegistry()
registry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  description: 'An API token from account settings or `npm run cli -- token create`.',
})

// ─── Shapes of answers ──────────────────────────────────────────────────────
const key = z.string().nullable().openapi({ description: 'External key of the import format; null for records that were not imported.' })
const Text = registry.register(
  'Text',
  z.object({ zh: z.string().optional(), en: z.string().optional() }).openapi({ description: 'Bilingual text; at least one language is present.' }),
)
const Range = registry.register('Range', z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }))
const Level = registry.register('Level', z.number().int().min(1).max(5).openapi({ description: '1 heard of it, 2 basic, 3 working, 4 strong, 5 can teach it' }))
const RoleKind = registry.register('RoleKind', z.enum(roleKinds))
const WorkMode = registry.register('WorkMode', z.enum(workModes))

const RoleHit = registry.register(
  'RoleHit',
  z.object({
    id: z.string(),
    key,
    title: Text,
    company: z.object({
      id: z.string(),
      key,
      name: Text,
      parkIncubated: z.boolean().openapi({ description: 'Incubated in the regional blockchain park, as verified by an admin.' }),
      licenceVerifiedOn: z
        .string()
        .nullable()
        .openapi({ format: 'date', description: `The day an admin verified the business licence (${TIME_ZONE}), or null.` }),
    }),
    kind: RoleKind,
    city: z.string().openapi({ description: 'A known Guangxi city key (e.g. `nanning`) or the city as written.' }),
    workMode: WorkMode,
    stipendMonthly: Range,
    skills: z.array(z.object({ skill: z.string(), level: Level, required: z.boolean() })),
    deadline: z.string().openapi({ format: 'date', description: `Applications close at the end of this day (23:59:59.999), ${TIME_ZONE}.` }),
  }),
)
const Role = registry.register(
  'Role',
  RoleHit.extend({
    description: Text,
    daysPerWeek: z.number().int(),
    durationMonths: z.number().int(),
    languages: z.array(z.string()),
    openings: z.number().int(),
    status: z.enum(roleStatuses),
    review: z
      .object({ state: z.enum(['none', 'pending', 'approved', 'rejected']), reasons: z.array(z.enum(['contact', 'stipend'])), note: z.string().nullable() })
      .optional()
      .openapi({
        description:
          'For the role’s company only: an admin’s review before publication (pending = “in review”, saved as a draft), with the reasons and a rejection’s note.',
      }),
  }),
)
const Event = registry.register(
  'Event',
  z.object({
    id: z.string(),
    key,
    kind: z.enum(eventKinds),
    title: Text,
    startsAt: z.string().datetime({ offset: true }),
    endsAt: z.string().datetime({ offset: true }),
    capacity: z.number().int().nullable().openapi({ description: 'Null means unlimited; for a contest, teams.' }),
    confirmedCount: z.number().int(),
    waitlistCount: z.number().int(),
    registrationOpen: z.boolean(),
  }),
)
const Problem = registry.register(
  'Problem',
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
)
const reasons = z.array(z.object({ kind: z.string(), text: z.string() }))
const courseRef = z.object({ id: z.string(), key, title: Text })
const items = <T extends ZodTypeAny>(item: T) => z.object({ items: z.array(item) })
const VerifiableDocument = registry.register(
  'VerifiableCredential',
  z.object({ '@context': z.array(z.unknown()), type: z.array(z.string()), proof: z.object({}).passthrough() }).passthrough(),
)
const VerificationResult = registry.register(
  'VerificationResult',
  z.object({
    verified: z.boolean(),
    checks: z
      .array(z.string())
      .openapi({ description: 'Checks that passed: dataModel, jsonLd, proof, validity, status, issuer (holderProof for presentations).' }),
    warnings: z.array(z.object({ check: z.string(), path: z.string().optional(), message: z.string() })),
    errors: z.array(z.object({ check: z.string(), path: z.string().optional(), message: z.string() })),
  }),
)

// ─── Operations ─────────────────────────────────────────────────────────────
const idParams = z.object({
  id: z.string().openapi({ description: 'The record id, or `key:KEY` (the import format key); for a student, also `me`.' }),
})
const problemReply = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } })
const problems = {
  400: problemReply('Malformed input (with `errors`).'),
  401: problemReply('No valid token.'),
  403: problemReply('The token’s user may not do this, or the token lacks the scope (named in the answer).'),
  404: problemReply('Does not exist, or may not be seen.'),
  413: problemReply('The body is larger than the limit.'),
  422: problemReply('Input breaks a rule (with `errors[].path`).'),
  429: problemReply('Too many requests; see Retry-After.'),
}
const conflict = { 409: problemReply('Conflicts with an existing record (which is included).') }
const ok = (schema: ZodTypeAny, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
const jsonBody = (schema: ZodTypeAny, required = true) => ({ required, content: { 'application/json': { schema } } })
const bearer = [{ bearer: [] }]

const operations: RouteConfig[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Health of the app and its services',
    responses: {
      200: ok(z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'down']), search: z.enum(['ok', 'down']) })),
      503: { description: 'The database is unreachable (`db: "down"`).' },
    },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Whether this instance should get traffic: its matching index is built and its background jobs run',
    responses: {
      200: ok(
        z.object({
          ready: z.literal(true),
          matchingIndex: z.object({ built: z.literal(true) }).passthrough(),
          backgroundJobs: z.object({ enabled: z.boolean(), running: z.boolean() }),
        }),
      ),
      503: { description: 'Not ready yet (`ready: false`); the answer says what is missing.' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/roles',
    summary: 'Search published roles whose deadline has not passed',
    description:
      '`q` is Chinese or English, typo tolerant; skill aliases and both city names match. Repeat `city`, `skill`, `kind`, `workMode`, `company` and `days` for several values; all listed skills must match. `sort=recommended` orders a student’s 200 best-matching open roles by score (relevance for anyone else).',
    request: { query: roleSearchSchema },
    responses: {
      200: ok(
        z.object({
          hits: z.array(RoleHit),
          total: z.number().int(),
          page: z.number().int(),
          perPage: z.number().int(),
          facets: z.record(z.record(z.number().int())).openapi({ description: 'Value → count per facet: city, skill, kind and workMode.' }),
          degraded: z.boolean().openapi({ description: 'True when the answer came from the database fallback.' }),
        }),
      ),
      400: problems[400],
      429: problems[429],
    },
  },
  {
    method: 'post',
    path: '/api/v1/roles',
    summary: 'Post a role (a member of a verified company)',
    security: bearer,
    request: { body: jsonBody(apiRoleCreateSchema) },
    responses: { 201: ok(Role, 'Created'), ...problems, ...conflict },
  },
  { method: 'get', path: '/api/v1/roles/{id}', summary: 'One role', request: { params: idParams }, responses: { 200: ok(Role), 404: problems[404] } },
  {
    method: 'patch',
    path: '/api/v1/roles/{id}',
    summary: 'Change a role (a member of its company)',
    security: bearer,
    request: { params: idParams, body: jsonBody(apiRolePatchSchema) },
    responses: { 200: ok(Role), ...problems, ...conflict },
  },
  {
    method: 'get',
    path: '/api/v1/students/{id}/recommendations',
    summary: 'Roles recommended for a student (the student, or an admin)',
    security: bearer,
    request: { params: idParams, query: limitQuerySchema },
    responses: {
      200: ok(
        items(
          z.object({
            role: RoleHit,
            score: z.number().min(0).max(100),
            reasons,
            missing: z.array(z.object({ skill: z.string(), level: Level, courses: z.array(courseRef) })),
          }),
        ),
      ),
      ...problems,
    },
  },
  {
    method: 'get',
    path: '/api/v1/roles/{id}/candidates',
    summary: 'Discoverable students ranked for a role (its company’s members, or an admin)',
    security: bearer,
    request: { params: idParams, query: limitQuerySchema },
    responses: {
      200: ok(items(z.object({ student: z.object({ id: z.string(), key, name: z.string(), university: Text.nullable() }), score: z.number(), reasons }))),
      ...problems,
    },
  },
  {
    method: 'get',
    path: '/api/v1/universities/{id}/skill-gap',
    summary: 'Skills firms demand that the university’s courses do not supply (its staff, or an admin)',
    security: bearer,
    request: { params: idParams, query: gapFilterSchema },
    responses: {
      200: ok(items(z.object({ skill: z.string(), name: Text, demand: z.number(), supply: z.number(), taughtBy: z.array(courseRef) }))),
      ...problems,
    },
  },
  {
    method: 'post',
    path: '/api/v1/roles/{id}/applications',
    summary: 'Apply for a role (a student with a verified e-mail address)',
    security: bearer,
    request: { params: idParams, body: jsonBody(apiApplySchema, false) },
    responses: { 201: ok(z.object({ id: z.string(), status: z.literal('submitted') }), 'Created'), ...problems, ...conflict },
  },
  {
    method: 'get',
    path: '/api/v1/applications',
    summary: 'Applications: a student’s own; a company member’s for one role (`role`) or for all of their companies’ roles',
    security: bearer,
    request: { query: applicationListQuerySchema },
    responses: {
      200: ok(
        items(
          z.object({
            id: z.string(),
            status: z.enum(applicationStatuses),
            note: z.string().nullable(),
            createdAt: z.string().datetime(),
            updatedAt: z.string().datetime(),
            noResponse: z.boolean().openapi({ description: 'The company has not acted for 14 days.' }),
            role: z.object({ id: z.string(), key, title: Text }),
            student: z.object({ id: z.string(), name: z.string().nullable() }).nullable().openapi({
              description:
                'Null (and `note` null) for a company once the role has been closed for RETENTION_DAYS (default 180): the application is anonymised for it.',
            }),
            credentials: z.array(z.object({ id: z.string(), title: Text, issuer: Text, status: z.enum(['active', 'revoked']) })).openapi({
              description: 'Credentials the student attached, with their issuer and whether they are revoked (empty once anonymised for the company).',
            }),
          }),
        ),
      ),
      ...problems,
    },
  },
  {
    method: 'patch',
    path: '/api/v1/applications/{id}',
    summary: 'Move an application (the role’s company)',
    security: bearer,
    request: { params: idParams, body: jsonBody(apiStatusSchema) },
    responses: { 200: ok(z.object({ id: z.string(), status: z.enum(applicationStatuses) })), ...problems },
  },
  {
    method: 'get',
    path: '/api/v1/events',
    summary: 'Published events that have not ended, soonest first',
    request: { query: eventListQuerySchema },
    responses: {
      200: ok(z.object({ items: z.array(Event), total: z.number().int(), page: z.number().int(), perPage: z.number().int() })),
      400: problems[400],
    },
  },
  { method: 'get', path: '/api/v1/events/{id}', summary: 'One event', request: { params: idParams }, responses: { 200: ok(Event), 404: problems[404] } },
  {
    method: 'post',
    path: '/api/v1/events/{id}/registrations',
    summary: 'Register for an event (a student with a verified e-mail address)',
    security: bearer,
    request: { params: idParams, body: jsonBody(registerApiSchema, false) },
    responses: { 201: ok(z.object({ id: z.string(), status: z.enum(registrationStatuses) }), 'Created'), ...problems, ...conflict },
  },
  {
    method: 'get',
    path: '/api/v1/events/{id}/registrations',
    summary: 'Registrations of an event (its organizers, or an admin)',
    security: bearer,
    request: { params: idParams },
    responses: {
      200: ok(items(z.object({ id: z.string(), status: z.enum(registrationStatuses), student: z.object({}).passthrough(), createdAt: z.string().datetime() }))),
      ...problems,
    },
  },
  {
    method: 'delete',
    path: '/api/v1/events/{id}/registrations/me',
    summary: 'Cancel one’s registration; the first waitlisted registration is promoted',
    security: bearer,
    request: { params: idParams },
    responses: { 200: ok(z.object({ status: z.literal('cancelled') })), ...problems },
  },
  // ─── Verifiable credentials (W3C CCG VC API) ───
  {
    method: 'get',
    path: '/api/vc/issuers',
    summary: 'The public registry of Lianqiao credential issuers and their DIDs',
    responses: {
      200: ok(
        z.array(
          z.object({
            id: z.string().openapi({ description: 'The current did:key' }),
            name: Text,
            kind: z.enum(['platform', 'university', 'company', 'organizer']),
            dids: z.array(z.string()).openapi({ description: 'Every key the issuer has had, newest first; retired keys still verify what they signed.' }),
          }),
        ),
      ),
    },
  },
  {
    method: 'post',
    path: '/api/vc/credentials/issue',
    summary: 'Sign a VC 2.0 credential as the issuer it names (token scope credentials:issue)',
    description:
      'The issuer is never rewritten: one the token’s user may not sign for is refused. A BitstringStatusListEntry and a DataIntegrityProof (eddsa-rdfc-2022) are added; nothing else changes.',
    security: bearer,
    request: { body: jsonBody(issueRequestSchema) },
    responses: { 201: ok(z.object({ verifiableCredential: VerifiableDocument }), 'Created'), ...problems, ...conflict },
  },
  {
    method: 'post',
    path: '/api/vc/credentials/verify',
    summary: 'Verify a credential (VC 2.0 or 1.1): data model, contexts in safe mode, proof, validity, status',
    request: { body: jsonBody(verifyCredentialRequestSchema) },
    responses: {
      200: ok(VerificationResult),
      400: ok(VerificationResult, 'Not a readable credential (verified: false)'),
      413: problems[413],
      422: ok(VerificationResult, 'Does not verify (verified: false)'),
      429: problems[429],
    },
  },
  {
    method: 'post',
    path: '/api/vc/presentations/verify',
    summary: 'Verify a presentation: the holder’s authentication proof (challenge, domain) and every credential',
    request: { body: jsonBody(verifyPresentationRequestSchema) },
    responses: {
      200: ok(VerificationResult),
      400: ok(VerificationResult, 'Not a readable presentation (verified: false)'),
      413: problems[413],
      422: ok(VerificationResult, 'Does not verify (verified: false)'),
      429: problems[429],
    },
  },
  {
    method: 'get',
    path: '/api/vc/credentials/status/{listId}',
    summary: 'A signed BitstringStatusListCredential (revocation), public',
    request: { params: z.object({ listId: z.string() }) },
    responses: { 200: ok(VerifiableDocument), 404: problems[404] },
  },
  {
    method: 'get',
    path: '/api/v1/students/me/credentials',
    summary: 'The calling student’s credentials (token scope credentials:read)',
    security: bearer,
    responses: {
      200: ok(
        items(z.object({ id: z.string(), kind: z.enum(credentialKinds), status: z.enum(['active', 'revoked']), verifiableCredential: VerifiableDocument })),
      ),
      ...problems,
    },
  },
]
for (const operation of operations) registry.registerPath(operation)

export const openApiDocument = new OpenApiGeneratorV31(registry.definitions).generateDocument({
  openapi: '3.1.0',
  info: {
    title: 'Lianqiao 链桥 API',
    version: '1',
    description:
      'JSON in and out, UTF-8; times ISO 8601 with offset. Errors are application/problem+json. A token acts as its user, within its scopes. Wherever a path takes {id}, `key:KEY` works too.',
  },
  servers: [{ url: '/' }],
})

/** The documented answer schema of an operation, for tests that check real answers against it. */
export function documentedAnswer(method: RouteConfig['method'], path: string, status: number): ZodTypeAny | null {
  const operation = operations.find((o) => o.method === method && o.path === path)
  const answer = operation?.responses[status]
  const schema = answer && 'content' in answer ? answer.content?.['application/json']?.schema : undefined
  return schema instanceof z.ZodType ? schema : null
}
