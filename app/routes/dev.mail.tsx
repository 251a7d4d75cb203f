// Development only: the e-mails written as .eml files when no SMTP server is configured.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '#app/i18n/use-t.ts'
import { env } from '#app/lib/env.server.ts'
import { notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { listMailFiles, mailDir } from '#app/modules/mail/transport.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async (_: LoaderFunctionArgs) => {
  if (env.isProduction) throw notFoundResponse()
  return { dir: mailDir(), files: await listMailFiles() }
})

export const meta: MetaFunction = () => [{ title: 'Dev mail · 链桥 Lianqiao' }]

export default function DevMail() {
  const { dir, files } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('mail.devTitle')}</h1>
      <p className="hint">{t('mail.devIntro', { dir })}</p>
      {files.length === 0 ? (
        <p>{t('mail.devNone')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('mail.date')}</th>
              <th scope="col">{t('mail.to')}</th>
              <th scope="col">{t('mail.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.name}>
                <td>{f.date}</td>
                <td>{f.to}</td>
                <td>
                  <a href={`/dev/mail/${f.name}`}>{f.subject}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
