// The OpenAPI 3.1 description of /api/v1 (docs/api-v1.md), as a typed object so it is
// checked by the compiler and served as-is at /api/v1/openapi.json.

type Schema = { [key: string]: unknown }
type Operation = {
  summary: string
  description?: string
  security?: Array<Record<string, string[]>>
  parameters?: Schema[]
  requestBody?: Schema
  responses: Record<string, Schema>
}
type OpenApiDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: Array<{ url: string }>
  components: { securitySchemes: Record<string, Schema>; schemas: Record<string, Schema>; responses: Record<string, Schema> }
  paths: Record<string, Partial<Record<'get' | 'post' | 'patch' | 'delete', Operation>>>
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const problemRef = (name: string) => ({ $ref: `#/components/responses/${name}` })
const jsonBody = (schema: Schema, description = 'OK') => ({ description, content: { 'application/json': { schema } } })
/** A list response: `{ items: [item…] }`. */
const itemsBody = (item: Schema) => jsonBody({ type: 'object', properties: { items: { type: 'array', items: item } } })
const bearer = [{ bearer: [] }]
const idParam: Schema = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The record id, or `key:KEY` (the import format key); for a student, also `me`.',
  schema: { type: 'string' },
}
const limitParam = (max: number, dflt: number): Schema => ({ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: max, default: dflt } })
const errors = { '400': problemRef('BadRequest'), '401': problemRef('Unauthorized'), '403': problemRef('Forbidden'), '404': problemRef('NotFound'), '422': problemRef('Unprocessable'), '429': problemRef('RateLimited') }
const text = ref('Text')
const key = { type: ['string', 'null'], description: 'External key of the import format; null for records that were not imported.' }

const roleHit: Schema = {
  type: 'object',
  required: ['id', 'key', 'title', 'company', 'kind', 'city', 'workMode', 'stipendMonthly', 'skills', 'deadline'],
  properties: {
    id: { type: 'string' },
    key,
    title: text,
    company: {
      type: 'object',
      required: ['id', 'key', 'name', 'parkIncubated'],
      properties: {
        id: { type: 'string' },
        key,
        name: text,
        parkIncubated: { type: 'boolean', description: 'Incubated in the regional blockchain park, as verified by an admin.' },
        licenceVerifiedOn: { type: ['string', 'null'], format: 'date', description: 'The day an admin verified the business licence (Asia/Shanghai), or null.' },
      },
    },
    kind: ref('RoleKind'),
    city: { type: 'string', description: 'A known Guangxi city key (e.g. `nanning`) or the city as written.' },
    workMode: ref('WorkMode'),
    stipendMonthly: ref('Range'),
    skills: { type: 'array', items: { type: 'object', required: ['skill', 'level', 'required'], properties: { skill: { type: 'string' }, level: ref('Level'), required: { type: 'boolean' } } } },
    deadline: { type: 'string', format: 'date', description: 'Applications close at the end of this day, Asia/Shanghai.' },
  },
}

const roleInput: Schema = {
  type: 'object',
  additionalProperties: false,
  description: 'A Role of the import format (docs/import-format.md).',
  required: ['title', 'description', 'kind', 'city', 'workMode', 'stipendMonthly', 'daysPerWeek', 'durationMonths', 'skills', 'openings', 'deadline'],
  properties: {
    key: { type: 'string', pattern: '^[a-z0-9._-]{1,100}$' },
    company: { type: 'string', description: 'Company key; optional when the user belongs to one company.' },
    title: text,
    description: { ...text, description: 'Markdown.' },
    kind: ref('RoleKind'),
    city: { type: 'string' },
    workMode: ref('WorkMode'),
    stipendMonthly: ref('Range'),
    daysPerWeek: { type: 'integer', minimum: 1, maximum: 7 },
    durationMonths: { type: 'integer', minimum: 1, maximum: 24 },
    skills: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['skill', 'level', 'required'], properties: { skill: { type: 'string' }, level: ref('Level'), required: { type: 'boolean' } } } },
    languages: { type: 'array', items: { type: 'string', pattern: '^[a-z]{2}$' } },
    openings: { type: 'integer', minimum: 1 },
    deadline: { type: 'string', description: 'ISO 8601 date or date-time; without a zone, Asia/Shanghai.' },
    status: { enum: ['draft', 'published', 'closed'], default: 'draft' },
  },
}

const reasons = {
  type: 'array',
  items: { type: 'object', required: ['kind', 'text'], properties: { kind: { enum: ['skill', 'course', 'city', 'workMode', 'availability', 'language'] }, text: { type: 'string' } } },
}
const courseRef = { type: 'object', required: ['id', 'key', 'title'], properties: { id: { type: 'string' }, key, title: text } }
const event: Schema = {
  type: 'object',
  required: ['id', 'key', 'kind', 'title', 'startsAt', 'endsAt', 'capacity', 'confirmedCount', 'waitlistCount', 'registrationOpen'],
  properties: {
    id: { type: 'string' },
    key,
    kind: { enum: ['contest', 'lecture', 'roadshow', 'salon', 'seminar', 'fair'] },
    title: text,
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
    capacity: { type: ['integer', 'null'], description: 'Null means unlimited; for a contest, teams.' },
    confirmedCount: { type: 'integer' },
    waitlistCount: { type: 'integer' },
    registrationOpen: { type: 'boolean' },
  },
}

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Lianqiao 链桥 API',
    version: '1',
    description:
      'JSON in and out, UTF-8; times ISO 8601 with offset. Errors are application/problem+json. A token acts as its user. Wherever a path takes {id}, `key:KEY` works too.',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from account settings or `npm run cli -- token create`.' } },
    schemas: {
      Text: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, minProperties: 1 },
      Range: { type: 'object', required: ['min', 'max'], properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } } },
      Level: { type: 'integer', minimum: 1, maximum: 5, description: '1 aware, 2 basic, 3 working, 4 strong, 5 expert' },
      RoleKind: { enum: ['smart-contract-dev', 'app-dev', 'product', 'testing', 'other'] },
      WorkMode: { enum: ['onsite', 'hybrid', 'remote'] },
      RoleHit: roleHit,
      Role: {
        allOf: [
          ref('RoleHit'),
          {
            type: 'object',
            required: ['description', 'daysPerWeek', 'durationMonths', 'languages', 'openings', 'status'],
            properties: {
              description: text,
              daysPerWeek: { type: 'integer' },
              durationMonths: { type: 'integer' },
              languages: { type: 'array', items: { type: 'string' } },
              openings: { type: 'integer' },
              status: { enum: ['draft', 'published', 'closed'] },
            },
          },
        ],
      },
      RoleInput: roleInput,
      Event: event,
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
    responses: Object.fromEntries(
      (
        [
          ['BadRequest', 'Malformed input (with `errors`).'],
          ['Unauthorized', 'No valid token.'],
          ['Forbidden', 'The token’s user may not do this.'],
          ['NotFound', 'Does not exist, or may not be seen.'],
          ['Conflict', 'Conflicts with an existing record (which is included).'],
          ['Unprocessable', 'Input breaks a rule (with `errors[].path`).'],
          ['RateLimited', 'Too many requests; see Retry-After.'],
        ] as const
      ).map(([name, description]) => [name, { description, content: { 'application/problem+json': { schema: ref('Problem') } } }]),
    ),
  },
  paths: {
    '/healthz': {
      get: {
        summary: 'Health of the app and its services',
        responses: {
          '200': jsonBody({ type: 'object', properties: { status: { enum: ['ok', 'degraded'] }, db: { enum: ['ok', 'down'] }, search: { enum: ['ok', 'down'] } } }),
          '503': { description: 'The database is unreachable (`db: "down"`).' },
        },
      },
    },
    '/api/v1/roles': {
      get: {
        summary: 'Search published roles whose deadline has not passed',
        parameters: [
          { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Chinese or English; typo tolerant; skill aliases and both city names match.' },
          { name: 'city', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'Repeatable; either language.' },
          { name: 'skill', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'Skill key, repeatable; all must match.' },
          { name: 'kind', in: 'query', schema: { type: 'array', items: ref('RoleKind') }, style: 'form', explode: true },
          { name: 'workMode', in: 'query', schema: { type: 'array', items: ref('WorkMode') }, style: 'form', explode: true },
          { name: 'company', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: true, description: 'Company id, repeatable.' },
          { name: 'days', in: 'query', schema: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 } }, style: 'form', explode: true, description: 'Days per week, repeatable.' },
          { name: 'minStipend', in: 'query', schema: { type: 'integer', minimum: 0 }, description: 'The stipend range’s minimum is at least this (CNY/month).' },
          { name: 'parkIncubated', in: 'query', schema: { enum: ['true'] } },
          { name: 'licenceVerified', in: 'query', schema: { enum: ['true'] }, description: 'Only companies whose business licence an admin verified.' },
          { name: 'sort', in: 'query', schema: { enum: ['relevance', 'newest', 'deadline', 'stipend'], default: 'relevance' } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'perPage', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: {
          '200': jsonBody({
            type: 'object',
            required: ['hits', 'total', 'page', 'perPage', 'facets', 'degraded'],
            properties: {
              hits: { type: 'array', items: ref('RoleHit') },
              total: { type: 'integer' },
              page: { type: 'integer' },
              perPage: { type: 'integer' },
              facets: {
                type: 'object',
                required: ['city', 'skill', 'kind', 'workMode'],
                additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
                description: 'Value → count. Also company, parkIncubated, minStipend (cumulative by floor) and daysPerWeek.',
              },
              degraded: { type: 'boolean', description: 'True when the answer came from the database fallback.' },
            },
          }),
          '400': errors['400'],
          '429': errors['429'],
        },
      },
      post: {
        summary: 'Post a role (a member of the company)',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: ref('RoleInput') } } },
        responses: { '201': jsonBody(ref('Role'), 'Created'), ...errors, '409': problemRef('Conflict') },
      },
    },
    '/api/v1/roles/{id}': {
      get: { summary: 'One role', parameters: [idParam], responses: { '200': jsonBody(ref('Role')), '404': errors['404'] } },
      patch: {
        summary: 'Change a role (a member of its company)',
        security: bearer,
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema: { ...roleInput, required: [], description: 'Any Role fields except company.' } } } },
        responses: { '200': jsonBody(ref('Role')), ...errors, '409': problemRef('Conflict') },
      },
    },
    '/api/v1/students/{id}/recommendations': {
      get: {
        summary: 'Roles recommended for a student (the student, or an admin)',
        security: bearer,
        parameters: [idParam, limitParam(50, 10)],
        responses: {
          '200': itemsBody({
            type: 'object',
            required: ['role', 'score', 'reasons', 'missing'],
            properties: {
              role: ref('RoleHit'),
              score: { type: 'number', minimum: 0, maximum: 100 },
              reasons,
              missing: { type: 'array', items: { type: 'object', properties: { skill: { type: 'string' }, level: ref('Level'), courses: { type: 'array', items: courseRef } } } },
            },
          }),
          ...errors,
        },
      },
    },
    '/api/v1/roles/{id}/candidates': {
      get: {
        summary: 'Discoverable students ranked for a role (its company’s members, or an admin)',
        security: bearer,
        parameters: [idParam, limitParam(50, 10)],
        responses: {
          '200': itemsBody({
            type: 'object',
            properties: {
              student: { type: 'object', properties: { id: { type: 'string' }, key, name: { type: 'string' }, university: text } },
              score: { type: 'number' },
              reasons,
            },
          }),
          ...errors,
        },
      },
    },
    '/api/v1/universities/{id}/skill-gap': {
      get: {
        summary: 'Skills firms demand that the university’s courses do not supply (its staff, or an admin)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': itemsBody({
            type: 'object',
            properties: { skill: { type: 'string' }, name: text, demand: { type: 'number' }, supply: { type: 'number' }, taughtBy: { type: 'array', items: courseRef } },
          }),
          ...errors,
        },
      },
    },
    '/api/v1/roles/{id}/applications': {
      post: {
        summary: 'Apply for a role (a student)',
        security: bearer,
        parameters: [idParam],
        requestBody: { content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { note: { type: 'string' } } } } } },
        responses: {
          '201': jsonBody({ type: 'object', properties: { id: { type: 'string' }, status: { const: 'submitted' } } }, 'Created'),
          '409': problemRef('Conflict'),
          ...errors,
        },
      },
    },
    '/api/v1/applications/{id}': {
      patch: {
        summary: 'Move an application (the role’s company)',
        security: bearer,
        parameters: [idParam],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { enum: ['submitted', 'reviewing', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn'] } } } } },
        },
        responses: { '200': jsonBody({ type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } }), ...errors },
      },
    },
    '/api/v1/events': {
      get: {
        summary: 'Published events that have not ended, soonest first',
        parameters: [
          { name: 'kind', in: 'query', schema: { enum: ['contest', 'lecture', 'roadshow', 'salon', 'seminar', 'fair'] } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
          { name: 'perPage', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        ],
        responses: {
          '200': jsonBody({
            type: 'object',
            properties: { items: { type: 'array', items: ref('Event') }, total: { type: 'integer' }, page: { type: 'integer' }, perPage: { type: 'integer' } },
          }),
          '400': errors['400'],
        },
      },
    },
    '/api/v1/events/{id}': {
      get: { summary: 'One event', parameters: [idParam], responses: { '200': jsonBody(ref('Event')), '404': errors['404'] } },
    },
    '/api/v1/events/{id}/registrations': {
      post: {
        summary: 'Register for an event (a student)',
        security: bearer,
        parameters: [idParam],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { answers: { type: 'object', additionalProperties: { type: 'string' } }, teamId: { type: 'string', description: 'For a contest: the captain’s team.' }, acceptRules: { type: 'boolean', description: 'Required when the event has rules.' } } } } } },
        responses: {
          '201': jsonBody({ type: 'object', properties: { id: { type: 'string' }, status: { enum: ['confirmed', 'waitlisted', 'pending'] } } }, 'Created'),
          '409': problemRef('Conflict'),
          ...errors,
        },
      },
      get: {
        summary: 'Registrations of an event (its organizers, or an admin)',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': itemsBody({ type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' }, student: { type: 'object' }, createdAt: { type: 'string', format: 'date-time' } } }),
          ...errors,
        },
      },
    },
    '/api/v1/events/{id}/registrations/me': {
      delete: {
        summary: 'Cancel one’s registration; the first waitlisted registration is promoted',
        security: bearer,
        parameters: [idParam],
        responses: { '200': jsonBody({ type: 'object', properties: { status: { const: 'cancelled' } } }), ...errors },
      },
    },
  },
}
