import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { ReportLink } from '#app/components/report-link.tsx'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { isHttpUrl } from '#app/lib/http-url.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireEventJudge } from '#app/modules/auth/permissions.server.ts'
import { declareConflict, judgeView, saveScores } from '#app/modules/events/judging.server.ts'
import { scoreSchema } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireEventJudge(request, params.id ?? '')
  return judgeView(params.id ?? '', user.id)
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { locale, intent, about }) => {
  const user = await requireEventJudge(request, params.id ?? '')
  const eventId = params.id ?? ''
  const formData = await request.formData()
  const teamId = String(formData.get('teamId') ?? '')
  about(teamId)
  if (intent(formData, ['conflict', 'score']) === 'conflict') {
    await declareConflict(eventId, user.id, teamId)
    return redirectWithToast(`/judge/events/${eventId}`, 'judging.conflictSaved')
  }
  const submission = parseForm(formData, scoreSchema, locale)
  if (submission.status !== 'success') return data({ subject: teamId, error: translate(locale, 'judging.scoreIncomplete') }, { status: 400 })
  await saveScores(eventId, user.id, submission.value)
  return redirectWithToast(`/judge/events/${eventId}#team-${teamId}`, 'judging.scoresSaved')
})

export const meta: MetaFunction = pageTitle('title.judging')

export default function Judge() {
  const { event, rubric, teams, conflictCandidates, conflictCount, scores } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const scoreOf = (teamId: string, criterionId: string) => scores.find((s) => s.teamId === teamId && s.criterionId === criterionId)?.value
  return (
    <section className="stack">
      <p>
        <Link to={`/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
      </p>
      <h1>{t('judging.title')}</h1>
      {rubric.length === 0 ? <p className="notice">{t('judging.noRubric')}</p> : null}
      <section className="card">
        <h2>{t('judging.conflicts')}</h2>
        <p className="hint">{t('judging.conflictHint')}</p>
        {conflictCount > 0 ? <p>{t('judging.conflictCount', { count: conflictCount })}</p> : null}
        {conflictCandidates.length > 0 ? (
          <Form method="post" className="segmented">
            <label htmlFor="conflict-team" className="visually-hidden">
              {t('judging.team')}
            </label>
            {/* No team is preselected: declaring a conflict removes the judge's scores for that team. */}
            <select id="conflict-team" name="teamId" required defaultValue="">
              <option value="">{t('judging.chooseTeam')}</option>
              {conflictCandidates.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
            <SubmitButton name="intent" value="conflict" className="button">
              {t('judging.declare')}
            </SubmitButton>
          </Form>
        ) : null}
      </section>
      {teams.map((team) => (
        <section key={team.id} id={`team-${team.id}`} className="card">
          <h2>{team.name}</h2>
          {team.track ? <p className="event-meta">{pickText(locale, team.track.nameZh, team.track.nameEn)}</p> : null}
          {team.submission ? (
            <>
              <h3>{team.submission.title}</h3>
              <p className="rules">{team.submission.description}</p>
              {team.submission.repoUrl && isHttpUrl(team.submission.repoUrl) ? (
                <p>
                  <a href={team.submission.repoUrl} rel="noreferrer noopener">
                    {team.submission.repoUrl}
                  </a>
                </p>
              ) : null}
              {team.submission.videoUrl && isHttpUrl(team.submission.videoUrl) ? (
                <p>
                  <a href={team.submission.videoUrl} rel="noreferrer noopener">
                    {team.submission.videoUrl}
                  </a>
                </p>
              ) : null}
              {team.submission.screenshots.map((_, i) => (
                <img
                  key={i}
                  src={`/teams/${team.id}/screenshots/${i}`}
                  alt={`${team.submission?.title ?? ''} ${i + 1}`}
                  style={{ maxWidth: '100%' }}
                  loading="lazy"
                />
              ))}
              <p>
                <ReportLink targetType="submission" targetId={team.submission.id} subject={team.submission.title} />
              </p>
            </>
          ) : (
            <p>{t('submission.none')}</p>
          )}
          {rubric.length > 0 ? (
            <Form method="post">
              <input type="hidden" name="teamId" value={team.id} />
              {result?.subject === team.id && result.error ? <ErrorList errors={[result.error]} /> : null}
              {rubric.map((c) => (
                <div className="field" key={c.id}>
                  <label htmlFor={`s-${team.id}-${c.id}`}>
                    {pickText(locale, c.nameZh, c.nameEn)} ({c.weight}%)
                  </label>
                  <input
                    id={`s-${team.id}-${c.id}`}
                    name={`scores.${c.id}`}
                    type="number"
                    min={1}
                    max={10}
                    step={1}
                    required
                    defaultValue={scoreOf(team.id, c.id) ?? ''}
                  />
                </div>
              ))}
              <SubmitButton name="intent" value="score">
                {t('judging.saveScores')}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ))}
    </section>
  )
}
