// Reading an uploaded file or a confirmed payload from a staff form, and translating row
// problems for display.
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import type { RowProblem } from './catalogue.server.ts'
import { MAX_UPLOAD_BYTES } from './schemas.ts'

export async function uploadedBytes(formData: FormData): Promise<Uint8Array> {
  const file = formData.get('file')
  if (!file || typeof file === 'string') return new Uint8Array()
  if (file.size > MAX_UPLOAD_BYTES) return new Uint8Array(MAX_UPLOAD_BYTES + 1)
  return new Uint8Array(await file.arrayBuffer())
}

export function confirmedPayload(formData: FormData) {
  return { payload: String(formData.get('payload') ?? ''), signature: String(formData.get('signature') ?? '') }
}

export function problemTexts(locale: Locale, problems: RowProblem[]) {
  return problems.map((p) => ({ row: p.row, text: translate(locale, p.key, p.params) }))
}
