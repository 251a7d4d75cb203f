import { getFormProps, useForm } from '@conform-to/react'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { EventTime } from '#app/components/events/event-time.tsx'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { ReportLink } from '#app/components/report-link.tsx'
import type { MessageKey } from '#app/i18n/translate.ts'
import { pickText } from '#app/i18n/translate.ts'
import { localeOf } from '#app/i18n/page-title.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { isHttpUrl } from '#app/lib/http-url.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { getUser, isEmailVerified, requireUser } from '#app/modules/auth/permissions.server.ts'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { getEventForViewer } from '#app/modules/events/events.server.ts'
import { googleCalendarUrl } from '#app/modules/events/ics.ts'
import { cancelRegistration, myRegistration, registerForEvent, waitlistPosition } from '#app/modules/events/registrations.server.ts'
import { registerFormSchema } from '#app/modules/events/schemas.ts'
import { myTeamForEvent } from '#app/modules/events/teams.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { formatDate } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  const user = await getUser(request)
  const event = await getEventForViewer(params.id ?? '', user)
  const registration = user ? await myRegistration(event.id, user.id) : null
  const position = registration?.status === 'waitlisted' ? await waitlistPosition(event.id, registration) : null
  const team = user && event.kind === 'contest' ? await myTeamForEvent(event.id, user.id) : null
  const calendar = googleCalendarUrl({
    uid: event.id,
    title: pickText(locale, event.titleZh, event.titleEn),
    location: event.venue ?? event.onlineUrl ?? undefined,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
  })
  return {
    event,
    signedIn: Boolean(user),
    emailVerified: user ? await isEmailVerified(user.id) : true,
    registration: registration ? { ...registration, ticketCode: undefined } : null,
    position,
    team: team && user ? { ...team, isCaptain: team.captainId === user.id } : null,
    calendar,
  }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm, intent }) => {
  const user = await requireUser(request)
  const eventId = params.id ?? ''
  const formData = await request.formData()
  const chosen = intent(formData, ['register', 'cancel'])
  const submission = parseForm(formData, registerFormSchema)
  if (chosen === 'cancel') {
    await cancelRegistration(eventId, user.id)
    return redirectWithToast(`/events/${eventId}`, 'events.registrationCancelled')
  }
  if (submission.status !== 'success') return invalidReply(submission)
  const result = await registerForEvent(eventId, user, submission.value)
  const toast: MessageKey =
    result.status === 'confirmed' ? 'events.registered' : result.status === 'waitlisted' ? 'events.registeredWaitlist' : 'events.registeredPending'
  return redirectWithToast(`/events/${eventId}`, toast)
})

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${pickText(localeOf(matches), data.event.titleZh, data.event.titleEn)} · 链桥 Lianqiao` : '链桥 Lianqiao' },
]

export default function EventPage() {
  const { event, signedIn, emailVerified, registration, position, team, calendar } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form] = useForm({ id: 'register', lastResult: actionData?.result })
  const errors = form.allErrors
  const hasRules = Boolean(event.rulesZh || event.rulesEn)
  const active = registration && registration.status !== 'cancelled'
  return (
    <article className="stack">
      <header>
        <p className="event-meta">
          <span className="tag">{t(`events.kind.${event.kind}`)}</span>
          {event.status !== 'published' ? <span className="tag">{t(`events.${event.status}`)}</span> : null}
        </p>
        <h1>{pickText(locale, event.titleZh, event.titleEn)}</h1>
        {emailVerified ? null : <VerifyEmailNotice />}
        <EventTime startsAt={event.startsAt} endsAt={event.endsAt} />
        <p className="event-meta">
          {t('events.where')}: {event.venue === 'online' || (!event.venue && event.onlineUrl) ? t('events.online') : event.venue}
          {event.onlineUrl && isHttpUrl(event.onlineUrl) ? (
            <>
              {' · '}
              <a href={event.onlineUrl} rel="noreferrer noopener">
                {event.onlineUrl}
              </a>
            </>
          ) : null}
        </p>
        <p className="event-meta">
          {event.capacity === null
            ? t('events.seatsUnlimited', { confirmed: event.confirmedCount })
            : t('events.seats', { confirmed: event.confirmedCount, capacity: event.capacity })}
          {event.waitlistCount > 0 ? ` · ${t('events.waitlistCount', { count: event.waitlistCount })}` : ''}
        </p>
        <p className="event-meta">
          {t('events.registrationWindow', {
            opens: formatDate(locale, event.registrationOpensAt, 'dateTime24'),
            closes: formatDate(locale, event.registrationClosesAt, 'dateTime24'),
          })}
        </p>
        {event.kind === 'contest' && event.teamSizeMin && event.teamSizeMax ? (
          <p className="event-meta">
            {t('events.teamSize', { min: event.teamSizeMin, max: event.teamSizeMax })}
            {event.submissionDeadline ? ` · ${t('events.submissionDeadline', { time: formatDate(locale, event.submissionDeadline, 'dateTime24') })}` : ''}
          </p>
        ) : null}
        <p>
          <ReportLink targetType="event" targetId={event.id} />
        </p>
      </header>

      {event.status === 'cancelled' ? <p className="notice warning">{t('events.cancelledEvent')}</p> : null}
      <div className="rules">{pickText(locale, event.descriptionZh, event.descriptionEn)}</div>

      {event.tracks.length > 0 ? (
        <section>
          <h2>{t('events.tracks')}</h2>
          <ul>
            {event.tracks.map((track) => (
              <li key={track.id}>{pickText(locale, track.nameZh, track.nameEn)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="registration-heading">
        <h2 id="registration-heading">{t('events.register')}</h2>
        {event.approvalRequired ? <p className="hint">{t('events.approvalNote')}</p> : null}
        {event.eligibility === 'students' ? <p className="hint">{t('events.studentsOnlyNote')}</p> : null}
        <ErrorList id={form.errorId} errors={form.errors} />
        {active ? (
          <div className="stack">
            <p role="status">
              {t('events.yourStatus', { status: t(`events.status.${registration.status}`) })}
              {position ? ` · ${t('events.waitlistPosition', { position })}` : ''}
              {registration.checkedInAt ? <span className="tag ok">{t('events.checkedIn')}</span> : null}
            </p>
            {registration.status === 'confirmed' ? (
              <p>
                <Link to={`/events/${event.id}/ticket`}>{t('events.ticket')}</Link>
                {' · '}
                <a href={`/events/${event.id}/calendar.ics`} download>
                  {t('events.downloadIcs')}
                </a>
                {' · '}
                <a href={calendar} rel="noreferrer noopener">
                  {t('events.addToGoogle')}
                </a>
              </p>
            ) : null}
            {registration.status !== 'declined' ? (
              <Form method="post">
                <SubmitButton name="intent" value="cancel" className="button danger">
                  {t('events.cancelRegistration')}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        ) : !signedIn ? (
          <p>
            <Link className="button primary" to={`/signin?redirectTo=${encodeURIComponent(`/events/${event.id}`)}`}>
              {t('events.signInToRegister')}
            </Link>
          </p>
        ) : team && !team.isCaptain ? (
          // The captain registers the team; members see where it stands.
          <p role="status">
            {team.registration ? t('teams.registrationStatus', { status: t(`events.status.${team.registration.status}`) }) : t('teams.captainRegisters')}
          </p>
        ) : event.registrationOpen ? (
          <Form method="post" {...getFormProps(form)} noValidate>
            {event.questions.map((question) => {
              const name = `answers.${question.id}`
              const fieldErrors = errors[name]
              return (
                <div className="field" key={question.id}>
                  <label htmlFor={`q-${question.id}`}>
                    {pickText(locale, question.label.zh, question.label.en)}
                    {question.required ? ' *' : ''}
                  </label>
                  <input
                    id={`q-${question.id}`}
                    name={name}
                    required={question.required}
                    aria-invalid={fieldErrors ? true : undefined}
                    aria-describedby={fieldErrors ? `q-${question.id}-error` : undefined}
                  />
                  <ErrorList id={`q-${question.id}-error`} errors={fieldErrors} />
                </div>
              )
            })}
            {event.kind === 'contest' ? (
              team ? (
                <input type="hidden" name="teamId" value={team.id} />
              ) : (
                <p className="notice">{t('events.teamRequired')}</p>
              )
            ) : null}
            {errors.teamId ? <ErrorList errors={errors.teamId} /> : null}
            {hasRules ? (
              <>
                <h3>{t('events.rules')}</h3>
                <div className="rules">{pickText(locale, event.rulesZh, event.rulesEn)}</div>
                <div className="check-field">
                  <input
                    type="checkbox"
                    id="acceptRules"
                    name="acceptRules"
                    aria-invalid={errors.acceptRules ? true : undefined}
                    aria-describedby={errors.acceptRules ? 'acceptRules-error' : undefined}
                  />
                  <label htmlFor="acceptRules">{t('events.acceptRules')}</label>
                </div>
                <ErrorList id="acceptRules-error" errors={errors.acceptRules} />
              </>
            ) : null}
            <SubmitButton name="intent" value="register">
              {event.kind === 'contest' ? t('events.registerTeam') : t('events.register')}
            </SubmitButton>
          </Form>
        ) : (
          <p>{t('events.registrationNotOpen')}</p>
        )}
        {event.kind === 'contest' ? (
          <p>
            <Link to={`/events/${event.id}/teams`}>{team ? `${t('teams.yourTeam')}: ${team.name}` : t('teams.title')}</Link>
          </p>
        ) : null}
      </section>
    </article>
  )
}
