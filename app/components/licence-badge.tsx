// "Licence verified" with the day an admin verified the company's business licence.
import { useT } from '#app/i18n/use-t.ts'

export function LicenceBadge({ verifiedOn }: { verifiedOn?: string | null }) {
  const t = useT()
  if (!verifiedOn) return null
  return <span className="tag ok">{t('trust.verification.badgeDate', { date: verifiedOn })}</span>
}
