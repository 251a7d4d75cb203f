// The catalogue: every user-visible string, in Chinese and English side by side, so a
// missing translation cannot compile. One file per area keeps concurrent work apart.
import { common } from './common.ts'
import { auth } from './auth.ts'
import { validation } from './validation.ts'

export const messages = {
  ...common,
  ...auth,
  ...validation,
}

export type MessageKey = keyof typeof messages
