// For route tests: a Request as an API client sends it (English, a bearer token, a JSON
// body), and the arguments Remix hands a loader or action.
export function apiRequest(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const headers = new Headers({ 'Accept-Language': 'en' })
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  return new Request(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  })
}

export const routeArgs = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })
