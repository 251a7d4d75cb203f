// What the company sees about the admin review of its role: waiting, or rejected and why.
import { useT } from '#app/i18n/use-t.ts'

const reasonKeys: Record<string, 'trust.review.reason.contact' | 'trust.review.reason.stipend'> = {
  contact: 'trust.review.reason.contact',
  stipend: 'trust.review.reason.stipend',
}

export function RoleReviewNotice({ review }: { review: { state: string; reasons: string[]; note: string | null } }) {
  const t = useT()
  if (review.state === 'pending') {
    const reasons = review.reasons.flatMap((reason) => (reasonKeys[reason] ? [t(reasonKeys[reason])] : [])).join('；')
    return (
      <p className="notice" role="status">
        <strong>{t('trust.review.inReview')}</strong> {t('trust.review.inReviewNotice', { reasons })}
      </p>
    )
  }
  if (review.state === 'rejected') {
    return (
      <p className="notice warning" role="alert">
        {t('trust.review.rejectedNotice', { note: review.note ?? '' })}
      </p>
    )
  }
  return null
}
