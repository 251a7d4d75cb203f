// What the main navigation offers each kind of user. Add an entry when a page lands.
import type { MessageKey } from '#app/i18n/translate.ts'

type Role = 'student' | 'company_member' | 'university_staff' | 'organizer' | 'admin'
type NavItem = { to: string; label: MessageKey; roles?: Role[] }

const items: NavItem[] = [
  { to: '/roles', label: 'nav.roles' },
  { to: '/events', label: 'nav.events' },
  { to: '/verify', label: 'nav.verify' },
  { to: '/events/mine', label: 'nav.myEvents', roles: ['student'] },
  { to: '/applications', label: 'nav.myApplications', roles: ['student'] },
  { to: '/profile', label: 'nav.profile', roles: ['student'] },
  { to: '/credentials', label: 'nav.credentials', roles: ['student'] },
  { to: '/company', label: 'nav.company', roles: ['company_member'] },
  { to: '/company/applications', label: 'nav.companyApplications', roles: ['company_member'] },
  { to: '/university', label: 'nav.university', roles: ['university_staff'] },
  { to: '/organize', label: 'nav.organize', roles: ['organizer', 'admin'] },
  { to: '/credentials/issued', label: 'nav.issuedCredentials', roles: ['university_staff', 'company_member', 'organizer', 'admin'] },
  // The admin page links to companies, skills and the regional skill gap.
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
]

export function navigationFor(roles: readonly Role[]): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)))
}
