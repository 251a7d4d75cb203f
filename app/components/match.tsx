// A match score badge and its top reasons, for role cards, role pages and candidate lists.
import { useT } from '#app/i18n/use-t.ts'

export type MatchReasonView = { kind: string; text: string; positive: boolean }

export function MatchBadge({ score }: { score: number }) {
  const t = useT()
  const level = score >= 75 ? 'high' : score >= 45 ? 'mid' : 'low'
  return (
    <span className={`match-badge ${level}`} aria-label={t('match.scoreLabel', { score })} title={t('match.scoreLabel', { score })}>
      {t('match.score', { score })}
    </span>
  )
}

export function MatchReasons({ reasons, limit }: { reasons: MatchReasonView[]; limit?: number }) {
  const shown = limit ? reasons.slice(0, limit) : reasons
  if (shown.length === 0) return null
  return (
    <ul className="match-reasons">
      {shown.map((reason, i) => (
        <li key={`${reason.kind}-${i}`} className={reason.positive ? 'good' : 'weak'}>
          <span aria-hidden="true">{reason.positive ? '✓' : '–'}</span> {reason.text}
        </li>
      ))}
    </ul>
  )
}
