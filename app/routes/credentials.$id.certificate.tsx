// A printable certificate of one credential (zh/en side by side), with a QR code of a share
// link that opens /verify. Print CSS leaves only the certificate on the page.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '#app/i18n/use-t.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { certificateOf } from '#app/modules/credentials/wallet.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  const certificate = await certificateOf(user.studentProfileId, params.id ?? '', locale)
  return {
    certificate: { ...certificate, validFrom: certificate.validFrom.toISOString().slice(0, 10), revokedAt: certificate.revokedAt?.toISOString() ?? null },
  }
})

export const meta: MetaFunction = () => [{ title: '证书 · Certificate · 链桥 Lianqiao' }]

export default function Certificate() {
  const { certificate: c } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="stack">
      <p className="no-print">
        <Link to="/credentials">{t('credentials.mine.title')}</Link>
      </p>
      <article className="certificate" aria-label={t('credentials.certificate.heading')}>
        <header>
          <p className="certificate-kind">证书 · Certificate</p>
          <h1>
            <span lang="zh-CN">{c.title.zh}</span>
            <br />
            <span lang="en">{c.title.en}</span>
          </h1>
        </header>
        <p>
          授予 · Awarded to <strong className="certificate-holder">{c.holder}</strong>
        </p>
        {c.description ? <p>{c.description}</p> : null}
        {c.result ? <p>{t('credentials.verify.result', { result: c.result })}</p> : null}
        <p>
          签发机构 · Issued by <strong>{c.issuer.zh}</strong> / <strong lang="en">{c.issuer.en}</strong>, {c.validFrom}
        </p>
        {c.revokedAt ? <p className="tag warning">{t('credentials.verify.statusRevoked', { date: c.revokedAt.slice(0, 10) })}</p> : null}
        {c.qrDataUrl && c.shareUrl ? (
          <figure className="certificate-qr">
            <img src={c.qrDataUrl} alt={t('credentials.certificate.scan')} width={140} height={140} />
            <figcaption>
              扫码验证 · Scan to verify
              <br />
              <a href={c.shareUrl}>{c.shareUrl}</a>
            </figcaption>
          </figure>
        ) : null}
        <footer>
          <small>
            {t('credentials.certificate.id')}: {c.credentialId}
            <br />
            <code className="did">{c.issuer.did}</code>
          </small>
        </footer>
      </article>
    </section>
  )
}
