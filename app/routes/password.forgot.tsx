// Ask for a password-reset link. The answer is the same page whether or not the address has
// an account; requests are limited per address and per IP.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { ErrorList, Field, Honeypot, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction } from '#app/lib/page.server.ts'
import { clientIp } from '#app/lib/request-context.server.ts'
import { requestPasswordReset } from '#app/modules/auth/password-reset.server.ts'
import { forgotPasswordSchema } from '#app/modules/auth/schemas.ts'
import { isHoneypotFilled } from '#app/modules/auth/sign-in-flow.server.ts'

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const formData = await request.formData()
  const submission = parseForm(formData, forgotPasswordSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  // A bot that fills the hidden field gets the same answer and no mail.
  if (!isHoneypotFilled(formData)) await requestPasswordReset(submission.value.email, clientIp())
  return { result: submission.reply({ resetForm: true }), sent: true }
})

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

export const meta: MetaFunction = () => [{ title: '找回密码 · Reset your password · 链桥 Lianqiao' }]

export default function ForgotPassword() {
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema, errorMap: errorMapFor(locale) }),
  })
  const sent = Boolean(actionData && 'sent' in actionData && actionData.sent)
  return (
    <section className="narrow">
      <h1>{t('passwordReset.forgotTitle')}</h1>
      {sent ? (
        <p role="status" className="notice">
          {t('passwordReset.sent')}
        </p>
      ) : (
        <p>{t('passwordReset.forgotIntro')}</p>
      )}
      <Form method="post" {...getFormProps(form)} noValidate>
        <Honeypot />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.email} label={t('auth.email')} type="email" inputProps={{ autoComplete: 'email' }} />
        <SubmitButton>{t('passwordReset.send')}</SubmitButton>
      </Form>
    </section>
  )
}
