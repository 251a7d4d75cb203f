// The one-click unsubscribe link of every e-mail: signed, works without signing in, turns
// e-mail off for that notification type.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { isMessageKey } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { unsubscribe } from '#app/modules/notifications/preferences.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const result = await unsubscribe(params.token ?? '')
  return data({ type: result?.type ?? null }, { status: result ? 200 : 404 })
})

/** The one-click POST of RFC 8058, sent by mail clients without cookies. */
export const action = pageAction(async ({ params }: ActionFunctionArgs) => {
  const result = await unsubscribe(params.token ?? '')
  return new Response(null, { status: result ? 204 : 404 })
})

export const meta: MetaFunction = () => [{ title: '退订 · Unsubscribe · 链桥 Lianqiao' }, { name: 'robots', content: 'noindex' }]

export default function Unsubscribe() {
  const { type } = useLoaderData<typeof loader>()
  const t = useT()
  const typeKey = `notificationType.${type}`
  return (
    <section className="narrow stack">
      <h1>{t('notifications.unsubscribeTitle')}</h1>
      <p role="status">{type ? t('notifications.unsubscribed', { type: isMessageKey(typeKey) ? t(typeKey) : type }) : t('notifications.unsubscribeInvalid')}</p>
      <p>
        <Link to="/notifications/preferences">{t('notifications.preferences')}</Link>
      </p>
    </section>
  )
}
