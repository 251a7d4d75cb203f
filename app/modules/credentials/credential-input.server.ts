// A credential as a form brings it, to /verify and to the student's import: an uploaded
// file (when one is chosen) or pasted JSON, within the verify upload's limit.
import { VERIFY_MAX_BYTES } from '#app/lib/upload-limits.ts'

type InputProblem = 'credentials.verify.tooLarge' | 'credentials.verify.empty' | 'credentials.verify.notJson'

/** `pasted` is the schema-checked text field; the file part is read from the form as it came. */
export async function credentialFromForm(formData: FormData, pasted: string | undefined): Promise<{ credential: unknown } | { problem: InputProblem }> {
  const file = formData.get('file')
  const text = file instanceof Blob && file.size > 0 ? (file.size > VERIFY_MAX_BYTES ? null : await file.text()) : (pasted ?? '')
  if (text === null) return { problem: 'credentials.verify.tooLarge' }
  if (text.trim() === '') return { problem: 'credentials.verify.empty' }
  try {
    return { credential: JSON.parse(text) as unknown }
  } catch {
    return { problem: 'credentials.verify.notJson' }
  }
}
