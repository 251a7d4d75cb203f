// Shown where an unverified address blocks an action (applying, registering, publishing):
// why, and a button that sends the link again (works without JavaScript).
import { Form } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'

export function VerifyEmailNotice() {
  const t = useT()
  return (
    <div role="note" className="notice" aria-labelledby="verify-email-notice">
      <p>
        <strong id="verify-email-notice">{t('verify.noticeTitle')}</strong>
      </p>
      <p>{t('verify.required')}</p>
      <Form method="post" action="/verify-email">
        <SubmitButton className="button small">{t('verify.resend')}</SubmitButton>
      </Form>
    </div>
  )
}
