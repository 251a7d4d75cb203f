// Types for the Lianqiao import format, version 1 (see docs/import-format.md).
// Kept local to the generator so it compiles without the app's importer.

export type Text = { zh: string; en?: string } | { en: string; zh?: string }

export type WorkMode = 'onsite' | 'hybrid' | 'remote'
export type RoleKind = 'smart-contract-dev' | 'app-dev' | 'product' | 'testing' | 'other'
export type RoleStatus = 'draft' | 'published' | 'closed'
export type EventKind = 'contest' | 'lecture' | 'roadshow' | 'salon' | 'seminar' | 'fair'
export type EventStatus = 'draft' | 'published' | 'cancelled'

export interface Skill {
  key: string
  name: Text
  aliases: string[]
  parent?: string
  category?: string
}

export interface University {
  key: string
  name: Text
  city: string
}

export interface Course {
  key: string
  university: string
  code?: string
  title: Text
  description?: Text
  skills: { skill: string; level: number }[]
}

export interface Company {
  key: string
  name: Text
  city: string
  description?: Text
  website?: string
  parkIncubated: boolean
}

export interface RoleSkill {
  skill: string
  level: number
  required: boolean
}

export interface Role {
  key: string
  company: string
  title: Text
  description: Text
  kind: RoleKind
  city: string
  workMode: WorkMode
  stipendMonthly: { min: number; max: number }
  daysPerWeek: number
  durationMonths: number
  skills: RoleSkill[]
  languages?: string[]
  openings: number
  deadline: string
  status: RoleStatus
}

export interface Student {
  key: string
  email: string
  name: string
  university: string
  major?: string
  graduationYear: number
  courses: { course: string; grade: number }[]
  skills: { skill: string; level: number }[]
  preferredCities: string[]
  workModes?: WorkMode[]
  languages: string[]
  availableFrom?: string
  discoverable: boolean
}

export interface Event {
  key: string
  kind: EventKind
  title: Text
  description?: Text
  venue?: string
  startsAt: string
  endsAt: string
  registrationOpensAt: string
  registrationClosesAt: string
  capacity?: number
  waitlist: boolean
  teamSize?: { min: number; max: number }
  tracks?: { key: string; name: Text }[]
  status: EventStatus
}

export interface ImportDocument {
  version: 1
  skills?: Skill[]
  universities?: University[]
  courses?: Course[]
  companies?: Company[]
  roles?: Role[]
  students?: Student[]
  events?: Event[]
}
