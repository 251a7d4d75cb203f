// The status filter of the company's application lists (a GET form field, so it works
// without JavaScript), optionally with how many applications each status has.
import { useT } from '#app/i18n/use-t.ts'
import { applicationStatuses } from '#app/modules/applications/transitions.ts'

export function ApplicationStatusFilter({ status, counts }: { status: string; counts?: Partial<Record<string, number>> }) {
  const t = useT()
  return (
    <div className="field">
      <label htmlFor="status-filter">{t('applications.filterStatus')}</label>
      <select id="status-filter" name="status" defaultValue={status}>
        <option value="">{t('applications.allStatuses')}</option>
        {applicationStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`applications.status.${s}`)}
            {counts ? ` (${counts[s] ?? 0})` : null}
          </option>
        ))}
      </select>
    </div>
  )
}
