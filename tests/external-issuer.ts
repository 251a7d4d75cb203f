// A test-only issuer outside Lianqiao: a fresh Ed25519 did:key that signs Open Badges 3.0
// credentials with the project's own libraries, for the import tests and the e2e spec.
import { randomUUID } from 'node:crypto'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { CREDENTIALS_V2, OPEN_BADGES_V3 } from '#app/modules/credentials/contexts.server.ts'
import { signCredential } from '#app/modules/credentials/proofs.server.ts'

type Achievement = {
  name: { zh: string; en: string }
  /** Lianqiao skill keys the achievement aligns to. */
  skills?: string[]
  /** An e-mail identifier of the holder, in clear. */
  email?: string
}

export async function makeExternalIssuer(name = { zh: '测试外部签发方', en: 'Test external issuer' }) {
  const generated = await Ed25519Multikey.generate()
  const publicKeyMultibase = generated.publicKeyMultibase
  const did = `did:key:${publicKeyMultibase}`
  const verificationMethod = `${did}#${publicKeyMultibase}`
  const keyPair = await Ed25519Multikey.from({ id: verificationMethod, controller: did, publicKeyMultibase, secretKeyMultibase: generated.secretKeyMultibase })
  const signer = { issuerId: 'external', keyId: 'external', did, verificationMethod, keyPair }
  const language = (text: { zh: string; en: string }) => [
    { '@value': text.zh, '@language': 'zh-CN' },
    { '@value': text.en, '@language': 'en' },
  ]
  return {
    did,
    name,
    /** A signed OpenBadgeCredential for the achievement. */
    issue: (achievement: Achievement) =>
      signCredential(signer, {
        '@context': [CREDENTIALS_V2, OPEN_BADGES_V3],
        id: `urn:uuid:${randomUUID()}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: language(achievement.name),
        issuer: { id: did, type: ['Profile'], name: language(name) },
        validFrom: '2026-06-01T00:00:00Z',
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [
            { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: '测试学生' },
            ...(achievement.email ? [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: achievement.email }] : []),
          ],
          achievement: {
            id: `urn:uuid:${randomUUID()}`,
            type: ['Achievement'],
            achievementType: 'Certificate',
            name: language(achievement.name),
            description: language({ zh: '外部机构颁发的证书', en: 'A certificate from an outside institution' }),
            criteria: { narrative: language({ zh: '通过考核', en: 'Pass the assessment' }) },
            ...(achievement.skills?.length
              ? {
                  alignment: achievement.skills.map((key) => ({
                    type: ['Alignment'],
                    targetCode: key,
                    targetName: key,
                    targetUrl: `https://skills.example.org/${key}`,
                  })),
                }
              : {}),
          },
        },
      }),
  }
}
