// Bilingual text as the API, search hits and reports write it: a language is present only
// when it has a value. Browser-safe.
export type ApiText = { zh?: string; en?: string }

export function apiText(zh: string | null | undefined, en: string | null | undefined): ApiText {
  return { ...(zh ? { zh } : {}), ...(en ? { en } : {}) }
}
