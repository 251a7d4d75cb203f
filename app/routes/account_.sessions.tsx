// Signed-in devices: browser and system, an approximate place, when last seen; this device
// is marked, and any of them can be signed out.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { describePlace, describeUserAgent } from '#app/modules/auth/devices.ts'
import { getSessionId, requireUser } from '#app/modules/auth/permissions.server.ts'
import { revokeSessionSchema } from '#app/modules/auth/schemas.ts'
import { clearedSessionCookie, listSessions, revokeSession } from '#app/modules/auth/session.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const currentId = await getSessionId(request)
  const sessions = await listSessions(user.id)
  // The address itself stays on the server; the page shows only its network.
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      current: s.id === currentId,
      device: describeUserAgent(s.userAgent),
      place: describePlace(s.ip),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    })),
  }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireUser(request)
  const submission = parseForm(await request.formData(), revokeSessionSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await revokeSession(user.id, submission.value.sessionId)
  // Signing out this device is signing out.
  const headers = submission.value.sessionId === (await getSessionId(request)) ? { 'Set-Cookie': clearedSessionCookie() } : undefined
  return redirectWithToast(headers ? '/' : '/account/sessions', 'sessions.revoked', { headers })
})

export const meta: MetaFunction = () => [{ title: '已登录的设备 · Signed-in devices · 链桥 Lianqiao' }]

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>()
  const t = useT()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <p>
        <Link to="/account">{t('account.title')}</Link>
      </p>
      <h1>{t('sessions.title')}</h1>
      <p className="hint">{t('sessions.intro')}</p>
      <ul className="plain-list" aria-label={t('sessions.title')}>
        {sessions.map((s) => {
          const name = `${s.device.browser ?? t('sessions.unknownBrowser')} · ${s.device.os ?? t('sessions.unknownOs')}`
          return (
            <li key={s.id} className="card">
              <p>
                <strong>{name}</strong> {s.current ? <span className="tag">{t('sessions.current')}</span> : null}
              </p>
              <p>
                {s.place.kind === 'public' ? t('sessions.place.public', { network: s.place.network ?? '' }) : t(`sessions.place.${s.place.kind}`)}
                {' · '}
                {t('sessions.lastSeen')}: {formatDate(s.lastSeenAt, 'dateTime')} · {t('sessions.signedInAt')}: {formatDate(s.createdAt, 'dateTime')}
              </p>
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <SubmitButton className="button small danger">
                  <span>{t('sessions.revoke')}</span>
                  <span className="visually-hidden"> ({name})</span>
                </SubmitButton>
              </Form>
            </li>
          )
        })}
      </ul>
      <p className="hint">{t('sessions.placeHint')}</p>
    </section>
  )
}
