// "Check your inbox" after signing up, and where a signed-in user with an unverified address
// asks for the link again (the blocked pages post here).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { userErrorData } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { resendVerificationLink } from '#app/modules/auth/email-verification.server.ts'
import { getUser, isEmailVerified, requireUser } from '#app/modules/auth/permissions.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return { signedIn: Boolean(user), unverified: user ? !(await isEmailVerified(user.id)) : false }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  try {
    await resendVerificationLink(user.id)
  } catch (error) {
    return userErrorData(error, requestLocale(request))
  }
  return redirectWithToast('/verify-email', 'verify.resent')
}

export const meta: MetaFunction = () => [{ title: '验证电子邮箱 · Verify your e-mail · 链桥 Lianqiao' }]

export default function CheckInbox() {
  const { signedIn, unverified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow stack">
      <h1>{t('verify.sentTitle')}</h1>
      <p>{t('verify.sentBody')}</p>
      {actionData && 'error' in actionData ? <p role="alert">{actionData.error}</p> : null}
      {unverified ? <VerifyEmailNotice /> : null}
      {signedIn ? null : (
        <p>
          <Link to="/signin">{t('auth.signIn')}</Link>
        </p>
      )}
    </section>
  )
}
