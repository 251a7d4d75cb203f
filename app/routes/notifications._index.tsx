import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { requestOrigin, safeRedirectTarget } from '#app/lib/redirect-target.server.ts'
import { requireUser } from '#app/modules/auth/permissions.server.ts'
import { listNotifications, markAllRead, markRead } from '#app/modules/notifications/centre.server.ts'
import { notificationItems, notificationText } from '#app/modules/notifications/render.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const page = Math.max(1, Math.min(1000, Number(new URL(request.url).searchParams.get('page')) || 1))
  return listNotifications(user.id, page)
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { intent }) => {
  const user = await requireUser(request)
  const formData = await request.formData()
  if (intent(formData, ['read-all', 'read']) === 'read-all') await markAllRead(user.id)
  else await markRead(user.id, String(formData.get('id') ?? ''))
  // Opening a notification marks it read and follows its link.
  const next = formData.get('next')
  return redirect(safeRedirectTarget(typeof next === 'string' ? next : null, requestOrigin(request), '/notifications'))
})

export const meta: MetaFunction = () => [{ title: '通知 · Notifications · 链桥 Lianqiao' }]

export default function Notifications() {
  const { items, page, pages } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('notifications.title')}</h1>
      <p>
        <Link to="/notifications/preferences">{t('notifications.preferences')}</Link>
      </p>
      {items.some((n) => !n.readAt) ? (
        <Form method="post">
          <SubmitButton name="intent" value="read-all" className="button small">
            {t('notifications.markAllRead')}
          </SubmitButton>
        </Form>
      ) : null}
      {items.length === 0 ? <p>{t('notifications.none')}</p> : null}
      <ul className="plain-list notifications">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? undefined : 'unread'}>
            {n.readAt ? null : <span className="tag">{t('notifications.unread')}</span>}
            <span>{notificationText(locale, n.type, n.data)}</span>
            {notificationItems(locale, n.data).length ? (
              <ul>
                {notificationItems(locale, n.data).map((item, i) => (
                  <li key={i}>{item.link ? <Link to={item.link}>{item.title}</Link> : item.title}</li>
                ))}
              </ul>
            ) : null}
            <span className="hint">{formatDate(n.createdAt, 'dateTime')}</span>
            <Form method="post" className="inline">
              <input type="hidden" name="id" value={n.id} />
              {n.link ? <input type="hidden" name="next" value={n.link} /> : null}
              {n.link ? (
                <SubmitButton name="intent" value="read" className="button small">
                  {t('notifications.open')}
                </SubmitButton>
              ) : !n.readAt ? (
                <SubmitButton name="intent" value="read" className="button small">
                  {t('notifications.markRead')}
                </SubmitButton>
              ) : null}
            </Form>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pagination" aria-label={t('common.pagination')}>
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t('common.previous')}</Link> : null}
          <span>{t('common.pageOf', { page, pages })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}
