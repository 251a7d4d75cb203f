import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { BarChart } from '#app/components/events/bar-chart.tsx'
import { EventTime } from '#app/components/events/event-time.tsx'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireEventOrganizer } from '#app/modules/auth/permissions.server.ts'
import { organizerAction } from './organizer-action.server.ts'
import { createInvitation } from '#app/modules/auth/invitations.server.ts'
import { messageRegistrants, organizerDashboard } from '#app/modules/events/dashboard.server.ts'
import { cancelEvent, publishEvent } from '#app/modules/events/events.server.ts'
import { decideRegistrations } from '#app/modules/events/registrations.server.ts'
import { bulkDecisionSchema, inviteStaffSchema, messageRegistrantsSchema, registrationStatuses } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { formatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requireEventOrganizer(request, params.id ?? '')
  const status = new URL(request.url).searchParams.get('status')
  return organizerDashboard(
    params.id ?? '',
    registrationStatuses.find((s) => s === status),
  )
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { intent }) => {
  const eventId = params.id ?? ''
  const { user, locale, formData, invalid } = await organizerAction(request, eventId)
  const form = intent(formData, ['decide', 'message', 'invite', 'publish', 'cancel-event'])
  switch (form) {
    case 'decide': {
      if (formData.getAll('registrationIds').length === 0)
        return data({ intent: form, error: translate(locale, 'organize.nothingSelected'), fields: {} }, { status: 400 })
      const submission = parseForm(formData, bulkDecisionSchema, locale)
      if (submission.status !== 'success') return invalid(form, submission.error ?? {})
      const summary = await decideRegistrations(user, eventId, submission.value.registrationIds, submission.value.decision)
      return { intent: form, done: translate(locale, 'organize.decided', summary) }
    }
    case 'message': {
      const submission = parseForm(formData, messageRegistrantsSchema, locale)
      if (submission.status !== 'success') return invalid(form, submission.error ?? {})
      const count = await messageRegistrants(user, eventId, submission.value)
      return { intent: form, done: translate(locale, 'organize.messageSent', { count }) }
    }
    case 'invite': {
      const submission = parseForm(formData, inviteStaffSchema, locale)
      if (submission.status !== 'success') return invalid(form, submission.error ?? {})
      const invitation = await createInvitation({ ...submission.value, eventId }, user.id)
      return { intent: form, inviteUrl: new URL(invitation.path, request.url).toString() }
    }
    case 'publish':
      await publishEvent(user, eventId)
      return redirectWithToast(`/organize/events/${eventId}`, 'organize.publishedToast')
    case 'cancel-event':
      await cancelEvent(user, eventId)
      return redirectWithToast(`/organize/events/${eventId}`, 'organize.cancelledToast')
  }
})

export const meta: MetaFunction = pageTitle('title.eventDashboard')

type ActionResult = { intent?: string; error?: string; fields?: Record<string, string>; done?: string; inviteUrl?: string }

export default function Dashboard() {
  const { event, stats, registrations, status } = useLoaderData<typeof loader>()
  const raw = useActionData<typeof action>() as ActionResult | undefined
  const t = useT()
  const locale = useLocale()
  const result = (form: string) => (raw?.intent === form ? raw : undefined)
  const countKeys = ['confirmed', 'waitlisted', 'pending', 'cancelled', 'declined'] as const
  return (
    <section className="stack">
      <p>
        <Link to="/organize">{t('common.back')}</Link>
      </p>
      <h1>
        {pickText(locale, event.titleZh, event.titleEn)} <span className="tag">{t(`events.${event.status}`)}</span>
      </h1>
      <EventTime startsAt={event.startsAt} endsAt={event.endsAt} />
      <p className="segmented">
        <Link to={`/organize/events/${event.id}/edit`}>{t('common.edit')}</Link>
        <Link to={`/events/${event.id}`}>{t('organize.publicPage')}</Link>
        <Link to={`/organize/events/${event.id}/checkin`}>{t('organize.checkin')}</Link>
        {event.kind === 'contest' ? <Link to={`/organize/events/${event.id}/judging`}>{t('organize.judgingLink')}</Link> : null}
      </p>
      <div className="segmented">
        {event.status === 'draft' ? (
          <Form method="post">
            <SubmitButton name="intent" value="publish">
              {t('organize.publish')}
            </SubmitButton>
          </Form>
        ) : null}
        {event.status !== 'cancelled' ? (
          <Form method="post">
            <SubmitButton name="intent" value="cancel-event" className="button danger">
              {t('organize.cancelEvent')}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
      {raw?.intent && ['publish', 'cancel-event'].includes(raw.intent) && raw.error ? <ErrorList errors={[raw.error]} /> : null}

      <section className="card" aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('organize.counts')}</h2>
        <ul className="counts">
          {countKeys.map((key) => (
            <li key={key}>
              <strong>{stats.counts[key]}</strong>
              {t(`events.status.${key}`)}
            </li>
          ))}
          <li>
            <strong>{stats.counts.checkedIn}</strong>
            {t('organize.checkedIn')}
          </li>
        </ul>
        {stats.perDay.length === 0 ? <p>{t('organize.noRegistrations')}</p> : null}
        {stats.perDay.length > 0 ? (
          <>
            <h3>{t('organize.overTime')}</h3>
            <BarChart data={stats.perDay.map((d) => ({ label: d.day, value: d.count }))} label={t('organize.chartLabel')} />
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">{t('organize.overTime')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('organize.day')}</th>
                    <th scope="col">{t('organize.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.perDay.map((d) => (
                    <tr key={d.day}>
                      <td>{d.day}</td>
                      <td>{d.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t('organize.byUniversity')}</h3>
            <table className="data-table">
              <tbody>
                {stats.byUniversity.map((u, i) => (
                  <tr key={i}>
                    <th scope="row">{u.nameZh || u.nameEn ? pickText(locale, u.nameZh, u.nameEn) : t('organize.noUniversity')}</th>
                    <td>{u.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {event.kind === 'contest' ? (
              <>
                <h3>{t('organize.byTrack')}</h3>
                <table className="data-table">
                  <tbody>
                    {stats.byTrack.map((tr, i) => (
                      <tr key={i}>
                        <th scope="row">{tr.key ? pickText(locale, tr.nameZh, tr.nameEn) : t('organize.noTrack')}</th>
                        <td>{tr.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="registrations-heading">
        <h2 id="registrations-heading">{t('organize.registrations')}</h2>
        <nav aria-label={t('organize.filterStatus')} className="segmented">
          <Link to="?" aria-current={status ? undefined : 'page'}>
            {t('events.allKinds')}
          </Link>
          {countKeys.map((key) => (
            <Link key={key} to={`?status=${key}`} aria-current={status === key ? 'page' : undefined}>
              {t(`events.status.${key}`)}
            </Link>
          ))}
        </nav>
        <p>
          <a href={`/organize/events/${event.id}/registrations.csv`} download>
            {t('organize.exportCsv')}
          </a>
        </p>
        {result('decide')?.done ? (
          <p role="status" className="notice">
            {result('decide')?.done}
          </p>
        ) : null}
        {result('decide')?.error ? <ErrorList errors={[result('decide')?.error ?? '']} /> : null}
        <Form method="post">
          <input type="hidden" name="intent" value="decide" />
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('organize.select')}</th>
                  <th scope="col">{t('organize.csv.name')}</th>
                  <th scope="col">{t('organize.csv.university')}</th>
                  <th scope="col">{t('organize.csv.status')}</th>
                  <th scope="col">{t('organize.csv.team')}</th>
                  <th scope="col">{t('organize.csv.registeredAt')}</th>
                </tr>
              </thead>
              <tbody>
                {registrations.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.status === 'pending' ? (
                        <input type="checkbox" name="registrationIds" value={r.id} id={`sel-${r.id}`} aria-label={`${t('organize.select')} ${r.name}`} />
                      ) : null}
                    </td>
                    <td>
                      {r.name}
                      <br />
                      <span className="hint">{r.email}</span>
                    </td>
                    <td>{r.university ? pickText(locale, r.university.zh, r.university.en) : ''}</td>
                    <td>
                      {t(`events.status.${r.status}`)}
                      {r.checkedInAt ? <span className="tag ok">{t('events.checkedIn')}</span> : null}
                    </td>
                    <td>{r.team ?? ''}</td>
                    <td>{formatDate(locale, r.createdAt, 'dateTime24')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {registrations.some((r) => r.status === 'pending') ? (
            <div className="segmented">
              <SubmitButton name="decision" value="approve">
                {t('organize.approveSelected')}
              </SubmitButton>
              <SubmitButton name="decision" value="decline" className="button danger">
                {t('organize.declineSelected')}
              </SubmitButton>
            </div>
          ) : null}
        </Form>
      </section>

      <section className="card" aria-labelledby="message-heading">
        <h2 id="message-heading">{t('organize.messageTitle')}</h2>
        {result('message')?.done ? (
          <p role="status" className="notice">
            {result('message')?.done}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="message" />
          <div className="field">
            <label htmlFor="msg-status">{t('organize.messageStatus')}</label>
            <select id="msg-status" name="status" defaultValue="confirmed">
              {countKeys.map((key) => (
                <option key={key} value={key}>
                  {t(`events.status.${key}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="msg-subject">{t('organize.messageSubject')}</label>
            <input id="msg-subject" name="subject" required maxLength={200} aria-invalid={result('message')?.fields?.subject ? true : undefined} />
            <ErrorList errors={result('message')?.fields?.subject ? [result('message')?.fields?.subject ?? ''] : undefined} />
          </div>
          <div className="field">
            <label htmlFor="msg-body">{t('organize.messageBody')}</label>
            <textarea id="msg-body" name="body" required maxLength={5000} aria-invalid={result('message')?.fields?.body ? true : undefined} />
            <ErrorList errors={result('message')?.fields?.body ? [result('message')?.fields?.body ?? ''] : undefined} />
          </div>
          <SubmitButton>{t('organize.messageSend')}</SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t('organize.staff')}</h2>
        {result('invite')?.inviteUrl ? (
          <div role="status" className="notice">
            <p>{t('organize.inviteLink')}</p>
            <code className="token">{result('invite')?.inviteUrl}</code>
          </div>
        ) : null}
        {result('invite')?.error ? <ErrorList errors={[result('invite')?.error ?? '']} /> : null}
        <Form method="post">
          <input type="hidden" name="intent" value="invite" />
          <div className="field">
            <label htmlFor="invite-kind">{t('organize.inviteKind')}</label>
            <select id="invite-kind" name="kind" defaultValue={event.kind === 'contest' ? 'event_judge' : 'event_coorganizer'}>
              <option value="event_judge">{t('organize.inviteJudge')}</option>
              <option value="event_coorganizer">{t('organize.inviteCoorganizer')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="invite-email">{t('organize.inviteEmail')}</label>
            <input id="invite-email" name="email" type="email" aria-invalid={result('invite')?.fields?.email ? true : undefined} />
            <ErrorList errors={result('invite')?.fields?.email ? [result('invite')?.fields?.email ?? ''] : undefined} />
          </div>
          <SubmitButton>{t('organize.invite')}</SubmitButton>
        </Form>
        <ul className="plain-list">
          {event.staff.map((s) => (
            <li key={`${s.userId}-${s.role}`}>
              {s.name} <span className="tag">{t(`organize.role.${s.role}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  )
}
