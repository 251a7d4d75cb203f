import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { isMessageKey } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { listPreferences, savePreferences, type Preference } from '#app/modules/notifications/preferences.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  return { preferences: await listPreferences(user.id) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const formData = await request.formData()
  // Unchecked boxes are absent from the form: absent means off.
  const chosen: Record<string, Preference> = {}
  for (const { type } of await listPreferences(user.id)) {
    chosen[type] = { inApp: formData.get(`inApp.${type}`) === 'on', email: formData.get(`email.${type}`) === 'on' }
  }
  await savePreferences(user.id, chosen)
  return redirectWithToast('/notifications/preferences', 'notifications.saved')
})

export const meta: MetaFunction = () => [{ title: '通知设置 · Notification settings · 链桥 Lianqiao' }]

export default function Preferences() {
  const { preferences } = useLoaderData<typeof loader>()
  const t = useT()
  const label = (type: string) => {
    const key = `notificationType.${type}`
    return isMessageKey(key) ? t(key) : type
  }
  return (
    <section className="stack">
      <h1>{t('notifications.preferences')}</h1>
      <p className="hint">{t('notifications.preferencesIntro')}</p>
      <Form method="post">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('notifications.type')}</th>
              <th scope="col">{t('notifications.inApp')}</th>
              <th scope="col">{t('notifications.email')}</th>
            </tr>
          </thead>
          <tbody>
            {preferences.map((p) => (
              <tr key={p.type}>
                <th scope="row" id={`type-${p.type}`}>
                  {label(p.type)}
                </th>
                <td>
                  <input type="checkbox" name={`inApp.${p.type}`} defaultChecked={p.inApp} aria-label={`${label(p.type)} · ${t('notifications.inApp')}`} />
                </td>
                <td>
                  <input type="checkbox" name={`email.${p.type}`} defaultChecked={p.email} aria-label={`${label(p.type)} · ${t('notifications.email')}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <SubmitButton>{t('common.save')}</SubmitButton>
      </Form>
    </section>
  )
}
