// How the matching index holds roles and students: one typed column per field and one pooled
// int list per slot, instead of an object graph per entity (docs/decisions/026). Repeated
// values (cities, languages, a role's skill entry, a piece of evidence) are numbered once in
// shared tables; an entity is a row of small ints. Objects are made back only for the few
// hundred entities a request ranks or scores.
import type { Evidence, LoadedRole, RoleForMatch, StudentForMatch, WorkModeValue } from './scoring.ts'
import { putRow, SlotLists, Slots, ValueTable } from './slot-postings.ts'

type RoleSkill = RoleForMatch['skills'][number]
/** A role as the index gives it out: a LoadedRole, with its kind. */
export type IndexedRole = LoadedRole & { kind: string }

/** The tables every row read is numbered into. */
export class IndexTables {
  /** Repeated strings: company, city, kind and work-mode values. */
  readonly values = new ValueTable<string>()
  /** University ids, numbered apart: a skill-gap supply entry packs one beside a skill (StudentRecord.supply). */
  readonly universities = new ValueTable<string>()
  /** Repeated lists of strings: a role's languages, a student's cities or work modes. */
  readonly lists = new ValueTable<readonly string[]>()
  /** A student's spoken languages as scoring reads them. */
  readonly spoken = new ValueTable<ReadonlyArray<{ language: string; level: null }>>()
  /** Skill id → a small number, so per-skill sums and postings are arrays. */
  readonly skillOrd = new Map<string, number>()
  /** One copy of each role-skill entry (skill, level, required), with its skill's ordinal. */
  readonly roleSkills = new ValueTable<{ entry: RoleSkill; ord: number }>()
  /** One copy of each piece of evidence as scoring reads it (without titles), with its skill's ordinal. */
  readonly evidence = new ValueTable<{ entry: Evidence; ord: number }>()

  value(value: string) {
    return this.values.ord(value, () => value)
  }
  university(id: string) {
    return this.universities.ord(id, () => id)
  }
  list(values: readonly string[]) {
    return this.lists.ord(values.join('\u0001'), () => values)
  }
  ordinal(skillId: string): number {
    let ord = this.skillOrd.get(skillId)
    if (ord === undefined) this.skillOrd.set(skillId, (ord = this.skillOrd.size))
    return ord
  }
}

/** A role as read, numbered into the tables: what RoleColumns stores. */
export type RoleRecord = {
  id: string
  company: number
  kind: number
  city: number
  workMode: number
  daysPerWeek: number
  languages: number
  closesMs: number
  openings: number
  /** Entries of IndexTables.roleSkills, in stored order. */
  skills: number[]
}

/** A student as read, numbered into the tables: what StudentColumns stores. */
export type StudentRecord = {
  id: string
  /** -1 for none. */
  university: number
  discoverable: boolean
  cities: number
  workModes: number
  spoken: number
  /** NaN for none. */
  availableMs: number
  /** -1 for none. */
  daysPerWeek: number
  /** Entries of IndexTables.evidence, in scoring's order. */
  evidence: number[]
  /** What the skill-gap report counts as held (supplyEntry): declared skills and the skills of courses passed. */
  supply: number[]
}

const SUPPLY_SKILL_BITS = 16
const SUPPLY_SKILL_MASK = (1 << SUPPLY_SKILL_BITS) - 1

/** A StudentRecord.supply entry: a skill held by declaring it (`courseUniversity` null) or by passing a course of that university. */
export function supplyEntry(skillOrd: number, courseUniversity: number | null): number {
  return ((courseUniversity === null ? 0 : courseUniversity + 1) << SUPPLY_SKILL_BITS) + skillOrd
}

/** The skill ordinal of a supply entry. */
export const suppliedSkill = (entry: number) => entry & SUPPLY_SKILL_MASK

/** The university a supply entry is held at: the course's, or for a declared skill the student's own. */
export function suppliedAt(entry: number, studentUniversity: number): number {
  const course = entry >>> SUPPLY_SKILL_BITS
  return course === 0 ? studentUniversity : course - 1
}

export class RoleColumns {
  readonly slots = new Slots()
  closesMs = new Float64Array(0)
  openings = new Int32Array(0)
  daysPerWeek = new Int16Array(0)
  company = new Int32Array(0)
  kind = new Int32Array(0)
  city = new Int32Array(0)
  workMode = new Int32Array(0)
  languages = new Int32Array(0)
  readonly skills = new SlotLists()

  constructor(private readonly tables: IndexTables) {}

  insert(role: RoleRecord): number {
    const slot = this.slots.insert(role.id)
    const { closesMs, openings, daysPerWeek, company, kind, city, workMode, languages } = role
    putRow(this, slot, { closesMs, openings, daysPerWeek, company, kind, city, workMode, languages })
    this.skills.set(slot, role.skills)
    return slot
  }

  remove(id: string) {
    const slot = this.slots.slot(id)
    if (slot === undefined) return
    this.skills.clear(slot)
    this.slots.remove(id)
  }

  /** The skill ordinal and required flag of each skill of a slot's role. */
  *skillsOf(slot: number): Generator<{ ord: number; required: boolean }> {
    for (const entry of this.skills.get(slot)) {
      const { entry: skill, ord } = this.tables.roleSkills.at[entry]!
      yield { ord, required: skill.required }
    }
  }

  /** The role in a slot as scoring reads it (only published roles are held). */
  role(slot: number): IndexedRole {
    const { values, lists, roleSkills } = this.tables
    return {
      id: this.slots.ids[slot]!,
      companyId: values.at[this.company[slot]!]!,
      kind: values.at[this.kind[slot]!]!,
      city: values.at[this.city[slot]!]!,
      workMode: values.at[this.workMode[slot]!]! as WorkModeValue,
      daysPerWeek: this.daysPerWeek[slot]!,
      languages: lists.at[this.languages[slot]!]! as string[],
      closesAt: new Date(this.closesMs[slot]!),
      status: 'published',
      openings: this.openings[slot]!,
      skills: Array.from(this.skills.get(slot), (entry) => roleSkills.at[entry]!.entry),
    }
  }
}

export class StudentColumns {
  readonly slots = new Slots()
  university = new Int32Array(0)
  discoverable = new Uint8Array(0)
  cities = new Int32Array(0)
  workModes = new Int32Array(0)
  spoken = new Int32Array(0)
  availableMs = new Float64Array(0)
  daysPerWeek = new Int16Array(0)
  readonly evidence = new SlotLists()
  readonly supply = new SlotLists()

  constructor(private readonly tables: IndexTables) {}

  insert(student: StudentRecord): number {
    const slot = this.slots.insert(student.id)
    const { university, cities, workModes, spoken, availableMs, daysPerWeek } = student
    putRow(this, slot, { university, discoverable: Number(student.discoverable), cities, workModes, spoken, availableMs, daysPerWeek })
    this.evidence.set(slot, student.evidence)
    this.supply.set(slot, student.supply)
    return slot
  }

  remove(id: string) {
    const slot = this.slots.slot(id)
    if (slot === undefined) return
    this.evidence.clear(slot)
    this.supply.clear(slot)
    this.slots.remove(id)
  }

  /** The skill ordinals a slot's student has any evidence of, each once. */
  evidenceSkillsOf(slot: number): Set<number> {
    return new Set(Array.from(this.evidence.get(slot), (entry) => this.tables.evidence.at[entry]!.ord))
  }

  /** The student in a slot as scoring reads them (evidence without titles). */
  student(slot: number): StudentForMatch {
    const { universities, lists, spoken, evidence } = this.tables
    const university = this.university[slot]!
    const available = this.availableMs[slot]!
    const days = this.daysPerWeek[slot]!
    return {
      id: this.slots.ids[slot]!,
      universityId: university < 0 ? null : universities.at[university]!,
      evidence: Array.from(this.evidence.get(slot), (entry) => evidence.at[entry]!.entry),
      preferredCities: lists.at[this.cities[slot]!]! as string[],
      workModes: lists.at[this.workModes[slot]!]! as WorkModeValue[],
      availableFrom: Number.isNaN(available) ? null : new Date(available),
      daysPerWeek: days < 0 ? null : days,
      languages: spoken.at[this.spoken[slot]!]! as Array<{ language: string; level: null }>,
    }
  }
}
