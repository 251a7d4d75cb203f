// Set a new password through a reset link (or the link the operator CLI printed). Every
// session ends and every API token is revoked; then the user signs in with the new password.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { invalidReply, parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { describeResetLink, resetPassword } from '#app/modules/auth/password-reset.server.ts'
import { resetPasswordSchema } from '#app/modules/auth/schemas.ts'
import { clearedSessionCookie } from '#app/modules/auth/session.server.ts'

const invalid = () => data({ email: null }, { status: 404 })
const HIDE = { hideFields: ['newPassword', 'confirmPassword'] }

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    return { email: (await describeResetLink(params.token ?? '')).email }
  } catch (error) {
    if (error instanceof UserFacingError && error.status === 404) return invalid()
    throw error
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), resetPasswordSchema, requestLocale(request))
  if (submission.status !== 'success') return invalidReply(submission, HIDE)
  try {
    await resetPassword(params.token ?? '', submission.value.newPassword)
  } catch (error) {
    if (error instanceof UserFacingError && error.status === 404) return invalid()
    throw error
  }
  // This browser's session ended with all the others.
  return redirectWithToast('/signin', 'passwordReset.done', { headers: { 'Set-Cookie': clearedSessionCookie() } })
}

export const meta: MetaFunction = () => [{ title: '设置新密码 · Set a new password · 链桥 Lianqiao' }]

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema, errorMap: errorMapFor(locale) }),
  })
  if (!loaded.email || (actionData && 'email' in actionData)) {
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
        <Field field={fields.newPassword} label={t('auth.newPassword')} type="password" hint={t('auth.passwordHint')} inputProps={{ autoComplete: 'new-password' }} />
        <Field field={fields.confirmPassword} label={t('auth.confirmPassword')} type="password" inputProps={{ autoComplete: 'new-password' }} />
        <SubmitButton>{t('passwordReset.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
