// One issuer's page: its name, kind and every DID it has signed with.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { issuerPage } from '#app/modules/credentials/issuers.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const issuer = await issuerPage(params.id ?? '')
  if (!issuer) throw notFound()
  return {
    issuer: {
      ...issuer,
      keys: issuer.keys.map((k) => ({
        did: k.did,
        createdAt: k.createdAt.toISOString().slice(0, 10),
        retiredAt: k.retiredAt?.toISOString().slice(0, 10) ?? null,
      })),
    },
  }
})

export const meta: MetaFunction = () => [{ title: '证书签发者 · Credential issuer · 链桥 Lianqiao' }]

export default function Issuer() {
  const { issuer } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <p>
        <Link to="/issuers">{t('credentials.issuers.title')}</Link>
      </p>
      <h1>
        {pickText(locale, issuer.name.zh, issuer.name.en)}
        <span className="tag">{t(`credentials.issuerKind.${issuer.kind}` as const)}</span>
      </h1>
      <h2>{t('credentials.issuers.dids')}</h2>
      <ul className="stack">
        {issuer.keys.map((key) => (
          <li key={key.did}>
            <code className="did">{key.did}</code>{' '}
            <span className={key.retiredAt ? 'tag' : 'tag ok'}>
              {key.retiredAt ? `${t('credentials.issuers.retired')} ${key.retiredAt}` : t('credentials.issuers.current')}
            </span>{' '}
            {key.createdAt}
          </li>
        ))}
      </ul>
    </section>
  )
}
