// The outcome of verifying one credential: the verdict, who issued it, whom and what it
// is about, its validity and status, every check with its reason, and where the
// credential stands in the transparency log.
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
  log: LoggedEventView[]
}

type LoggedEventView = {
  event: 'issued' | 'revoked'
  leafIndex: number
  time: string
  proof: {
    treeSize: number
    rootHash: string
    signedAt: string
    signedBy: string
    auditPath: string[]
    valid: boolean
    signerIsPlatform: boolean
    json: string
  } | null
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
      {view.log.length > 0 || view.issuer.issuerId ? <TransparencyLog events={view.log} /> : null}
    </section>
  )
}

function TransparencyLog({ events }: { events: LoggedEventView[] }) {
  const t = useT()
  return (
    <section className="stack" aria-labelledby="transparency-log">
      <h3 id="transparency-log">{t('transparencyLog.title')}</h3>
      <p>{t('transparencyLog.intro')}</p>
      {events.length === 0 ? <p>{t('transparencyLog.notLogged')}</p> : null}
      {events.map(({ event, leafIndex, time, proof }) => (
        <div key={leafIndex} className="stack">
          <p>
            <strong>{t(`transparencyLog.event.${event}` as const, { leaf: leafIndex, time })}</strong>
          </p>
          {proof ? (
            <>
              <p>
                <span className={proof.valid ? 'tag ok' : 'tag danger'}>
                  {proof.valid ? t('transparencyLog.proofValid') : t('transparencyLog.proofInvalid')}
                  {proof.signerIsPlatform ? '' : ` ${t('transparencyLog.signerNotPlatform')}`}
                </span>
              </p>
              <dl className="facts">
                <dt>{t('transparencyLog.treeSize')}</dt>
                <dd>{proof.treeSize}</dd>
                <dt>{t('transparencyLog.root')}</dt>
                <dd>
                  <code className="did">{proof.rootHash}</code>
                </dd>
                <dt>{t('transparencyLog.signedAt')}</dt>
                <dd>{proof.signedAt}</dd>
                <dt>{t('transparencyLog.signedBy')}</dt>
                <dd>
                  <code className="did">{proof.signedBy}</code>
                </dd>
                <dt>{t('transparencyLog.path')}</dt>
                <dd>
                  {proof.auditPath.length === 0 ? (
                    '—'
                  ) : (
                    <ol>
                      {proof.auditPath.map((hash, i) => (
                        <li key={i}>
                          <code className="did">{hash}</code>
                        </li>
                      ))}
                    </ol>
                  )}
                </dd>
              </dl>
              <details>
                <summary>{t('transparencyLog.json')}</summary>
                <pre className="proof-json" tabIndex={0}>
                  {proof.json}
                </pre>
              </details>
            </>
          ) : (
            <p>{t('transparencyLog.pending')}</p>
          )}
        </div>
      ))}
    </section>
  )
}
