import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ApplicationThread } from '#app/components/application-thread.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { pickText, type MessageKey } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { getMyApplication } from '#app/modules/applications/review.server.ts'
import { messageSchema } from '#app/modules/applications/schemas.ts'
import { postMessage } from '#app/modules/applications/threads.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  const application = await getMyApplication(user, params.id ?? '')
  if (!application) throw notFoundResponse()
  return { application }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, 'student')
  const application = await getMyApplication(user, params.id ?? '')
  if (!application) throw notFoundResponse()
  const submission = parseForm(await request.formData(), messageSchema, requestLocale(request))
  if (submission.status !== 'success') return data({ errors: submission.error?.body ?? null }, { status: 400 })
  await postMessage(user, application.id, submission.value.body)
  return redirectWithToast(`/applications/${application.id}`, 'applications.messageSent')
})

export const meta: MetaFunction = () => [{ title: '申请详情 · Application · 链桥 Lianqiao' }]

export default function MyApplication() {
  const { application: a } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <p>
        <Link to="/applications">{t('common.back')}</Link>
      </p>
      <h1>
        {pickText(locale, a.role.titleZh, a.role.titleEn)} · {pickText(locale, a.role.company.nameZh, a.role.company.nameEn)}
      </h1>
      <p>
        <span className={`status status-${a.status}`}>{t(`applications.status.${a.status}` as MessageKey)}</span>
        {a.noResponse ? <span className="tag warning">{t('applications.noResponse')}</span> : null}
      </p>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('applications.history')}</h2>
        <ol className="history">
          {a.events.map((e, i) => (
            <li key={i}>
              {t('applications.historyEntry', { date: formatDate(e.createdAt, 'dateTime'), status: t(`applications.status.${e.toStatus}` as MessageKey) })}
              {e.reason ? ` · ${t('applications.reason', { reason: e.reason })}` : null}
            </li>
          ))}
        </ol>
      </section>
      <ApplicationThread messages={a.messages} errors={actionData?.errors} />
    </section>
  )
}
