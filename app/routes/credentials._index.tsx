// "My credentials" (我的证书): a student's credentials with JSON download, a printable
// certificate and share links that open /verify.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { revokeShareSchema, shareSchema } from '#app/modules/credentials/schemas.ts'
import { createShareLink, myCredentials, revokeShareLink } from '#app/modules/credentials/wallet.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  return { credentials: await myCredentials(user.studentProfileId, locale) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { intent, parseForm }) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  const formData = await request.formData()
  switch (intent(formData, ['share', 'revokeShare'])) {
    case 'share': {
      const submission = parseForm(formData, shareSchema)
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
      await createShareLink(user.studentProfileId, submission.value.credentialId)
      return redirectWithToast('/credentials', 'credentials.mine.shareCreated')
    }
    case 'revokeShare': {
      const submission = parseForm(formData, revokeShareSchema)
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
      await revokeShareLink(user.studentProfileId, submission.value.shareId)
      return redirectWithToast('/credentials', 'credentials.mine.shareRevoked')
    }
  }
})

export const meta: MetaFunction = () => [{ title: '我的证书 · My credentials · 链桥 Lianqiao' }]

export default function MyCredentials() {
  const { credentials } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('credentials.mine.title')}</h1>
      <p>{t('credentials.mine.intro')}</p>
      {credentials.length === 0 ? <p>{t('credentials.mine.empty')}</p> : null}
      <ul className="credential-list stack">
        {credentials.map((c) => (
          <li key={c.id} className="card stack">
            <h2>
              {c.title}
              <span className="tag">{t(`credentials.kind.${c.kind}` as const)}</span>
              {c.revokedAt ? (
                <span className="tag warning">{t('credentials.mine.revoked', { reason: c.revocationReason ?? '' })}</span>
              ) : (
                <span className="tag ok">{t('credentials.verify.status.active')}</span>
              )}
            </h2>
            <p>
              {t('credentials.mine.issuedBy', { issuer: pickText(locale, c.issuer.nameZh, c.issuer.nameEn) })} ·{' '}
              {t('credentials.mine.issuedOn', { date: c.issuedOn })}
            </p>
            <p>
              <a href={`/credentials/${c.id}/download.json`} download>
                {t('credentials.mine.download')}
              </a>
              {' · '}
              <Link to={`/credentials/${c.id}/certificate`}>{t('credentials.mine.certificate')}</Link>
            </p>
            {c.revokedAt ? null : (
              <Form method="post">
                <input type="hidden" name="credentialId" value={c.id} />
                <SubmitButton name="intent" value="share">
                  {t('credentials.mine.share')}
                </SubmitButton>
              </Form>
            )}
            {c.shares.length > 0 ? (
              <section aria-label={t('credentials.mine.shareLinks')}>
                <h3>{t('credentials.mine.shareLinks')}</h3>
                <ul>
                  {c.shares.map((share) => (
                    <li key={share.id}>
                      <a href={share.url}>{share.url}</a>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="shareId" value={share.id} />
                        <SubmitButton name="intent" value="revokeShare" className="secondary">
                          {t('credentials.mine.revokeShare')}
                        </SubmitButton>
                      </Form>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
