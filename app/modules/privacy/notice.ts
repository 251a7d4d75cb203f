// The privacy notice's version: raise it (and the date) whenever the notice's text in
// app/i18n/messages/privacy.ts changes in substance; every user who accepted an older
// version is asked again before their next page (docs/decisions/028).
export const PRIVACY_NOTICE_VERSION = 1
/** The day this version took effect (Asia/Shanghai), shown on the notice. */
export const PRIVACY_NOTICE_DATE = '2026-12-01'

/** Whether a user who accepted `accepted` (null: never) must accept the `current` notice first. */
export function privacyNoticeOutdated(accepted: number | null, current = PRIVACY_NOTICE_VERSION) {
  return (accepted ?? 0) < current
}
