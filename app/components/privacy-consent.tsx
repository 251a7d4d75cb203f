// The sign-up checkbox that accepts the privacy notice (its current version), with a link to
// read it in a new tab so a half-filled form is not lost. Plain HTML: works without JS.
import type { FieldMetadata } from '@conform-to/react'
import { ErrorList } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { PRIVACY_NOTICE_VERSION } from '#app/modules/privacy/notice.ts'

export function PrivacyConsentField({ field }: { field: FieldMetadata<unknown> }) {
  const t = useT()
  const hintId = `${field.id}-hint`
  return (
    <div className="field checkbox">
      <input
        id={field.id}
        name={field.name}
        type="checkbox"
        aria-describedby={[hintId, field.errors ? field.errorId : null].filter(Boolean).join(' ')}
        aria-invalid={field.errors ? true : undefined}
      />
      <label htmlFor={field.id}>{t('auth.consent', { version: PRIVACY_NOTICE_VERSION })}</label>
      <p id={hintId} className="hint">
        <a href="/privacy" target="_blank" rel="noopener">
          {t('privacy.read')}
        </a>
      </p>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}
