// The credentials sent with an application, as verified when the page was read: the
// company's view, and the student's (with a button to take one off).
import { Form } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { useFormatDate } from '#app/lib/time.ts'

type Bilingual = { zh: string; en: string }

export type AttachedCredential = {
  id: string
  title: Bilingual
  issuer: Bilingual | null
  state: 'verified' | 'revoked' | 'failed'
  revokedAt: string | null
}

export function AttachedCredentials({ credentials, detachable = false }: { credentials: AttachedCredential[]; detachable?: boolean }) {
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="card" aria-labelledby="attached-credentials-heading">
      <h2 id="attached-credentials-heading">{t('attach.title')}</h2>
      {credentials.length === 0 ? (
        <p>{t('attach.none')}</p>
      ) : (
        <ul className="plain-list">
          {credentials.map((credential) => {
            const title = pickText(locale, credential.title.zh, credential.title.en)
            return (
              <li key={credential.id}>
                <strong>{title}</strong>{' '}
                <span className={credential.state === 'verified' ? 'tag ok' : 'tag warning'}>
                  {credential.state === 'revoked'
                    ? t('attach.state.revoked', { date: credential.revokedAt ? formatDate(credential.revokedAt) : '' })
                    : t(`attach.state.${credential.state}`)}
                </span>{' '}
                <span className="hint">
                  {credential.issuer
                    ? t('attach.issuedBy', { issuer: pickText(locale, credential.issuer.zh, credential.issuer.en) })
                    : t('attach.unknownIssuer')}
                </span>
                {detachable ? (
                  <Form method="post">
                    <input type="hidden" name="credentialId" value={credential.id} />
                    <SubmitButton name="intent" value="detach" className="button small">
                      {t('attach.detach', { title })}
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** Checkboxes of the student's active credentials, named `credentialIds` (the apply form and the attach form). */
export function CredentialChoices({ credentials, errors }: { credentials: Array<{ id: string; title: Bilingual; issuer: Bilingual }>; errors?: string[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <fieldset className="field" aria-describedby="credential-choices-hint">
      <legend>{t('attach.choose')}</legend>
      <p id="credential-choices-hint" className="hint">
        {t('attach.hint')}
      </p>
      {credentials.length === 0 ? <p className="hint">{t('attach.noneAvailable')}</p> : null}
      {credentials.map((credential) => (
        <label key={credential.id} className="choice">
          <input type="checkbox" name="credentialIds" value={credential.id} /> {pickText(locale, credential.title.zh, credential.title.en)}{' '}
          <span className="hint">· {pickText(locale, credential.issuer.zh, credential.issuer.en)}</span>
        </label>
      ))}
      <ErrorList errors={errors} />
    </fieldset>
  )
}
