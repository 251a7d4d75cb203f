// Reading an uploaded file or a confirmed payload from a staff form, and translating row
// problems for display.
import { data } from '@remix-run/node'
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { decodeUpload, type RowProblem } from '#app/modules/universities/catalogue.server.ts'
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

export type UploadResult<Done, Preview> = { done: Done | null; preview: Preview | null; problems: Array<{ row: string; text: string }> }

/**
 * The two steps of a staff upload form: `intent=confirm` writes the signed payload with
 * `apply`; anything else decodes the file and shows `preview`'s rows and problems (422
 * when there are any, so nothing is confirmed by mistake).
 */
export async function previewOrApply<Done, Preview extends { problems: RowProblem[] }>(
  formData: FormData,
  locale: Locale,
  steps: { apply: (payload: string, signature: string) => Promise<Done>; preview: (text: string) => Promise<Preview> },
) {
  const empty: UploadResult<Done, Preview> = { done: null, preview: null, problems: [] }
  if (formData.get('intent') === 'confirm') {
    // A refused confirmation (a stale or forged payload) is the page wrapper's `error`.
    const { payload, signature } = confirmedPayload(formData)
    return data({ ...empty, done: await steps.apply(payload, signature) })
  }
  const decoded = decodeUpload(await uploadedBytes(formData))
  if ('problem' in decoded) return data({ ...empty, problems: problemTexts(locale, [decoded.problem]) }, { status: 422 })
  const preview = await steps.preview(lfOnly(decoded.text))
  return data({ ...empty, preview, problems: problemTexts(locale, preview.problems) }, { status: preview.problems.length > 0 ? 422 : 200 })
}
