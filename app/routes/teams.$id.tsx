import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { ReportLink } from '#app/components/report-link.tsx'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { isHttpUrl } from '#app/lib/http-url.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { screenshotUpload } from '#app/lib/upload-limits.ts'
import { getUser, requireUser } from '#app/modules/auth/permissions.server.ts'
import { submissionSchema } from '#app/modules/events/schemas.ts'
import { saveSubmission } from '#app/modules/events/submissions.server.ts'
import { decideJoinRequest, getTeam } from '#app/modules/events/teams.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { formatDate } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const team = await getTeam(params.id ?? '', await getUser(request))
  const locked = Boolean(team.event.submissionDeadline && new Date() >= team.event.submissionDeadline)
  return { team, locked, origin: new URL(request.url).origin }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { locale, intent }) => {
  const user = await requireUser(request)
  const teamId = params.id ?? ''
  const formData = await readUploadForm(request, screenshotUpload)
  const form = intent(formData, ['accept', 'decline', 'submit'])
  if (form === 'accept' || form === 'decline') {
    await decideJoinRequest(String(formData.get('requestId') ?? ''), user.id, form === 'accept')
    return redirectWithToast(`/teams/${teamId}`, form === 'accept' ? 'teams.accepted' : 'teams.declined')
  }
  const submission = parseForm(formData, submissionSchema, locale)
  if (submission.status !== 'success') {
    return data(
      {
        intent: form,
        error: translate(locale, 'validation.formErrors'),
        fields: Object.fromEntries(Object.entries(submission.error ?? {}).map(([k, v]) => [k, (v ?? []).join(' ')])),
      },
      { status: 400 },
    )
  }
  const files = formData.getAll('screenshots').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0)
  const screenshots = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())))
  await saveSubmission(teamId, user.id, submission.value, screenshots)
  return redirectWithToast(`/teams/${teamId}`, 'submission.saved')
})

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: `${d?.team.name ?? ''} · 链桥 Lianqiao` }]

export default function TeamPage() {
  const { team, locked, origin } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const fieldError = (name: string) => (result?.fields?.[name] ? [result.fields[name]] : undefined)
  const sub = team.submission
  return (
    <section className="stack">
      <p>
        <Link to={`/events/${team.event.id}`}>{pickText(locale, team.event.titleZh, team.event.titleEn)}</Link>
      </p>
      <h1>{team.name}</h1>
      {team.track ? <p className="event-meta">{pickText(locale, team.track.nameZh, team.track.nameEn)}</p> : null}
      {team.isMember ? (
        <p className={team.registration ? undefined : 'notice'}>
          {team.registration
            ? t('teams.registrationStatus', { status: t(`events.status.${team.registration.status}`) })
            : t('teams.notRegistered', { min: team.event.teamSizeMin ?? 1, max: team.event.teamSizeMax ?? 1 })}
          {!team.registration && team.isCaptain ? (
            <>
              {' '}
              <Link to={`/events/${team.event.id}`}>{t('events.registerTeam')}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      {team.awards.length > 0 ? (
        <section className="card">
          <h2>{t('teams.awards')}</h2>
          <ul>
            {team.awards.map((a) => (
              <li key={a.id}>
                {pickText(locale, a.titleZh, a.titleEn)} (#{a.rank})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t('teams.members')}</h2>
        <ul className="plain-list">
          {team.members.map((m) => (
            <li key={m.userId}>
              {m.user.name}
              {m.userId === team.captainId ? <span className="tag">{t('teams.captain')}</span> : null}
            </li>
          ))}
        </ul>
        {team.inviteCode ? (
          <p>
            {t('teams.code')}: <code>{team.inviteCode}</code>
            <br />
            {t('teams.inviteLink')}: <code className="token">{`${origin}/events/${team.event.id}/teams?code=${team.inviteCode}`}</code>
          </p>
        ) : null}
        {team.joinRequests.length > 0 ? (
          <>
            <h3>{t('teams.requests')}</h3>
            {result?.intent === 'accept' && result.error ? <ErrorList errors={[result.error]} /> : null}
            <ul className="plain-list">
              {team.joinRequests.map((r) => (
                <li key={r.id}>
                  {r.user.name}
                  <Form method="post" className="inline">
                    <input type="hidden" name="requestId" value={r.id} />
                    <SubmitButton name="intent" value="accept" className="button small">
                      {t('teams.accept')}
                    </SubmitButton>
                    <SubmitButton name="intent" value="decline" className="button small">
                      {t('teams.decline')}
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="submission-heading">
        <h2 id="submission-heading">{t('submission.title')}</h2>
        {team.event.submissionDeadline ? (
          <p className="hint">{t('events.submissionDeadline', { time: formatDate(locale, team.event.submissionDeadline, 'dateTime24') })}</p>
        ) : null}
        {sub ? (
          <div>
            <h3>{sub.title}</h3>
            <p className="rules">{sub.description}</p>
            {sub.repoUrl && isHttpUrl(sub.repoUrl) ? (
              <p>
                <a href={sub.repoUrl} rel="noreferrer noopener">
                  {sub.repoUrl}
                </a>
              </p>
            ) : null}
            {sub.videoUrl && isHttpUrl(sub.videoUrl) ? (
              <p>
                <a href={sub.videoUrl} rel="noreferrer noopener">
                  {sub.videoUrl}
                </a>
              </p>
            ) : null}
            {sub.screenshots.map((_, i) => (
              <img key={i} src={`/teams/${team.id}/screenshots/${i}`} alt={`${sub.title} ${i + 1}`} style={{ maxWidth: '100%' }} loading="lazy" />
            ))}
            {team.isMember ? null : (
              <p>
                <ReportLink targetType="submission" targetId={sub.id} />
              </p>
            )}
          </div>
        ) : (
          <p>{t('submission.none')}</p>
        )}
        {team.isMember && locked ? <p className="notice">{t('submission.locked')}</p> : null}
        {team.isMember && !locked ? (
          <Form method="post" encType="multipart/form-data">
            {result?.intent === 'submit' && result.error ? <ErrorList errors={[result.error]} /> : null}
            <div className="field">
              <label htmlFor="title">{t('submission.projectTitle')}</label>
              <input id="title" name="title" defaultValue={sub?.title} required maxLength={200} aria-invalid={fieldError('title') ? true : undefined} />
              <ErrorList errors={fieldError('title')} />
            </div>
            <div className="field">
              <label htmlFor="description">{t('submission.description')}</label>
              <textarea
                id="description"
                name="description"
                defaultValue={sub?.description}
                required
                aria-invalid={fieldError('description') ? true : undefined}
              />
              <ErrorList errors={fieldError('description')} />
            </div>
            {team.event.tracks.length > 0 ? (
              <div className="field">
                <label htmlFor="trackId">{t('teams.track')}</label>
                <select id="trackId" name="trackId" defaultValue={sub?.trackId ?? team.track?.id ?? ''}>
                  <option value="">{t('teams.noTrack')}</option>
                  {team.event.tracks.map((tr) => (
                    <option key={tr.id} value={tr.id}>
                      {pickText(locale, tr.nameZh, tr.nameEn)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="repoUrl">{t('submission.repoUrl')}</label>
              <input id="repoUrl" name="repoUrl" type="url" defaultValue={sub?.repoUrl ?? ''} aria-invalid={fieldError('repoUrl') ? true : undefined} />
              <ErrorList errors={fieldError('repoUrl')} />
            </div>
            <div className="field">
              <label htmlFor="videoUrl">{t('submission.videoUrl')}</label>
              <input id="videoUrl" name="videoUrl" type="url" defaultValue={sub?.videoUrl ?? ''} aria-invalid={fieldError('videoUrl') ? true : undefined} />
              <ErrorList errors={fieldError('videoUrl')} />
            </div>
            <div className="field">
              <label htmlFor="screenshots">{t('submission.screenshots')}</label>
              <input
                id="screenshots"
                name="screenshots"
                type="file"
                accept="image/png,image/jpeg,image/webp"
                multiple
                aria-invalid={fieldError('screenshots') ? true : undefined}
              />
              <ErrorList errors={fieldError('screenshots')} />
            </div>
            <SubmitButton name="intent" value="submit">
              {t('submission.save')}
            </SubmitButton>
          </Form>
        ) : null}
      </section>
    </section>
  )
}
