// The issuer registry on the site: who signs Lianqiao's credentials, with their DIDs.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { issuerRegistry } from '#app/modules/credentials/issuers.server.ts'

export const loader = pageLoader(async (_args: LoaderFunctionArgs) => {
  const issuers = await issuerRegistry()
  return { issuers: issuers.map(({ issuerId, name, kind, id }) => ({ issuerId, name, kind, did: id })) }
})

export const meta: MetaFunction = () => [{ title: '证书签发者 · Credential issuers · 链桥 Lianqiao' }]

export default function Issuers() {
  const { issuers } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('credentials.issuers.title')}</h1>
      <p>
        {t('credentials.issuers.intro')}
        <a href="/api/vc/issuers">/api/vc/issuers</a>
      </p>
      <ul className="stack">
        {issuers.map((issuer) => (
          <li key={issuer.issuerId} className="card">
            <h2>
              <Link to={`/issuers/${issuer.issuerId}`}>{pickText(locale, issuer.name.zh, issuer.name.en)}</Link>
              <span className="tag">{t(`credentials.issuerKind.${issuer.kind}` as const)}</span>
            </h2>
            <code className="did">{issuer.did}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}
