import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useRequestInfo } from '#app/components/request-info.tsx'
import { navigationFor } from '#app/components/site-nav.ts'
import { chosenLocale, requestLocale } from '#app/i18n/locale.server.ts'
import { defaultLocale, type Locale } from '#app/i18n/locale.ts'
import { translator } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { servedInClear } from '#app/lib/request-scheme.server.ts'
import { takeToast } from '#app/lib/toast.server.ts'
import { getUser, hasRole, requireCurrentPrivacyNotice } from '#app/modules/auth/permissions.server.ts'
import { countUnreadNotifications } from '#app/modules/notifications/unread.server.ts'
import stylesUrl from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: '链桥 Lianqiao' }]

export async function loader({ request }: LoaderFunctionArgs) {
  // Every page of a signed-in user waits until they accepted the current privacy notice.
  await requireCurrentPrivacyNotice(request)
  const user = await getUser(request)
  // A signed-in user's own choice of language wins over the browser's.
  const locale = chosenLocale(request) ?? user?.locale ?? requestLocale(request)
  return {
    locale,
    toast: takeToast(request),
    user: user ? { id: user.id, name: user.name, roles: user.roles } : null,
    unread: user ? await countUnreadNotifications(user.id) : 0,
    // Admins are the ones who can put TLS in front (decision 012).
    clearTextWarning: hasRole(user, 'admin') && servedInClear(),
  }
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootLoaderData>('root')
  const locale: Locale = data?.locale ?? defaultLocale
  const t = translator(locale)
  const { nonce, requestId } = useRequestInfo()
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="request-id" content={requestId} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <SiteHeader data={data} locale={locale} />
        {data?.clearTextWarning ? (
          <p className="clear-text-warning">
            {t('transport.clearText')} <Link to="/help/https">{t('transport.howToFix')}</Link>
          </p>
        ) : null}
        <main id="main" tabIndex={-1}>
          {data?.toast ? (
            <p className="toast" role="status">
              {t(data.toast)}
            </p>
          ) : null}
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('app.footer')}</p>
          <p>
            <Link to="/privacy">{t('privacy.title')}</Link>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function SiteHeader({ data, locale }: { data: RootLoaderData | undefined; locale: Locale }) {
  const t = translator(locale)
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  const user = data?.user ?? null
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        <span aria-hidden="true" className="brand-mark">
          链
        </span>
        <span>{t('app.name')}</span>
      </Link>
      <nav aria-label={t('nav.main')} className="site-nav">
        <ul>
          {navigationFor(user?.roles ?? []).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{t(item.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <Form method="post" action="/lang" className="lang-switch">
          <input type="hidden" name="redirectTo" value={here} />
          <input type="hidden" name="locale" value={locale === 'en' ? 'zh-CN' : 'en'} />
          <button type="submit" className="button link" lang={locale === 'en' ? 'zh-CN' : 'en'}>
            {t('nav.switchLanguage')}
          </button>
        </Form>
        {user ? (
          <>
            <NavLink to="/notifications" className="notifications-link">
              {t('nav.notifications')}
              {data?.unread ? (
                <span className="badge" aria-label={t('nav.unreadCount', { count: data.unread })}>
                  {data.unread}
                </span>
              ) : null}
            </NavLink>
            <NavLink to="/account">{user.name}</NavLink>
            <Form method="post" action="/signout">
              <button type="submit" className="button link">
                {t('auth.signOut')}
              </button>
            </Form>
          </>
        ) : (
          <>
            <NavLink to={`/signin?redirectTo=${encodeURIComponent(here)}`}>{t('auth.signIn')}</NavLink>
            <NavLink to="/signup" className="button primary small">
              {t('auth.signUp')}
            </NavLink>
          </>
        )}
      </div>
    </header>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const { requestId } = useRequestInfo()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page">
        <h1>{t('error.notFoundTitle')}</h1>
        <p>{t('error.notFound')}</p>
        <p>
          <Link to="/">{t('error.backHome')}</Link>
        </p>
      </section>
    )
  }
  const status = isRouteErrorResponse(error) ? error.status : 500
  // Refused input (unreadable form, too large, wrong kind) says what was wrong, translated.
  if (isRouteErrorResponse(error) && (status === 400 || status === 413 || status === 415)) {
    return (
      <section className="error-page">
        <h1>{status === 400 ? t('error.title') : t(status === 413 ? 'limits.tooLargeTitle' : 'limits.unsupportedTypeTitle')}</h1>
        <p>{typeof error.data === 'string' && error.data ? error.data : t('limits.malformedForm')}</p>
        <p>
          <Link to="/">{t('error.backHome')}</Link>
        </p>
      </section>
    )
  }
  // A loader's user error (pageLoader) carries its message, already in the reader's language.
  const message = isRouteErrorResponse(error) && status < 500 && typeof error.data === 'string' && error.data ? error.data : null
  return (
    <section className="error-page">
      <h1>{status === 403 ? t('error.forbidden') : t('error.title')}</h1>
      <p>{message ?? t('error.unexpected', { requestId: requestId || '-' })}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </section>
  )
}
