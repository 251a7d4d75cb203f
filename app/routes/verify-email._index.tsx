// "Check your inbox" after signing up, and where a signed-in user with an unverified address
// asks for the link again (the blocked pages post here).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { resendVerificationLink } from '#app/modules/auth/email-verification.server.ts'
import { getUser, isEmailVerified, requireUser } from '#app/modules/auth/permissions.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await getUser(request)
  return { signedIn: Boolean(user), unverified: user ? !(await isEmailVerified(user.id)) : false }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  await resendVerificationLink(user.id)
  return redirectWithToast('/verify-email', 'verify.resent')
})

export const meta: MetaFunction = () => [{ title: '验证电子邮箱 · Verify your e-mail · 链桥 Lianqiao' }]

export default function CheckInbox() {
  const { signedIn, unverified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="narrow stack">
      <h1>{t('verify.sentTitle')}</h1>
      <p>{t('verify.sentBody')}</p>
      {actionData?.error ? <p role="alert">{actionData.error}</p> : null}
      {unverified ? <VerifyEmailNotice /> : null}
      {signedIn ? null : (
        <p>
          <Link to="/signin">{t('auth.signIn')}</Link>
        </p>
      )}
    </section>
  )
}
