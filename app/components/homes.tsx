// The blocks of the signed-in homes. A student's: deadlines of saved roles and open
// applications, coming registered events, and the one course or event for the biggest
// skill gap. A company member's: new applicants, roles closing soon, suggested candidates.
// Every block says what to do next when it is empty.
import { Link } from '@remix-run/react'
import { MatchBadge } from '#app/components/match.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { useFormatDate } from '#app/lib/time.ts'
import type { ApplicationStatus } from '#app/modules/applications/transitions.ts'

type Instant = Date | string
type Titled = { titleZh: string | null; titleEn: string | null }
type Named = { nameZh: string | null; nameEn: string | null }

type Deadline = { role: Titled & { id: string; closesAt: Instant; company: Named } } & (
  { kind: 'application'; applicationId: string; status: ApplicationStatus } | { kind: 'saved' }
)

export function StudentDeadlines({ deadlines }: { deadlines: Deadline[] }) {
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section aria-labelledby="deadlines-heading" className="card stack">
      <h2 id="deadlines-heading">{t('home.deadlines')}</h2>
      {deadlines.length === 0 ? (
        <p>
          {t('home.deadlinesEmpty')} <Link to="/roles">{t('home.deadlinesNext')}</Link>
        </p>
      ) : (
        <ol className="plain-list">
          {deadlines.map((entry) => (
            <li key={entry.role.id}>
              <Link to={`/roles/${entry.role.id}`}>{pickText(locale, entry.role.titleZh, entry.role.titleEn)}</Link>{' '}
              {entry.kind === 'saved' ? (
                <span className="tag">{t('home.deadlineSaved')}</span>
              ) : (
                <Link to={`/applications/${entry.applicationId}`} className="tag">
                  {t(`applications.status.${entry.status}`)}
                </Link>
              )}
              <br />
              <span className="hint">
                {pickText(locale, entry.role.company.nameZh, entry.role.company.nameEn)} ·{' '}
                <strong>{t('home.deadlineOn', { date: formatDate(entry.role.closesAt, 'date') })}</strong>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

type RegisteredEvent = Titled & { id: string; kind: string; status: 'confirmed' | 'waitlisted' | 'pending' | 'cancelled' | 'declined'; startsAt: Instant }

export function StudentEvents({ events }: { events: RegisteredEvent[] }) {
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  return (
    <section aria-labelledby="my-events-heading" className="card stack">
      <h2 id="my-events-heading">{t('home.myEvents')}</h2>
      {events.length === 0 ? (
        <p>
          {t('home.myEventsEmpty')} <Link to="/events">{t('home.myEventsNext')}</Link>
        </p>
      ) : (
        <ul className="plain-list">
          {events.map((event) => (
            <li key={event.id}>
              <Link to={`/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>{' '}
              <span className="tag">{t(`events.status.${event.status}`)}</span>
              <br />
              <span className="hint">{formatDate(event.startsAt, 'dateTime24')}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/events/mine">{t('nav.myEvents')}</Link>
      </p>
    </section>
  )
}

type Gap = {
  gap: { name: { zh: string; en: string }; roles: number; scope: 'preferences' | 'open' } | null
  suggestion: ({ kind: 'course'; id: string; code: string | null } & Titled) | ({ kind: 'event'; id: string; startsAt: Instant } & Titled) | null
}

export function GapSuggestion({ gap: { gap, suggestion } }: { gap: Gap }) {
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  let body
  if (!gap) {
    body = (
      <p>
        {t('home.gap.none')} <Link to="/roles">{t('home.gap.noneAction')}</Link>
      </p>
    )
  } else {
    const skill = pickText(locale, gap.name.zh, gap.name.en)
    const count = gap.roles
    if (suggestion?.kind === 'course') {
      const course = pickText(locale, suggestion.titleZh, suggestion.titleEn) || (suggestion.code ?? '')
      body = (
        <p>
          {t(`home.gap.course.${gap.scope}`, { course, skill, count })} <Link to="/onboarding?step=courses">{t('home.gap.courseAction')}</Link>
        </p>
      )
    } else if (suggestion?.kind === 'event') {
      const event = pickText(locale, suggestion.titleZh, suggestion.titleEn)
      body = (
        <p>
          {t(`home.gap.event.${gap.scope}`, { event, date: formatDate(suggestion.startsAt, 'date'), skill, count })}{' '}
          <Link to={`/events/${suggestion.id}`}>{t('home.gap.eventAction')}</Link>
        </p>
      )
    } else {
      body = (
        <p>
          {t(`home.gap.noRemedy.${gap.scope}`, { skill, count })} <Link to="/onboarding?step=skills">{t('home.gap.noRemedyAction')}</Link>
        </p>
      )
    }
  }
  return (
    <section aria-labelledby="gap-heading" className="card">
      <h2 id="gap-heading">{t('home.gapTitle')}</h2>
      {body}
    </section>
  )
}

type CompanyHomeData = {
  company: Named & { id: string }
  windows: { applicantDays: number; closingDays: number }
  applicants: { count: number; items: Array<{ id: string; name: string; status: ApplicationStatus; createdAt: Instant; role: Titled & { id: string } }> }
  closing: Array<Titled & { id: string; closesAt: Instant; _count: { applications: number } }>
  candidates: {
    allowed: boolean
    roles: Array<{
      role: Titled & { id: string }
      candidates: Array<{ id: string; name: string; score: number; reason: { text: string } | null }>
    }>
  }
}

export function CompanyHome({ home }: { home: CompanyHomeData | null }) {
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  if (!home) {
    return (
      <p className="card">
        {t('home.company.noCompany')} <Link to="/company">{t('nav.company')}</Link>
      </p>
    )
  }
  const { applicantDays, closingDays } = home.windows
  const title = (x: Titled) => pickText(locale, x.titleZh, x.titleEn)
  return (
    <>
      <h2>{t('home.company.title', { company: pickText(locale, home.company.nameZh, home.company.nameEn) })}</h2>
      <div className="grid-2">
        <section aria-labelledby="new-applicants-heading" className="card stack">
          <h3 id="new-applicants-heading">{t('home.company.newApplicants', { days: applicantDays })}</h3>
          {home.applicants.count === 0 ? (
            <p>{t('home.company.newApplicantsEmpty', { days: applicantDays })}</p>
          ) : (
            <>
              <p className="hint">{t('home.company.newApplicantsCount', { count: home.applicants.count })}</p>
              <ul className="plain-list">
                {home.applicants.items.map((a) => (
                  <li key={a.id}>
                    <Link to={`/company/applications/${a.id}`}>{a.name}</Link> <span className="tag">{t(`applications.status.${a.status}`)}</span>
                    <br />
                    <span className="hint">{t('home.company.appliedTo', { role: title(a.role), date: formatDate(a.createdAt, 'date') })}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link to="/company/applications">{t('home.company.allApplications')}</Link>
          </p>
        </section>
        <section aria-labelledby="closing-heading" className="card stack">
          <h3 id="closing-heading">{t('home.company.closing', { days: closingDays })}</h3>
          {home.closing.length === 0 ? (
            <p>{t('home.company.closingEmpty', { days: closingDays })}</p>
          ) : (
            <ul className="plain-list">
              {home.closing.map((role) => (
                <li key={role.id}>
                  <Link to={`/roles/${role.id}`}>{title(role)}</Link>
                  <br />
                  <span className="hint">
                    <strong>{t('home.deadlineOn', { date: formatDate(role.closesAt, 'date') })}</strong> ·{' '}
                    <Link to={`/company/roles/${role.id}/applicants`}>{t('home.company.applicantCount', { count: role._count.applications })}</Link>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/company">{t('home.company.manageRoles')}</Link>
          </p>
        </section>
      </div>
      <section aria-labelledby="suggested-heading" className="stack">
        <h3 id="suggested-heading">{t('home.company.candidates')}</h3>
        {!home.candidates.allowed ? (
          <p>
            {t('match.companyNotVerified')} <Link to="/company/verification">{t('home.company.verify')}</Link>
          </p>
        ) : home.candidates.roles.length === 0 ? (
          <p>
            {t('home.company.candidatesEmpty')} <Link to="/company/roles/new">{t('home.company.postRole')}</Link>
          </p>
        ) : (
          home.candidates.roles.map(({ role, candidates }) => (
            <section key={role.id} aria-labelledby={`candidates-${role.id}`} className="card">
              <h4 id={`candidates-${role.id}`}>{t('home.company.candidatesFor', { role: title(role) })}</h4>
              <ul className="plain-list">
                {candidates.map((c) => (
                  <li key={c.id}>
                    {c.name} <MatchBadge score={c.score} />
                    {c.reason ? (
                      <>
                        <br />
                        <span className="hint">{c.reason.text}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/company/roles/${role.id}/candidates`}>{t('home.company.allCandidates', { role: title(role) })}</Link>
              </p>
            </section>
          ))
        )}
      </section>
    </>
  )
}
