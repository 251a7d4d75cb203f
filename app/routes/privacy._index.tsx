// The privacy notice, for anyone; a signed-in reader also sees which version they accepted.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PrivacyNoticeText } from '#app/components/privacy-notice.tsx'
import { pageTitle } from '#app/i18n/page-title.ts'
import { useT } from '#app/i18n/use-t.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { privacyNotice } from '#app/modules/privacy/privacy.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await getUser(request)
  return privacyNotice(user?.id ?? null)
})

export const meta: MetaFunction = pageTitle('title.privacy')

export default function PrivacyNotice() {
  const notice = useLoaderData<typeof loader>()
  const t = useT()
  const formatDate = useFormatDate()
  const accepted = notice.accepted
  return (
    <article className="narrow stack">
      <h1>{t('privacy.title')}</h1>
      {accepted?.version && accepted.acceptedAt ? (
        <p className="notice">{t('privacy.yourAcceptance', { version: accepted.version, date: formatDate(accepted.acceptedAt) })}</p>
      ) : null}
      <PrivacyNoticeText version={notice.version} date={notice.date} retentionDays={notice.retentionDays} />
    </article>
  )
}
