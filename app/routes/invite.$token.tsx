import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { PrivacyConsentField } from '#app/components/privacy-consent.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { signUpInvited } from '#app/modules/auth/accounts.server.ts'
import { acceptInvitation, consumeInvitation, describeInvitation } from '#app/modules/auth/invitations.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { invitedSignUpSchema } from '#app/modules/auth/schemas.ts'
import { startSessionAndRedirect } from '#app/modules/auth/sign-in-flow.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const invitation = await describeInvitation(params.token ?? '')
  const user = await getUser(request)
  return { invitation, signedInAs: user ? user.email : null }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm, locale }) => {
  const token = params.token ?? ''
  const invitation = await describeInvitation(token)
  const user = await getUser(request)
  const formData = await request.formData()
  if (user) {
    parseForm(formData, invitedSignUpSchema.partial())
    await acceptInvitation(token, user)
    return redirectWithToast(invitation.landing, 'auth.invitationAccepted')
  }
  const submission = parseForm(formData, invitedSignUpSchema, { hideFields: ['password'] })
  if (submission.status !== 'success') return invalidReply(submission, { hideFields: ['password'] })
  const created = await signUpInvited(submission.value, locale, (tx, userId) => consumeInvitation(tx, token, userId, submission.value.email), invitation.role)
  return await startSessionAndRedirect(request, created.id, invitation.landing, 'auth.welcome')
})

export default function Invitation() {
  const { invitation, signedInAs } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const target = invitation.companyName ?? invitation.universityName ?? invitation.eventTitle
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    defaultValue: { email: invitation.email ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitedSignUpSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="narrow">
      <h1>{t('auth.invitationTitle')}</h1>
      <p>{t(`auth.invitationTo.${invitation.kind}`, { name: target ? pickText(locale, target.zh, target.en) : '' })}</p>
      {signedInAs ? (
        <Form method="post">
          <ErrorList errors={form.errors} />
          <SubmitButton>{t('auth.acceptInvitation')}</SubmitButton>
        </Form>
      ) : (
        <>
          <p>
            {t('auth.haveAccount')} <Link to={`/signin?redirectTo=${encodeURIComponent(location.pathname)}`}>{t('auth.signIn')}</Link>
          </p>
          <p>{t('auth.orSignUp')}</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <ErrorList id={form.errorId} errors={form.errors} />
            <Field field={fields.name} label={t('auth.name')} inputProps={{ autoComplete: 'name' }} />
            <Field field={fields.email} label={t('auth.email')} type="email" inputProps={{ autoComplete: 'email' }} />
            <Field
              field={fields.password}
              label={t('auth.password')}
              type="password"
              hint={t('auth.passwordHint')}
              inputProps={{ autoComplete: 'new-password' }}
            />
            <PrivacyConsentField field={fields.consent} />
            <SubmitButton>{t('auth.signUp')}</SubmitButton>
          </Form>
        </>
      )}
    </section>
  )
}
