// An issuer's staff see the credentials they issued and revoke one with a reason; the
// student is told.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { credentialsManagedBy, revokeCredential } from '#app/modules/credentials/revoke.server.ts'
import { revokeSchema } from '#app/modules/credentials/schemas.ts'

const STAFF = ['university_staff', 'company_member', 'organizer', 'admin'] as const

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ...STAFF)
  return { credentials: await credentialsManagedBy(user) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, about }) => {
  const user = await requireRole(request, ...STAFF)
  const formData = await request.formData()
  about(String(formData.get('credentialId') ?? ''))
  const submission = parseForm(formData, revokeSchema)
  if (submission.status !== 'success') return { result: submission.reply(), subject: submission.payload.credentialId as string | undefined }
  await revokeCredential(user, submission.value.credentialId, submission.value.reason)
  return redirectWithToast('/credentials/issued', 'credentials.staff.revoked')
})

export const meta: MetaFunction = () => [{ title: '已签发的证书 · Issued credentials · 链桥 Lianqiao' }]

export default function IssuedCredentials() {
  const { credentials } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('credentials.staff.title')}</h1>
      {credentials.length === 0 ? <p>{t('credentials.staff.empty')}</p> : null}
      <ul className="stack">
        {credentials.map((c) => {
          const errors =
            actionData?.subject === c.id
              ? ((actionData.result as { error?: Record<string, string[] | null> } | undefined)?.error?.reason ??
                (actionData && 'error' in actionData && actionData.error ? [actionData.error] : null))
              : null
          return (
            <li key={c.id} className="card stack">
              <h2>
                {pickText(locale, c.title.zh, c.title.en)}
                <span className="tag">{t(`credentials.kind.${c.kind}` as const)}</span>
                {c.revokedAt ? <span className="tag warning">{t('credentials.mine.revoked', { reason: c.revocationReason ?? '' })}</span> : null}
              </h2>
              <p>
                {t('credentials.staff.student')}: {c.student?.name} ({c.student?.email}) · {t('credentials.mine.issuedOn', { date: c.issuedOn })}
              </p>
              {c.revokedAt ? null : (
                <Form method="post" className="stack">
                  <input type="hidden" name="credentialId" value={c.id} />
                  <div className="field">
                    <label htmlFor={`reason-${c.id}`}>{t('credentials.staff.reason')}</label>
                    <input
                      id={`reason-${c.id}`}
                      name="reason"
                      required
                      minLength={2}
                      maxLength={500}
                      aria-invalid={errors ? true : undefined}
                      aria-describedby={errors ? `reason-${c.id}-error` : undefined}
                    />
                    {errors ? (
                      <p id={`reason-${c.id}-error`} className="error">
                        {errors.join(' ')}
                      </p>
                    ) : null}
                  </div>
                  <SubmitButton>{t('credentials.staff.revoke')}</SubmitButton>
                </Form>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
