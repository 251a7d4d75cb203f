// `npm run cli -- …`: operator commands that have no page (yet). Each command's arguments
// are checked by zod; a mistake prints the problem and the usage and exits non-zero.
import { z } from 'zod'
import { prisma } from '#app/lib/db.server.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { translate } from '#app/i18n/translate.ts'
import { createUserByOperator, grantRole } from '#app/modules/auth/accounts.server.ts'
import { apiScopes } from '#app/modules/auth/api-scopes.ts'
import { appOrigin } from '#app/modules/mail/queue.server.ts'
import { createApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { createInvitation } from '#app/modules/auth/invitations.server.ts'
import { accountRoles, emailSchema } from '#app/modules/auth/schemas.ts'
import { keySchema } from '#app/modules/import/schema.ts'
import { runSavedSearchDigests } from '#app/modules/saved-searches/saved-searches.server.ts'
import { anonymiseExpiredApplications } from '#app/modules/applications/retention.server.ts'
import { parseCommand, UsageError, type Io } from './args.ts'
import { CREDENTIAL_USAGE, credentialCommands } from './credential-commands.ts'
import { OPS_USAGE, opsCommands } from './ops-commands.ts'

export const USAGE = `usage: npm run cli -- COMMAND
  user create --email E --name N --role ${accountRoles.join('|')} [--company KEY | --university KEY]
                                           prints a single-use password-setting link on its last line
  user promote --email E --role ${accountRoles.join('|')}
  token create --email E [--name N] [--scope S]…  prints the API token alone on its last line
                                           (S: ${apiScopes.join('|')}; default: all the user's roles allow)
  invite create --kind university_staff --university KEY [--email E]
  invite create --kind company_member --company KEY [--email E]
  invite create --kind organizer [--email E]
  jobs run saved-search-digest             runs the daily job now
  jobs run application-retention           anonymises applications to roles closed over RETENTION_DAYS ago, now
${OPS_USAGE}
${CREDENTIAL_USAGE}`

const noPositionals = z.array(z.string()).max(0)

const promoteSchema = z.object({ positionals: noPositionals, email: emailSchema, role: z.enum(accountRoles) })

const createUserSchema = z
  .object({
    positionals: noPositionals,
    email: emailSchema,
    name: z.string().trim().min(1).max(100),
    role: z.enum(accountRoles),
    company: keySchema.optional(),
    university: keySchema.optional(),
  })
  .superRefine((v, ctx) => {
    // A company member needs the company, university staff the university; a student may
    // name a university; nobody else belongs to either.
    const allowed: Record<(typeof accountRoles)[number], Array<'company' | 'university'>> = {
      student: ['university'],
      company_member: ['company'],
      university_staff: ['university'],
      organizer: [],
      admin: [],
    }
    const required = v.role === 'company_member' ? 'company' : v.role === 'university_staff' ? 'university' : null
    for (const field of ['company', 'university'] as const) {
      if (field === required && !v[field]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `required for --role ${v.role}` })
      if (v[field] && !allowed[v.role].includes(field)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `not used with --role ${v.role}` })
    }
  })

const tokenSchema = z.object({
  positionals: noPositionals,
  email: emailSchema,
  name: z.string().trim().min(1).max(60).default('cli'),
  scope: z.array(z.enum(apiScopes)).default([]),
})

const inviteSchema = z
  .object({
    positionals: noPositionals,
    kind: z.enum(['university_staff', 'organizer', 'company_member']),
    university: keySchema.optional(),
    company: keySchema.optional(),
    email: emailSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const needs = { university_staff: 'university', company_member: 'company', organizer: null }[v.kind]
    for (const field of ['university', 'company'] as const) {
      if (field === needs && !v[field]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `required for --kind ${v.kind}` })
      }
      if (field !== needs && v[field]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `not used with --kind ${v.kind}` })
      }
    }
  })

// Scheduled jobs an operator may run now instead of waiting for their time.
const jobs = {
  'saved-search-digest': async () => {
    const { sent } = await runSavedSearchDigests()
    return `${sent} digest${sent === 1 ? '' : 's'} sent.`
  },
  'application-retention': async () => {
    const count = await anonymiseExpiredApplications()
    return `${count} application${count === 1 ? '' : 's'} anonymised.`
  },
} satisfies Record<string, () => Promise<string>>

const jobSchema = z.object({ positionals: z.tuple([z.enum(Object.keys(jobs) as [keyof typeof jobs])]) })

const userFlags = { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } as const
const createUserFlags = { ...userFlags, company: { type: 'string' }, university: { type: 'string' } } as const
const inviteFlags = { kind: { type: 'string' }, university: { type: 'string' }, company: { type: 'string' }, email: { type: 'string' } } as const

async function createUser(argv: string[], io: Io) {
  const input = parseCommand(argv, createUserFlags, createUserSchema)
  const result = await createUserByOperator({
    email: input.email,
    name: input.name,
    role: input.role,
    companyKey: input.company,
    universityKey: input.university,
  })
  if (!result.created) {
    io.out(`${input.email} already has an account; nothing was changed.`)
    return
  }
  io.out(`Created ${input.email} (${input.role}), address verified. Send this single-use link to set a password (valid 7 days):`)
  io.out(new URL(result.passwordLink, appOrigin()).toString())
}

async function promote(argv: string[], io: Io) {
  const { email, role } = parseCommand(argv, userFlags, promoteSchema)
  await grantRole(email, role)
  io.out(`${email} now has the role ${role}.`)
}

async function createToken(argv: string[], io: Io) {
  const { email, name, scope } = parseCommand(argv, { ...userFlags, scope: { type: 'string', multiple: true } }, tokenSchema)
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } })
  if (!user) throw new UserFacingError(404, 'auth.noSuchUser', { email })
  const created = await createApiToken(user.id, name, { scopes: scope })
  io.out(`API token "${created.name}" for ${email}, scopes ${created.scopes.join(' ')}, expires ${created.expiresAt.toISOString()} (shown once; store it now):`)
  io.out(created.token)
}

async function invite(argv: string[], io: Io) {
  const input = parseCommand(argv, inviteFlags, inviteSchema)
  let universityId: string | undefined
  let companyId: string | undefined
  if (input.university) {
    const university = await prisma.university.findUnique({ where: { key: input.university }, select: { id: true } })
    if (!university) throw new UserFacingError(404, 'cli.noUniversity', { key: input.university })
    universityId = university.id
  }
  if (input.company) {
    const company = await prisma.company.findUnique({ where: { key: input.company }, select: { id: true } })
    if (!company) throw new UserFacingError(404, 'cli.noCompany', { key: input.company })
    companyId = company.id
  }
  const invitation = await createInvitation({ kind: input.kind, email: input.email, universityId, companyId }, null)
  io.out(`Invitation (${input.kind}${input.email ? ` for ${input.email}` : ''}), valid until ${invitation.expiresAt.toISOString()}:`)
  io.out(new URL(invitation.path, appOrigin()).toString())
}

async function runJob(argv: string[], io: Io) {
  const { positionals } = parseCommand(argv, {}, jobSchema)
  const [name] = positionals
  io.out(`${name}: ${await jobs[name]()}`)
}

const commands: Record<string, (argv: string[], io: Io) => Promise<void>> = {
  'user create': createUser,
  'user promote': promote,
  'token create': createToken,
  'invite create': invite,
  'jobs run': runJob,
  ...opsCommands,
  ...credentialCommands,
}

/** Runs one command; the result is the process exit code (2 for a usage error). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [group, action, ...rest] = argv
  // Most commands are two words ("user promote"); a few are one ("status").
  const paired = commands[`${group} ${action}`]
  const command = paired ?? commands[group ?? '']
  if (!command) {
    io.err(group ? `unknown command: ${[group, action].filter(Boolean).join(' ')}` : 'no command given')
    io.err(USAGE)
    return 2
  }
  try {
    await command(paired ? rest : argv.slice(1), io)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      for (const line of error.errors) io.err(line)
      io.err(USAGE)
      return 2
    }
    if (error instanceof UserFacingError) {
      io.err(translate('en', error.key, error.params))
      return 1
    }
    throw error
  }
}
