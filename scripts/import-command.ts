// `npm run import -- FILE.json [--lang zh-CN]` and `--demo-if-empty` (used by `npm start`):
// validates the whole file, prints every problem as `path: message`, writes all or nothing.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { locales } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { hasUniversities, importDocument, type ImportCounts } from '#app/modules/import/import.server.ts'
import { parseCommandLine, type Io } from './args.ts'
import { projectRoot } from './paths.ts'

export const demoFile = path.join(projectRoot, 'scripts/demo-data/demo.json')

const USAGE = `usage: npm run import -- FILE.json [--lang zh-CN|en]
       npm run import -- --demo-if-empty`

const argsSchema = z
  .object({
    positionals: z.array(z.string().min(1)).max(1),
    'demo-if-empty': z.boolean().default(false),
    lang: z.enum(locales).default('en'),
  })
  .superRefine((v, ctx) => {
    if (v.positionals.length === 0 && !v['demo-if-empty']) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['positionals'], message: 'give the file to import' })
    }
    if (v.positionals.length > 0 && v['demo-if-empty']) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['positionals'], message: 'give a file or --demo-if-empty, not both' })
    }
  })
  .transform((v) => ({ file: v.positionals[0], demo: v['demo-if-empty'], locale: v.lang }))

const summary = (counts: ImportCounts) =>
  Object.entries(counts)
    .map(([section, c]) => `${section} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`)
    .join('; ')

export async function runImportCommand(argv: string[], io: Io): Promise<number> {
  const args = parseCommandLine(argv, { 'demo-if-empty': { type: 'boolean' }, lang: { type: 'string' } }, argsSchema)
  if (!args.ok) {
    for (const error of args.errors) io.err(error)
    io.err(USAGE)
    return 2
  }
  const { demo, locale } = args.data
  if (demo && (await hasUniversities())) {
    io.out('Demo data: skipped, the database already has data.')
    return 0
  }
  // npm runs scripts from the project root; a relative path means the caller's folder.
  const file = demo ? demoFile : path.resolve(process.env.INIT_CWD ?? process.cwd(), args.data.file!)

  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    io.err(`${file}: ${error instanceof SyntaxError ? translate(locale, 'import.invalidJson', { detail }) : detail}`)
    return 1
  }

  const started = performance.now()
  const result = await importDocument(raw, locale)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (!result.ok) {
    for (const problem of result.problems) io.err(`${problem.path || '(document)'}: ${problem.message}`)
    io.err(`${result.problems.length} problem(s) in ${file}; nothing was imported.`)
    return 1
  }
  if (demo) {
    io.out(`Demo data imported in ${seconds} s: ${summary(result.counts)}.`)
    return 0
  }
  for (const [section, c] of Object.entries(result.counts)) {
    io.out(`${section}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`)
  }
  io.out(`Imported ${path.relative(process.cwd(), file) || file} in ${seconds} s.`)
  return 0
}
