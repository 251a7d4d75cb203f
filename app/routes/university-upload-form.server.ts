// Reading an uploaded file or a confirmed payload from a staff form, and translating row
// problems for display.
import { parseWithZod } from '@conform-to/zod'
import { data } from '@remix-run/node'
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { decodeUpload, type RowProblem } from '#app/modules/universities/catalogue.server.ts'
import { SKILL_SEARCH_PARAM } from '#app/modules/skills/schemas.ts'
import { searchSkills, type SkillChoice } from '#app/modules/skills/skills.server.ts'
import { replaceSkillSchema, type ReplaceSkillInput } from '#app/modules/universities/schemas.ts'
import { MAX_UPLOAD_BYTES } from '#app/lib/upload-limits.ts'

async function uploadedBytes(formData: FormData): Promise<Uint8Array> {
  const file = formData.get('file')
  if (!file || typeof file === 'string') return new Uint8Array()
  if (file.size > MAX_UPLOAD_BYTES) return new Uint8Array(MAX_UPLOAD_BYTES + 1)
  return new Uint8Array(await file.arrayBuffer())
}

/**
 * A browser posting the preview's hidden payload without JavaScript turns every line break
 * into CRLF, so the text is previewed, signed and confirmed with LF line breaks only.
 */
const lfOnly = (text: string) => text.replace(/\r\n?/g, '\n')

function confirmedPayload(formData: FormData) {
  return { payload: lfOnly(String(formData.get('payload') ?? '')), signature: String(formData.get('signature') ?? '') }
}

function problemTexts(locale: Locale, problems: RowProblem[]) {
  return problems.map((p) => ({ row: p.row, text: translate(locale, p.key, p.params) }))
}

export type UploadResult<Done, Preview> = {
  done: Done | null
  preview: Preview | null
  problems: Array<{ row: string; text: string }>
  /** The skill picker's search without JavaScript, for the unknown key `from`. */
  skillSearch: { from: string; query: string; results: SkillChoice[] } | null
}

/** Replacing an unknown skill key in a previewed draft: `replace` with the picked skill, or `reopen` the draft's preview (after a search). */
type FixSkill<Preview> = {
  replace: (input: ReplaceSkillInput) => Promise<Preview>
  reopen: (draft: { payload: string; signature: string }) => Promise<Preview>
}

/**
 * The two steps of a staff upload form: `intent=confirm` writes the signed payload with
 * `apply`; anything else decodes the file and shows `preview`'s rows and problems (422
 * when there are any, so nothing is confirmed by mistake).
 */
export async function previewOrApply<Done, Preview extends { problems: RowProblem[] }>(
  formData: FormData,
  locale: Locale,
  steps: { apply: (payload: string, signature: string) => Promise<Done>; preview: (text: string) => Promise<Preview>; fixSkill?: FixSkill<Preview> },
) {
  const empty: UploadResult<Done, Preview> = { done: null, preview: null, problems: [], skillSearch: null }
  const intent = formData.get('intent')
  if ((intent === 'replace-skill' || intent === 'find-skill') && steps.fixSkill) {
    const draft = confirmedPayload(formData)
    const submission = intent === 'replace-skill' ? parseWithZod(formData, { schema: replaceSkillSchema }) : null
    const preview = submission?.status === 'success' ? await steps.fixSkill.replace({ ...submission.value, ...draft }) : await steps.fixSkill.reopen(draft)
    const query = String(formData.get(SKILL_SEARCH_PARAM) ?? '').slice(0, 100)
    const skillSearch = { from: String(formData.get('from') ?? ''), query, results: intent === 'find-skill' && query ? await searchSkills(query, locale) : [] }
    const notPicked = submission && submission.status !== 'success' ? [{ row: '-', text: translate(locale, 'universities.pickOneSkill') }] : []
    const problems = [...notPicked, ...problemTexts(locale, preview.problems)]
    return data({ ...empty, preview, problems, skillSearch }, { status: problems.length > 0 ? 422 : 200 })
  }
  if (intent === 'confirm') {
    // A refused confirmation (a stale or forged payload) is the page wrapper's `error`.
    const { payload, signature } = confirmedPayload(formData)
    return data({ ...empty, done: await steps.apply(payload, signature) })
  }
  const decoded = decodeUpload(await uploadedBytes(formData))
  if ('problem' in decoded) return data({ ...empty, problems: problemTexts(locale, [decoded.problem]) }, { status: 422 })
  const preview = await steps.preview(lfOnly(decoded.text))
  return data({ ...empty, preview, problems: problemTexts(locale, preview.problems) }, { status: preview.problems.length > 0 ? 422 : 200 })
}
