// Command-line arguments for the operator scripts: `--flag value` options and positionals,
// checked by a zod schema so mistakes get the same clear messages as forms.
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { errorMapFor } from '#app/i18n/validation.ts'

export type Io = { out: (line: string) => void; err: (line: string) => void }
export const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) }

/** A mistake in a command line: the CLI prints these and the usage, and exits with 2. */
export class UsageError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'))
  }
}

type Flags = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>

/** `schema` receives the flags by name and the positionals as `positionals`. */
export function parseCommandLine<S extends z.ZodTypeAny>(
  argv: string[],
  flags: Flags,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; errors: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] }
  try {
    parsed = parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true })
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] }
  }
  const result = schema.safeParse({ ...parsed.values, positionals: parsed.positionals }, { errorMap: errorMapFor('en') })
  if (result.success) return { ok: true, data: result.data }
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const [first, ...rest] = issue.path
      const where = first === 'positionals' ? 'arguments' : first === undefined ? 'arguments' : `--${[first, ...rest].join('.')}`
      return `${where}: ${issue.message}`
    }),
  }
}

/** The parsed command line, or a UsageError (the CLI prints it with the usage). */
export function parseCommand<S extends z.ZodTypeAny>(argv: string[], flags: Flags, schema: S): z.output<S> {
  const result = parseCommandLine(argv, flags, schema)
  if (!result.ok) throw new UsageError(result.errors)
  return result.data
}
