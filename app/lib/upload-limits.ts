// Which pages take file uploads, and how large each file may be. The body limit lets a
// multipart body this large through to these pages only (every other form gets 64 KB),
// and `readUploadForm` stops reading a file once it passes its own limit.

/** A company's logo. */
export const LOGO_MAX_BYTES = 1024 * 1024
/** A contest submission's screenshots: how many, and how large each may be. */
export const MAX_SCREENSHOT_BYTES = 2 * 1024 * 1024
export const MAX_SCREENSHOTS = 6
/** A student's résumé (PDF). */
export const MAX_RESUME_BYTES = 5 * 1024 * 1024
/** A staff upload: a course catalogue or a roster (CSV or XLSX). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024
/** A credential to verify, pasted or as a file (ours are about 5 KB). */
export const VERIFY_MAX_BYTES = 60 * 1024

export type FileLimit = { maxBytes: number; maxCount: number }
export type FileLimits = Record<string, FileLimit>

/** A company's business licence, for the verification the trust work adds. @public (until that lands) */
export const LICENCE_MAX_BYTES = 5 * 1024 * 1024

export const resumeUpload: FileLimits = { resume: { maxBytes: MAX_RESUME_BYTES, maxCount: 1 } }
export const logoUpload: FileLimits = { logo: { maxBytes: LOGO_MAX_BYTES, maxCount: 1 } }
export const screenshotUpload: FileLimits = { screenshots: { maxBytes: MAX_SCREENSHOT_BYTES, maxCount: MAX_SCREENSHOTS } }
export const staffCsvUpload: FileLimits = { file: { maxBytes: MAX_UPLOAD_BYTES, maxCount: 1 } }
export const verifyUpload: FileLimits = { file: { maxBytes: VERIFY_MAX_BYTES, maxCount: 1 } }
export const licenceUpload: FileLimits = { licence: { maxBytes: LICENCE_MAX_BYTES, maxCount: 1 } }

/** Page paths (without a `.data` suffix) that accept multipart bodies, with their files. */
export const uploadPages: Array<{ path: RegExp; files: FileLimits }> = [
  { path: /^\/profile$/, files: resumeUpload },
  { path: /^\/company\/profile$/, files: logoUpload },
  { path: /^\/company\/verification$/, files: licenceUpload },
  { path: /^\/teams\/[^/]+$/, files: screenshotUpload },
  { path: /^\/university\/(upload|roster)$/, files: staffCsvUpload },
  { path: /^\/verify$/, files: verifyUpload },
  // A student imports a credential on "My credentials" within the same limit.
  { path: /^\/credentials$/, files: verifyUpload },
]

export function uploadPageFiles(pathname: string): FileLimits | null {
  const path = pathname.replace(/\.data$/, '').replace(/\/$/, '') || '/'
  return uploadPages.find((page) => page.path.test(path))?.files ?? null
}

/** The most a whole upload body may hold: every file at its limit, with room for the fields. */
export function uploadBodyLimit(files: FileLimits, fieldsLimit: number): number {
  const partOverhead = 1024
  return fieldsLimit + Object.values(files).reduce((sum, f) => sum + f.maxCount * (f.maxBytes + partOverhead), 0)
}
