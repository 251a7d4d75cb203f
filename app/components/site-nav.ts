// What the main navigation offers each kind of user. Add an entry when a page lands.
import type { MessageKey } from '#app/i18n/translate.ts'

type Role = 'student' | 'company_member' | 'university_staff' | 'organizer' | 'admin'
type NavItem = { to: string; label: MessageKey; roles?: Role[] }

const items: NavItem[] = [
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
]

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)))
}
