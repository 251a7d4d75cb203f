// The home page. Anonymous: a role search, the China–ASEAN contest and its registration
// deadline, the next events, park-incubated firms with open roles, live numbers and the
// newest roles, all from the database. A student: the first steps while the profile is
// empty, the profile-strength meter's next best action, deadlines, coming events, one
// course or event for the biggest skill gap, and recommendations with reasons. A company
// member: new applicants, roles closing soon and suggested candidates.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { EventTime } from '#app/components/events/event-time.tsx'
import { RecommendedRoles } from '#app/components/recommended-roles.tsx'
import { cityName } from '#app/modules/cities/cities.ts'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { getUser, hasRole } from '#app/modules/auth/permissions.server.ts'
import { companyHome } from '#app/modules/home/company-home.server.ts'
import { publicHome } from '#app/modules/home/home.server.ts'
import { studentHome } from '#app/modules/home/student-home.server.ts'
import { CompanyHome, StudentDeadlines, StudentEvents, GapSuggestion } from '#app/components/homes.tsx'

export const meta: MetaFunction = () => [
  { title: '链桥 Lianqiao · 广西区块链人才对接平台' },
  { name: 'description', content: '链桥把广西高校的课程与学生技能，与区块链企业的实习岗位连在一起。' },
]

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const user = await getUser(request)
  const none = { home: null, student: null, company: null, companyMember: false }
  if (!user) return { ...none, user: null, home: await publicHome() }
  const studentProfileId = user.studentProfileId
  if (studentProfileId) return { ...none, user: { name: user.name }, student: await studentHome({ ...user, studentProfileId }, locale) }
  if (hasRole(user, 'company_member')) {
    const company = await companyHome(user, new URL(request.url).searchParams.get('company'), locale)
    return { ...none, user: { name: user.name }, companyMember: true, company }
  }
  return { ...none, user: { name: user.name } }
})

type StudentHomeData = Awaited<ReturnType<typeof studentHome>>

function NextAction({ next }: { next: StudentHomeData['next'] }) {
  const t = useT()
  const text = next.action === 'courses' ? t('home.next.courses', { courses: next.courses, unlocked: next.unlocked }) : t(`home.next.${next.action}` as const)
  const href =
    next.action === 'courses' || next.action === 'university'
      ? next.action === 'courses'
        ? '/onboarding?step=courses'
        : '/onboarding'
      : next.action === 'skills'
        ? '/onboarding?step=skills'
        : '/profile#evidence-heading'
  return (
    <section aria-labelledby="strength-heading" className="card">
      <h2 id="strength-heading">{t('home.strength')}</h2>
      <p>{t('home.matchesNow', { count: next.matches })}</p>
      <p>
        <strong>{t('home.nextBest')}</strong> <Link to={href}>{text}</Link>
      </p>
    </section>
  )
}

function PublicHome({ home }: { home: NonNullable<Awaited<ReturnType<typeof publicHome>>> }) {
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  const numbers = [
    ['openRoles', home.numbers.openRoles],
    ['firms', home.numbers.firms],
    ['universities', home.numbers.universities],
    ['matchedThisMonth', home.numbers.matchedThisMonth],
  ] as const
  return (
    <>
      <Form method="get" action="/roles" role="search" className="home-search">
        <label htmlFor="home-search">{t('home.searchLabel')}</label>
        <input id="home-search" type="search" name="q" placeholder={t('home.searchPlaceholder')} />
        <button type="submit" className="button primary">
          {t('home.search')}
        </button>
      </Form>
      <section aria-label={t('home.numbers')} className="home-numbers">
        <dl>
          {numbers.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`home.number.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {home.contest ? (
        <section aria-labelledby="contest-heading" className="card">
          <h2 id="contest-heading">
            <Link to={`/events/${home.contest.id}`}>{pickText(locale, home.contest.titleZh, home.contest.titleEn)}</Link>
          </h2>
          <EventTime startsAt={home.contest.startsAt} endsAt={home.contest.endsAt} />
          <p>
            <strong>{t('home.registrationCloses', { date: formatDate(home.contest.registrationClosesAt, 'dateTime24') })}</strong>
          </p>
        </section>
      ) : null}
      <div className="grid-2">
        <section aria-labelledby="next-events-heading" className="stack">
          <h2 id="next-events-heading">{t('home.nextEvents')}</h2>
          {home.events.length === 0 ? <p>{t('events.none')}</p> : null}
          <ul className="plain-list">
            {home.events.map((event) => (
              <li key={event.id}>
                <Link to={`/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>{' '}
                <span className="tag">{t(`events.kind.${event.kind}` as const)}</span>
                <br />
                <span className="hint">{formatDate(event.startsAt, 'dateTime24')}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/events">{t('home.allEvents')}</Link>
          </p>
        </section>
        <section aria-labelledby="newest-heading" className="stack">
          <h2 id="newest-heading">{t('home.newestRoles')}</h2>
          <ul className="plain-list">
            {home.newestRoles.map((role) => (
              <li key={role.id}>
                <Link to={`/roles/${role.id}`}>{pickText(locale, role.titleZh, role.titleEn)}</Link>
                <br />
                <span className="hint">
                  {pickText(locale, role.company.nameZh, role.company.nameEn)} · {cityName(role.city, locale)}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/roles">{t('home.allRoles')}</Link>
          </p>
        </section>
      </div>
      {home.parkFirms.length > 0 ? (
        <section aria-labelledby="park-heading" className="stack">
          <h2 id="park-heading">{t('home.parkFirms')}</h2>
          <ul className="audiences">
            {home.parkFirms.map((firm) => (
              <li key={firm.id} className="card">
                <h3>
                  <Link to={`/companies/${firm.id}`}>{pickText(locale, firm.nameZh, firm.nameEn)}</Link>
                </h3>
                <ul className="plain-list">
                  {firm.roles.map((role) => (
                    <li key={role.id}>
                      <Link to={`/roles/${role.id}`}>{pickText(locale, role.titleZh, role.titleEn)}</Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}

export default function Home() {
  const { user, home, student, company, companyMember } = useLoaderData<typeof loader>()
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
      {student?.empty ? (
        <section aria-labelledby="start-heading" className="card notice">
          <h2 id="start-heading">{t('onboarding.title')}</h2>
          <p>{t('onboarding.startPrompt')}</p>
          <p>
            <Link to="/onboarding" className="button primary">
              {t('onboarding.start')}
            </Link>
          </p>
        </section>
      ) : null}
      {student ? (
        <>
          <NextAction next={student.next} />
          <div className="grid-2">
            <StudentDeadlines deadlines={student.deadlines} />
            <StudentEvents events={student.events} />
          </div>
          <GapSuggestion gap={student.gap} />
          <RecommendedRoles items={student.recommended} />
        </>
      ) : null}
      {companyMember ? <CompanyHome home={company} /> : null}
      {home ? <PublicHome home={home} /> : null}
    </div>
  )
}
