import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '#app/i18n/use-t.ts'
import { RecommendedRoles } from '#app/components/recommended-roles.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { recommendationsFor } from '#app/modules/matching/matching.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const meta: MetaFunction = () => [
  { title: '链桥 Lianqiao · 广西区块链人才对接平台' },
  { name: 'description', content: '链桥把广西高校的课程与学生技能，与区块链企业的实习岗位连在一起。' },
]

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await getUser(request)
  const recommended = user?.studentProfileId ? (await recommendationsFor(user.studentProfileId, { limit: 5, locale: requestLocale(request) })).items : null
  return { user: user ? { name: user.name, roles: user.roles } : null, recommended }
})

export default function Home() {
  const { user, recommended } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="stack">
      <section className="hero">
        <h1>{user ? t('home.welcome', { name: user.name }) : t('home.heroTitle')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        {user ? null : (
          <p>
            <Link to="/signup" className="button primary">
              {t('home.getStarted')}
            </Link>
          </p>
        )}
      </section>
      {recommended ? <RecommendedRoles items={recommended} /> : null}
      <section className="audiences" aria-label={t('app.name')}>
        <article className="card">
          <h2>{t('home.forStudents')}</h2>
          <p>{t('home.forStudentsText')}</p>
        </article>
        <article className="card">
          <h2>{t('home.forCompanies')}</h2>
          <p>{t('home.forCompaniesText')}</p>
        </article>
        <article className="card">
          <h2>{t('home.forUniversities')}</h2>
          <p>{t('home.forUniversitiesText')}</p>
        </article>
        <article className="card">
          <h2>{t('home.forOrganizers')}</h2>
          <p>{t('home.forOrganizersText')}</p>
        </article>
      </section>
    </div>
  )
}
