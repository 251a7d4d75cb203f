// The privacy notice's text (catalogue keys privacy.*), shown on /privacy and on the page
// that asks for a newer version to be accepted.
import { useT } from '#app/i18n/use-t.ts'
import type { MessageKey } from '#app/i18n/translate.ts'

const sections: Array<[MessageKey, MessageKey]> = [
  ['privacy.whatTitle', 'privacy.what'],
  ['privacy.whyTitle', 'privacy.why'],
  ['privacy.whoSeesTitle', 'privacy.whoSees'],
  ['privacy.keepTitle', 'privacy.keep'],
  ['privacy.rightsTitle', 'privacy.rights'],
  ['privacy.changesTitle', 'privacy.changes'],
]

export function PrivacyNoticeText({ version, date, retentionDays }: { version: number; date: string; retentionDays: number }) {
  const t = useT()
  return (
    <div className="stack">
      <p className="hint">{t('privacy.version', { version, date })}</p>
      <p>{t('privacy.who')}</p>
      {sections.map(([title, body]) => (
        <section key={title}>
          <h2>{t(title)}</h2>
          <p>{t(body, { days: retentionDays })}</p>
        </section>
      ))}
    </div>
  )
}
