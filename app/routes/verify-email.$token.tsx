// A verify link from an e-mail. Opening it only shows a button: mail scanners that fetch
// links must not use up the single-use token; the POST verifies.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { describeVerificationLink, verifyEmail } from '#app/modules/auth/email-verification.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { loadSessionUser } from '#app/modules/auth/session.server.ts'
import { startSessionAndRedirect } from '#app/modules/auth/sign-in-flow.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const link = await describeVerificationLink(params.token ?? '')
  // A wrong, used or expired link: 404 with a page that says what to do.
  return link ? { link } : data({ link: null }, { status: 404 })
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs) => {
  const verified = await verifyEmail(params.token ?? '')
  const user = await getUser(request)
  const toast = verified.changed ? 'emailChange.changed' : 'verify.done'
  // A new student goes on to the first steps (app/routes/onboarding.tsx).
  const owner = verified.changed ? null : await loadSessionUser(verified.userId)
  const next = owner?.roles.includes('student') ? '/onboarding' : null
  // The link proves the address as a reset link would, so it may sign its owner in.
  if (!user) return startSessionAndRedirect(request, verified.userId, next ?? '/', toast)
  return redirectWithToast(user.id === verified.userId ? (next ?? '/account') : '/', toast)
})

export const meta: MetaFunction = () => [{ title: '验证电子邮箱 · Verify your e-mail · 链桥 Lianqiao' }]

export default function VerifyEmail() {
  const { link } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow">
      <h1>{t('verify.title')}</h1>
      {actionData?.error ? <p role="alert">{actionData.error}</p> : null}
      {link ? (
        <>
          <p>{t('verify.intro', { email: link.email })}</p>
          <Form method="post">
            <SubmitButton>{t('verify.confirm')}</SubmitButton>
          </Form>
        </>
      ) : (
        <>
          <p role="alert">{t('verify.invalid')}</p>
          <p>
            <Link to="/signin">{t('auth.signIn')}</Link>
          </p>
        </>
      )}
    </section>
  )
}
