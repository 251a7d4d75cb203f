// Reading an upload form as it streams: each file is kept only up to one byte past its own
// limit (enough for the service's size check to name the field) and the rest is skipped, so
// a large file never sits whole in memory. The body as a whole is already bounded by
// `bodyLimits`; a form that is not multipart is read as usual.
import { unstable_parseMultipartFormData, type UploadHandlerPart } from '@remix-run/node'
import { translate } from '#app/i18n/translate.ts'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { FORM_BODY_LIMIT, formatBytes, isBodyTooLarge } from './body-limit.server.ts'
import type { FileLimits } from './upload-limits.ts'

/** A 413 for a page, in the reader's language (the error boundary shows the text). */
export function payloadTooLarge(request: Request, max: number, field?: string): Response {
  const locale = requestLocale(request)
  const text = field
    ? translate(locale, 'limits.fieldTooLarge', { field, max: formatBytes(max) })
    : translate(locale, 'limits.tooLarge', { max: formatBytes(max) })
  return new Response(text, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

function malformedForm(request: Request): Response {
  return new Response(translate(requestLocale(request), 'limits.malformedForm'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}

async function readPart(part: UploadHandlerPart, keep: number, onOverflow: () => void): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  let kept = 0
  for await (const chunk of part.data) {
    if (kept >= keep) continue
    const room = keep - kept
    chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk)
    kept += Math.min(chunk.byteLength, room)
    if (kept >= keep) onOverflow()
  }
  return chunks
}

export async function readUploadForm(request: Request, files: FileLimits): Promise<FormData> {
  const multipart = /^multipart\/form-data/i.test(request.headers.get('Content-Type') ?? '')
  try {
    if (!multipart) return await request.formData()
    return await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) {
        const chunks = await readPart(part, FORM_BODY_LIMIT + 1, () => {
          throw payloadTooLarge(request, FORM_BODY_LIMIT, part.name)
        })
        return new TextDecoder().decode(Buffer.concat(chunks))
      }
      const limit = files[part.name]
      if (!limit) {
        // A file this page does not take: skipped unread.
        await readPart(part, 0, () => undefined)
        return undefined
      }
      return new File([Buffer.concat(await readPart(part, limit.maxBytes + 1, () => undefined))], part.filename, { type: part.contentType })
    })
  } catch (error) {
    if (error instanceof Response) throw error
    if (isBodyTooLarge(error)) throw payloadTooLarge(request, FORM_BODY_LIMIT)
    throw malformedForm(request)
  }
}
