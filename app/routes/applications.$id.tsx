import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ApplicationThread } from '#app/components/application-thread.tsx'
import { AttachedCredentials, CredentialChoices } from '#app/components/attached-credentials.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { getMyApplication } from '#app/modules/applications/review.server.ts'
import { attachCredentialsSchema, detachCredentialSchema, messageSchema } from '#app/modules/applications/schemas.ts'
import { attachCredentials, detachCredential } from '#app/modules/credentials/attachments.server.ts'
import { postMessage } from '#app/modules/applications/threads.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  const application = await getMyApplication(user, params.id ?? '')
  if (!application) throw notFoundResponse()
  return { application }
})

type Reply = { errors?: string[] | null; attachErrors?: string[] | null }

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm, intent }) => {
  const user = await requireRole(request, 'student')
  const id = params.id ?? ''
  const here = `/applications/${id}`
  const formData = await request.formData()
  switch (intent(formData, ['message', 'attach', 'detach'])) {
    case 'message': {
      const submission = parseForm(formData, messageSchema)
      if (submission.status !== 'success') return data<Reply>({ errors: submission.error?.body ?? null }, { status: 400 })
      await postMessage(user, id, submission.value.body)
      return redirectWithToast(here, 'applications.messageSent')
    }
    case 'attach': {
      const submission = parseForm(formData, attachCredentialsSchema)
      if (submission.status !== 'success') return data<Reply>({ attachErrors: submission.error?.credentialIds ?? null }, { status: 400 })
      await attachCredentials(user, id, submission.value.credentialIds)
      return redirectWithToast(here, 'attach.attached')
    }
    case 'detach': {
      const submission = parseForm(formData, detachCredentialSchema)
      if (submission.status !== 'success') return data<Reply>({ attachErrors: submission.error?.credentialId ?? null }, { status: 400 })
      await detachCredential(user, id, submission.value.credentialId)
      return redirectWithToast(here, 'attach.detached')
    }
  }
})

export const meta: MetaFunction = pageTitle('title.application')

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
        <span className={`status status-${a.status}`}>{t(`applications.status.${a.status}`)}</span>
        {a.noResponse ? <span className="tag warning">{t('applications.noResponse')}</span> : null}
      </p>
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('applications.history')}</h2>
        <ol className="history">
          {a.events.map((e, i) => (
            <li key={i}>
              {t('applications.historyEntry', { date: formatDate(e.createdAt, 'dateTime'), status: t(`applications.status.${e.toStatus}`) })}
              {e.reason ? ` · ${t('applications.reason', { reason: e.reason })}` : null}
            </li>
          ))}
        </ol>
      </section>
      <AttachedCredentials credentials={a.credentials} detachable />
      {a.attachable.length ? (
        <section className="card" aria-labelledby="attach-heading">
          <h2 id="attach-heading">{t('attach.more')}</h2>
          <Form method="post">
            <CredentialChoices
              credentials={a.attachable}
              errors={actionData?.attachErrors ?? (actionData && 'result' in actionData ? actionData.result?.error?.credentialIds : undefined) ?? undefined}
            />
            <SubmitButton name="intent" value="attach">
              {t('attach.submit')}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <ApplicationThread messages={a.messages} errors={actionData?.errors} />
    </section>
  )
}
