// The shape of what Lianqiao issues: a VC Data Model 2.0 credential in the form of an
// Open Badges 3.0 OpenBadgeCredential. Text is bilingual as VC 2.0 §11.1 language value
// objects; skills are alignments to Lianqiao's taxonomy.
import { createHash, randomBytes } from 'node:crypto'
import { CREDENTIALS_V2, OPEN_BADGES_V3 } from './contexts.server.ts'
import { publicOrigin } from './status-list.server.ts'

export type Bilingual = { zh: string; en: string }

export type AchievementInput = {
  /** Stable id of what is achieved, e.g. "course:<courseId>" (the same for every student). */
  key: string
  achievementType: 'Course' | 'Award' | 'CoCurricular' | 'ext:Internship'
  name: Bilingual
  description: Bilingual
  criteria: Bilingual
  skills: Array<{ key: string; name: Bilingual }>
  /** What the student achieved: a grade out of 100, an award's title. */
  result?: { kind: 'grade'; value: number } | { kind: 'award'; value: Bilingual } | null
  activityStartDate?: string | null
  activityEndDate?: string | null
  validFrom: Date
  validUntil?: Date | null
}

export type SubjectInput = { name: string; email: string }

function bilingual(text: Bilingual) {
  return [
    { '@value': text.zh, '@language': 'zh-CN' },
    { '@value': text.en, '@language': 'en' },
  ]
}

/** A date-time with seconds and an offset (xsd:dateTimeStamp), as VC 2.0 asks. */
export function dateTimeStamp(date: Date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function achievementId(key: string) {
  return `urn:lianqiao:achievement:${key}`
}

/**
 * The student is identified by name (in clear, for the certificate) and by a salted hash
 * of their e-mail address, which a verifier who knows the address can check.
 */
function identifiers(subject: SubjectInput) {
  const salt = randomBytes(8).toString('hex')
  const hash = createHash('sha256')
    .update(subject.email.toLowerCase() + salt)
    .digest('hex')
  return [
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: subject.name },
    { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${hash}`, salt },
  ]
}

export function openBadgeCredential(
  context: { issuerDid: string; credentialId: string; issuerName: Bilingual },
  subject: SubjectInput,
  achievement: AchievementInput,
) {
  const origin = publicOrigin()
  const result = achievement.result
  const achievementIri = achievementId(achievement.key)
  return {
    '@context': [CREDENTIALS_V2, OPEN_BADGES_V3],
    id: context.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: bilingual(achievement.name),
    issuer: { id: context.issuerDid, type: ['Profile'], name: bilingual(context.issuerName) },
    validFrom: dateTimeStamp(achievement.validFrom),
    ...(achievement.validUntil ? { validUntil: dateTimeStamp(achievement.validUntil) } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identifiers(subject),
      ...(achievement.activityStartDate ? { activityStartDate: achievement.activityStartDate } : {}),
      ...(achievement.activityEndDate ? { activityEndDate: achievement.activityEndDate } : {}),
      achievement: {
        id: achievementIri,
        type: ['Achievement'],
        achievementType: achievement.achievementType,
        name: bilingual(achievement.name),
        description: bilingual(achievement.description),
        criteria: { narrative: bilingual(achievement.criteria) },
        ...(achievement.skills.length > 0
          ? {
              alignment: achievement.skills.map((skill) => ({
                type: ['Alignment'],
                targetCode: skill.key,
                targetName: skill.name.zh === skill.name.en ? skill.name.en : `${skill.name.zh} / ${skill.name.en}`,
                targetFramework: 'Lianqiao skills',
                targetType: 'ext:LianqiaoSkill',
                targetUrl: `${origin}/roles?skill=${encodeURIComponent(skill.key)}`,
              })),
            }
          : {}),
        ...(result?.kind === 'grade'
          ? {
              resultDescription: [
                { id: `${achievementIri}#grade`, type: ['ResultDescription'], name: 'Grade (0–100)', resultType: 'Percent', valueMin: '0', valueMax: '100' },
              ],
            }
          : {}),
      },
      ...(result
        ? {
            result: [
              result.kind === 'grade'
                ? { type: ['Result'], resultDescription: `${achievementIri}#grade`, value: String(result.value) }
                : { type: ['Result'], value: result.value.zh === result.value.en ? result.value.en : `${result.value.zh} / ${result.value.en}` },
            ],
          }
        : {}),
    },
  }
}

/** The digest of what a credential claims, so that a change (a corrected grade) is noticed. */
export function claimsDigest(subject: SubjectInput, achievement: AchievementInput) {
  const { validFrom: _from, ...claims } = achievement
  return createHash('sha256').update(JSON.stringify({ subject, claims })).digest('hex')
}
