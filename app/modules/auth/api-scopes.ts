// What an API token may do. Browser-safe: the account page offers these as checkboxes.
export const apiScopes = ['roles:read', 'roles:write', 'applications', 'events', 'matching', 'credentials:read', 'credentials:issue'] as const

export type ApiScope = (typeof apiScopes)[number]

export function isApiScope(value: string): value is ApiScope {
  return (apiScopes as readonly string[]).includes(value)
}
