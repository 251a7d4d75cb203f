// Set a new password through a reset link (or the link the operator CLI printed). Every
// session ends and every API token is revoked; then the user signs in with the new password.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { describeResetLink, resetPassword } from '#app/modules/auth/password-reset.server.ts'
import { resetPasswordSchema } from '#app/modules/auth/schemas.ts'
import { clearedSessionCookie } from '#app/modules/auth/session.server.ts'

const HIDE = { hideFields: ['newPassword', 'confirmPassword'] }

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const link = await describeResetLink(params.token ?? '')
  // A wrong, used or expired link: 404 with a page that says what to do.
  return link ? { email: link.email } : data({ email: null }, { status: 404 })
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
  const submission = parseForm(await request.formData(), resetPasswordSchema, HIDE)
  if (submission.status !== 'success') return invalidReply(submission, HIDE)
  await resetPassword(params.token ?? '', submission.value.newPassword)
  // This browser's session ended with all the others.
  return redirectWithToast('/signin', 'passwordReset.done', { headers: { 'Set-Cookie': clearedSessionCookie() } })
})

export const meta: MetaFunction = () => [{ title: '设置新密码 · Set a new password · 链桥 Lianqiao' }]

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema, errorMap: errorMapFor(locale) }),
  })
  if (!loaded.email) {
    return (
      <section className="narrow">
        <h1>{t('passwordReset.title')}</h1>
        <p role="alert">{t('passwordReset.invalid')}</p>
        <p>
          <Link to="/password/forgot">{t('passwordReset.forgotLink')}</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>{t('passwordReset.title')}</h1>
      <p>{t('passwordReset.intro', { email: loaded.email })}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field
          field={fields.newPassword}
          label={t('auth.newPassword')}
          type="password"
          hint={t('auth.passwordHint')}
          inputProps={{ autoComplete: 'new-password' }}
        />
        <Field field={fields.confirmPassword} label={t('auth.confirmPassword')} type="password" inputProps={{ autoComplete: 'new-password' }} />
        <SubmitButton>{t('passwordReset.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
