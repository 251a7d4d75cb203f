// The catalogue: every user-visible string, in Chinese and English side by side, so a
// missing translation cannot compile. One file per area keeps concurrent work apart.
import { common } from './common.ts'
import { auth } from './auth.ts'
import { validation } from './validation.ts'
import { applications } from './applications.ts'
import { events } from './events.ts'
import { matching } from './matching.ts'
import { catalogue } from './catalogue.ts'
import { profile } from './profile.ts'
import { importMessages } from './import.ts'
import { rolesMessages } from './roles.ts'
import { credentialsMessages } from './credentials.ts'
import { trustMessages } from './trust.ts'
import { access } from './access.ts'
import { limits } from './limits.ts'
import { transportMessages } from './transport.ts'
import { pageTitles } from './page-titles.ts'
import { pickers } from './pickers.ts'
import { evidence } from './evidence.ts'
import { accountMessages } from './account.ts'
import { onboarding } from './onboarding.ts'
import { credentialAttachments } from './credential-attachments.ts'
import { resumeMessages } from './resume.ts'
import { privacyMessages } from './privacy.ts'
import { home } from './home.ts'
import { demo } from './demo.ts'
import { externalCredentialsMessages } from './external-credentials.ts'
import { transparencyLogMessages } from './transparency-log.ts'

export const messages = {
  ...common,
  ...auth,
  ...validation,
  ...applications,
  ...events,
  ...matching,
  ...catalogue,
  ...profile,
  ...importMessages,
  ...rolesMessages,
  ...credentialsMessages,
  ...trustMessages,
  ...access,
  ...limits,
  ...transportMessages,
  ...pageTitles,
  ...pickers,
  ...evidence,
  ...accountMessages,
  ...onboarding,
  ...credentialAttachments,
  ...resumeMessages,
  ...privacyMessages,
  ...home,
  ...demo,
  ...externalCredentialsMessages,
  ...transparencyLogMessages,
}

export type MessageKey = keyof typeof messages
