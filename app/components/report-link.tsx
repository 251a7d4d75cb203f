// "Report" beside a role, company, message, event or contest submission: the report form
// (/report) with the target filled in. `subject` names the target for screen readers where a
// page lists several.
import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/use-t.ts'
import type { ReportTargetType } from '#app/modules/moderation/schemas.ts'

export function ReportLink({ targetType, targetId, subject }: { targetType: ReportTargetType; targetId: string; subject?: string }) {
  const t = useT()
  return (
    <Link to={`/report?targetType=${targetType}&targetId=${encodeURIComponent(targetId)}`}>
      {t('trust.report.button')}
      {subject ? <span className="visually-hidden"> {subject}</span> : null}
    </Link>
  )
}
