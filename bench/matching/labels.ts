// The careers adviser's relevance rules, applied to each (persona, role). They read only
// the persona's adviser notes and the role as posted — never the matching code.
//   3 = "apply now": a job of the kind that suits them, they can do every required skill,
//       in a place they will work, in a language they speak.
//   2 = "worth a look": the right kind of job with at least half the required skills, or
//       every required skill in another kind of job; place and language fit.
//   1 = "stretch": they can do some required skill, or the kind suits them, but not both;
//       or a good job in the wrong place.
//   0 = not for them, and any closed or past-deadline role.
import type { GeneratedRole, Persona } from './dataset.ts'

export function relevance(persona: Persona, role: GeneratedRole): number {
  if (!role.open) return 0
  const required = role.skills.filter((s) => s.required).map((s) => s.skill)
  const can = required.filter((s) => persona.adviser.canDo.includes(s)).length
  const share = required.length === 0 ? 0 : can / required.length
  const rightKind = persona.adviser.kinds.includes(role.kind)
  const placeOk = persona.cities.length === 0 || role.workMode === 'remote' || persona.cities.includes(role.city)
  const remoteOnly = persona.modes?.length === 1 && persona.modes[0] === 'remote'
  const modeOk = !remoteOnly || role.workMode === 'remote'
  const speaks = role.languages.some((l) => persona.adviser.speaks.includes(l))
  if (!speaks) return share > 0 && rightKind ? 1 : 0
  let grade = 0
  if (rightKind && share === 1) grade = 3
  else if ((rightKind && share >= 0.5) || share === 1) grade = 2
  else if (share > 0 || rightKind) grade = 1
  if (grade > 0 && (!placeOk || !modeOk)) grade = Math.min(grade, 1)
  return grade
}
