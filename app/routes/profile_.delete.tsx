// Deleting a student account: typed e-mail as confirmation; the account, everything that
// cascades from it, and its stored files are removed.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { clearedSessionCookie } from '#app/modules/auth/session.server.ts'
import { deleteStudentAccount } from '#app/modules/students/data-rights.server.ts'
import { deleteAccountSchema } from '#app/modules/students/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, 'student')
  return null
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'student')
  const submission = parseForm(await request.formData(), deleteAccountSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await deleteStudentAccount(user.id, submission.value.confirmEmail)
  return redirectWithToast('/', 'profile.deleted', { headers: { 'Set-Cookie': clearedSessionCookie() } })
})

export default function DeleteAccount() {
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'delete-account',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteAccountSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="narrow stack">
      <h1>{t('profile.deleteTitle')}</h1>
      <p className="notice warning">{t('profile.deleteWarning')}</p>
      <p>
        <a href="/profile/export" download>
          {t('profile.export')}
        </a>
      </p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.confirmEmail} label={t('profile.confirmEmail')} type="email" inputProps={{ autoComplete: 'off' }} />
        <SubmitButton className="button danger">{t('profile.deleteAccount')}</SubmitButton> <Link to="/profile">{t('common.cancel')}</Link>
      </Form>
    </section>
  )
}
