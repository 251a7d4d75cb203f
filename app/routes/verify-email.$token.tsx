// A verify link from an e-mail. Opening it only shows a button: mail scanners that fetch
// links must not use up the single-use token; the POST verifies.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { describeVerificationLink, verifyEmail } from '#app/modules/auth/email-verification.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { startSessionAndRedirect } from '#app/modules/auth/sign-in-flow.server.ts'

const invalid = () => data({ link: null, error: 'verify.invalid' as const }, { status: 404 })

export async function loader({ params }: LoaderFunctionArgs) {
  try {
    return { link: await describeVerificationLink(params.token ?? ''), error: null }
  } catch (error) {
    if (error instanceof UserFacingError && error.status === 404) return invalid()
    throw error
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  let verified: { userId: string; changed: boolean }
  try {
    verified = await verifyEmail(params.token ?? '')
  } catch (error) {
    if (error instanceof UserFacingError && error.status === 404) return invalid()
    if (error instanceof UserFacingError) return data({ link: null, error: error.key }, { status: error.status })
    throw error
  }
  const user = await getUser(request)
  const toast = verified.changed ? 'emailChange.changed' : 'verify.done'
  // The link proves the address as a reset link would, so it may sign its owner in.
  if (!user) return startSessionAndRedirect(request, verified.userId, '/', toast)
  return redirectWithToast(user.id === verified.userId ? '/account' : '/', toast)
}

export const meta: MetaFunction = () => [{ title: '验证电子邮箱 · Verify your e-mail · 链桥 Lianqiao' }]

export default function VerifyEmail() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const error = actionData?.error ?? loaded.error
  if (!loaded.link || error) {
    return (
      <section className="narrow">
        <h1>{t('verify.title')}</h1>
        <p role="alert">{t(error ?? 'verify.invalid')}</p>
        <p>
          <Link to="/signin">{t('auth.signIn')}</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="narrow">
      <h1>{t('verify.title')}</h1>
      <p>{t('verify.intro', { email: loaded.link.email })}</p>
      <Form method="post">
        <SubmitButton>{t('verify.confirm')}</SubmitButton>
      </Form>
    </section>
  )
}
