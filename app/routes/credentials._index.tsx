// "My credentials" (我的证书): a student's credentials with JSON download, a printable
// certificate and share links that open /verify; and the credentials they imported from
// other issuers (a file or pasted JSON, checked as /verify checks it).
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { verifyUpload } from '#app/lib/upload-limits.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { credentialFromForm } from '#app/modules/credentials/credential-input.server.ts'
import { importExternalCredential, removeExternalCredential } from '#app/modules/credentials/external.server.ts'
import { removeExternalCredentialSchema, revokeShareSchema, shareSchema, verifyFormSchema } from '#app/modules/credentials/schemas.ts'
import { createShareLink, credentialsPage, revokeShareLink } from '#app/modules/credentials/wallet.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  return credentialsPage(user.studentProfileId, locale)
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { intent, parseForm, locale }) => {
  const user = await requireRole(request, 'student')
  if (!user.studentProfileId) throw notFoundResponse()
  const formData = await readUploadForm(request, verifyUpload)
  switch (intent(formData, ['share', 'revokeShare', 'import', 'removeImported'])) {
    case 'import': {
      const submission = parseForm(formData, verifyFormSchema)
      if (submission.status !== 'success') return invalidReply(submission)
      const input = await credentialFromForm(formData, submission.value.json)
      if ('problem' in input) {
        const status = input.problem === 'credentials.verify.tooLarge' ? 413 : 422
        return data({ result: submission.reply({ fieldErrors: { json: [translate(locale, input.problem)] } }) }, { status })
      }
      const imported = await importExternalCredential(user, input.credential, locale)
      if (imported.outcome === 'refused') return data({ refused: imported.checks }, { status: 422 })
      return redirectWithToast('/credentials', imported.outcome === 'imported' ? 'externalCredentials.imported' : 'externalCredentials.alreadyImported')
    }
    case 'removeImported': {
      const submission = parseForm(formData, removeExternalCredentialSchema)
      if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
      await removeExternalCredential(user, submission.value.externalCredentialId)
      return redirectWithToast('/credentials', 'externalCredentials.removed')
    }
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
  const { credentials, imported } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [importForm, importFields] = useForm({
    id: 'import-credential',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: verifyFormSchema, errorMap: errorMapFor(locale) }),
  })
  const refused = actionData && 'refused' in actionData ? actionData.refused : null
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

      <section aria-labelledby="imported-heading" className="stack">
        <h2 id="imported-heading">{t('externalCredentials.title')}</h2>
        <p>{t('externalCredentials.intro')}</p>
        {imported.length === 0 ? <p>{t('externalCredentials.empty')}</p> : null}
        <ul className="credential-list stack">
          {imported.map((c) => {
            const title = c.title ?? t('externalCredentials.untitled')
            return (
              <li key={c.id} className="card stack">
                <h3>
                  {title}{' '}
                  {c.trusted ? (
                    <span className="tag ok">{t('externalCredentials.verified')}</span>
                  ) : (
                    <span className="tag warning">{t('externalCredentials.unrecognised')}</span>
                  )}
                  {c.expired ? <span className="tag warning">{t('externalCredentials.expired')}</span> : null}
                </h3>
                <p>
                  {t('externalCredentials.issuedBy', { issuer: c.trustedName ?? c.issuerDid })}
                  {c.trustedName === null && c.claimedName ? ` · ${t('credentials.verify.issuerClaims', { name: c.claimedName })}` : null}
                  {c.validFrom ? ` · ${t('credentials.mine.issuedOn', { date: c.validFrom })}` : null}
                </p>
                {c.trusted ? null : <p className="hint">{t('externalCredentials.unrecognisedHint')}</p>}
                {c.skills.length > 0 ? <p>{t('externalCredentials.skills', { skills: c.skills.join(locale === 'en' ? ', ' : '、') })}</p> : null}
                <Form method="post" className="inline-form">
                  <input type="hidden" name="externalCredentialId" value={c.id} />
                  <button type="submit" name="intent" value="removeImported" className="secondary" aria-label={t('externalCredentials.removeLabel', { title })}>
                    {t('externalCredentials.remove')}
                  </button>
                </Form>
              </li>
            )
          })}
        </ul>
        {refused ? (
          <div role="alert" className="card stack">
            <p className="error">{t('externalCredentials.refused')}</p>
            <ul>
              {refused.map((check) => (
                <li key={check.label}>
                  <strong>{check.label}</strong>: {check.reasons.join('; ')}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="card stack" {...getFormProps(importForm)} noValidate>
          <ErrorList id={importForm.errorId} errors={importForm.errors} />
          <div className="field">
            <label htmlFor={importFields.json.id}>{t('externalCredentials.paste')}</label>
            <textarea {...getTextareaProps(importFields.json)} key={importFields.json.key} rows={6} spellCheck={false} />
            <ErrorList id={importFields.json.errorId} errors={importFields.json.errors} />
          </div>
          <div className="field">
            <label htmlFor="import-credential-file">{t('externalCredentials.file')}</label>
            <input id="import-credential-file" name="file" type="file" accept="application/json,application/ld+json,.json,.jsonld" />
          </div>
          <SubmitButton name="intent" value="import">
            {t('externalCredentials.submit')}
          </SubmitButton>
        </Form>
      </section>
    </section>
  )
}
