// A student whose account was created from a university roster claims it: sets a name and
// password, consents, and is signed in.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { PrivacyConsentField } from '#app/components/privacy-consent.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { setPassword } from '#app/modules/auth/accounts.server.ts'
import { startSessionAndRedirect } from '#app/modules/auth/sign-in-flow.server.ts'
import { completeClaim, describeClaim } from '#app/modules/universities/roster.server.ts'
import { claimSchema } from '#app/modules/universities/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const claim = await describeClaim(params.token ?? '')
  return { email: claim.user.email, name: claim.user.name }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
  const token = params.token ?? ''
  const submission = parseForm(await request.formData(), claimSchema, { hideFields: ['password'] })
  if (submission.status !== 'success') return invalidReply(submission, { hideFields: ['password'] })
  const user = await completeClaim(token, submission.value.name)
  await setPassword(user.id, submission.value.password)
  return startSessionAndRedirect(request, user.id, '/profile', 'claim.done')
})

export default function Claim() {
  const { email, name } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'claim',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    defaultValue: { name },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: claimSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="narrow">
      <h1>{t('claim.title')}</h1>
      <p>{t('claim.intro', { email })}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.name} label={t('auth.name')} inputProps={{ autoComplete: 'name' }} />
        <Field field={fields.password} label={t('auth.password')} type="password" hint={t('auth.passwordHint')} inputProps={{ autoComplete: 'new-password' }} />
        <PrivacyConsentField field={fields.consent} />
        <SubmitButton>{t('claim.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
