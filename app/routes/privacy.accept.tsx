// Accepting the current privacy notice: a signed-in user whose accepted version is older (or
// who never accepted one, e.g. an account an operator created) is sent here before any other
// page, and back to where they were going afterwards (docs/decisions/028).
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { PrivacyConsentField } from '#app/components/privacy-consent.tsx'
import { PrivacyNoticeText } from '#app/components/privacy-notice.tsx'
import { pageTitle } from '#app/i18n/page-title.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { requestOrigin, safeRedirectTarget } from '#app/lib/redirect-target.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireSignedIn } from '#app/modules/auth/permissions.server.ts'
import { acceptPrivacySchema } from '#app/modules/auth/schemas.ts'
import { privacyNoticeOutdated } from '#app/modules/privacy/notice.ts'
import { acceptPrivacyNotice, privacyNotice } from '#app/modules/privacy/privacy.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const { user, privacyNoticeVersion } = await requireSignedIn(request)
  if (!privacyNoticeOutdated(privacyNoticeVersion)) {
    throw redirect(safeRedirectTarget(new URL(request.url).searchParams.get('redirectTo'), requestOrigin(request)))
  }
  return privacyNotice(user.id)
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const { user } = await requireSignedIn(request)
  const submission = parseForm(await request.formData(), acceptPrivacySchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await acceptPrivacyNotice(user.id)
  return redirectWithToast(safeRedirectTarget(submission.value.redirectTo, requestOrigin(request)), 'privacy.accepted')
})

export const meta: MetaFunction = pageTitle('title.privacyAccept')

export default function AcceptPrivacyNotice() {
  const notice = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'accept-privacy',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptPrivacySchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <article className="narrow stack">
      <h1>{t('privacy.acceptTitle')}</h1>
      <p>{t('privacy.acceptIntro', { version: notice.version })}</p>
      {notice.accepted?.version ? <p className="hint">{t('privacy.acceptedBefore', { version: notice.accepted.version })}</p> : null}
      <PrivacyNoticeText version={notice.version} date={notice.date} retentionDays={notice.retentionDays} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <PrivacyConsentField field={fields.consent} />
        <SubmitButton>{t('privacy.acceptButton')}</SubmitButton>
      </Form>
    </article>
  )
}
