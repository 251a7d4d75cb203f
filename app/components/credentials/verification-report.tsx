// The outcome of verifying one credential: the verdict, who issued it, whom and what it
// is about, its validity and status, and every check with its reason.
import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/use-t.ts'

export type ReportViewData = {
  verified: boolean
  signature: boolean | null
  issuer: {
    did: string | null
    name: string | null
    issuerId: string | null
    kind: 'platform' | 'university' | 'company' | 'organizer' | null
    credentialName: string | null
  }
  subject: string | null
  achievement: { name: string | null; description: string | null; criteria: string | null; type: string | null; result: string | null; skills: string[] }
  validity: { from: string | null; until: string | null }
  status: { state: 'active' | 'revoked' | 'unchecked' | 'none'; revokedAt: string | null; reason: string | null }
  checks: Array<{ name: string; label: string; outcome: 'passed' | 'failed' | 'warning' | 'skipped'; reasons: string[] }>
}

const outcomeClass = { passed: 'tag ok', failed: 'tag danger', warning: 'tag warning', skipped: 'tag' } as const

export function VerificationReport({ view }: { view: ReportViewData }) {
  const t = useT()
  return (
    <section className="card stack" aria-labelledby="verdict">
      <h2 id="verdict" className={view.verified ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
        {view.verified ? t('credentials.verify.valid') : view.status.state === 'revoked' ? t('credentials.verify.revoked') : t('credentials.verify.invalid')}
      </h2>
      <dl className="facts">
        <dt>{t('credentials.verify.signature')}</dt>
        <dd>{view.signature === null ? '—' : view.signature ? t('credentials.verify.signatureValid') : t('credentials.verify.signatureInvalid')}</dd>
        <dt>{t('credentials.verify.issuer')}</dt>
        <dd>
          {view.issuer.name && view.issuer.issuerId ? (
            <Link to={`/issuers/${view.issuer.issuerId}`}>{view.issuer.name}</Link>
          ) : (
            <span>
              {t('credentials.verify.issuerUnknown')}
              {view.issuer.credentialName ? ` (${t('credentials.verify.issuerClaims', { name: view.issuer.credentialName })})` : ''}
            </span>
          )}
          {view.issuer.kind ? <span className="tag">{t(`credentials.issuerKind.${view.issuer.kind}` as const)}</span> : null}
          <br />
          <code className="did">{view.issuer.did ?? '—'}</code>
        </dd>
        <dt>{t('credentials.verify.subject')}</dt>
        <dd>{view.subject ?? '—'}</dd>
        <dt>{t('credentials.verify.achievement')}</dt>
        <dd>
          <strong>{view.achievement.name ?? '—'}</strong>
          {view.achievement.description ? (
            <>
              <br />
              {view.achievement.description}
            </>
          ) : null}
          {view.achievement.result ? (
            <>
              <br />
              {t('credentials.verify.result', { result: view.achievement.result })}
            </>
          ) : null}
          {view.achievement.skills.length > 0 ? (
            <>
              <br />
              {t('credentials.verify.skills', { skills: view.achievement.skills.join('、') })}
            </>
          ) : null}
        </dd>
        <dt>{t('credentials.verify.validity')}</dt>
        <dd>
          {view.validity.from ?? '—'} – {view.validity.until ?? t('credentials.verify.noEnd')}
        </dd>
        <dt>{t('credentials.verify.status')}</dt>
        <dd>
          {view.status.state === 'revoked'
            ? t('credentials.verify.statusRevoked', { date: view.status.revokedAt?.slice(0, 10) ?? '' })
            : t(`credentials.verify.status.${view.status.state}` as const)}
        </dd>
      </dl>
      <h3>{t('credentials.verify.checks')}</h3>
      <ul className="checks">
        {view.checks.map((check) => (
          <li key={check.name}>
            <span className={outcomeClass[check.outcome]}>{t(`credentials.outcome.${check.outcome}` as const)}</span> {check.label}
            {check.reasons.length > 0 ? (
              <ul>
                {check.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
