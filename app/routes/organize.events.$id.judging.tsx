import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireEventOrganizer } from '#app/modules/auth/permissions.server.ts'
import { organizerAction } from './organizer-action.server.ts'
import { getEventForEdit } from '#app/modules/events/events.server.ts'
import { addAward, getRubric, leaderboard, publishResults, setRubric } from '#app/modules/events/judging.server.ts'
import { awardSchema, rubricSchema } from '#app/modules/events/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { formatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  await requireEventOrganizer(request, params.id ?? '')
  const eventId = params.id ?? ''
  const [event, rubric, standings] = await Promise.all([getEventForEdit(eventId), getRubric(eventId), leaderboard(eventId)])
  return { event: { id: event.id, titleZh: event.titleZh, titleEn: event.titleEn, resultsPublishedAt: event.resultsPublishedAt }, rubric, standings }
})

const DEFAULT_RUBRIC = [
  { key: 'innovation', nameZh: '创新性', nameEn: 'Innovation', weight: 30 },
  { key: 'technical', nameZh: '技术深度', nameEn: 'Technical depth', weight: 30 },
  { key: 'value', nameZh: '应用价值', nameEn: 'Application value', weight: 25 },
  { key: 'presentation', nameZh: '展示表达', nameEn: 'Presentation', weight: 15 },
]

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { intent }) => {
  const eventId = params.id ?? ''
  const { user, locale, formData, invalid } = await organizerAction(request, eventId)
  const form = intent(formData, ['rubric', 'award', 'publish'])
  switch (form) {
    case 'rubric': {
      const submission = parseForm(formData, rubricSchema, locale)
      if (submission.status !== 'success') return invalid(form, submission.error ?? {})
      await setRubric(user, eventId, submission.value)
      return redirectWithToast(`/organize/events/${eventId}/judging`, 'judging.rubricSaved')
    }
    case 'award': {
      const submission = parseForm(formData, awardSchema, locale)
      if (submission.status !== 'success') return invalid(form, submission.error ?? {})
      await addAward(user, eventId, submission.value)
      return redirectWithToast(`/organize/events/${eventId}/judging`, 'judging.awardAdded')
    }
    case 'publish':
      await publishResults(user, eventId)
      return redirectWithToast(`/organize/events/${eventId}/judging`, 'judging.resultsPublished')
  }
})

export const meta: MetaFunction = pageTitle('title.judging')

export default function Judging() {
  const { event, rubric, standings } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const rows = rubric.length > 0 ? rubric : DEFAULT_RUBRIC
  const slots = [...rows, ...Array.from({ length: Math.max(0, 6 - rows.length) }, () => null)]
  // A row's problems name the row, since the inputs sit in a table without room for messages.
  const rubricErrors = Object.entries(result?.fields ?? {})
    .filter(([k]) => k.startsWith('criteria'))
    .map(([k, v]) => {
      const row = /^criteria\[(\d+)\]/.exec(k)?.[1]
      return row === undefined ? v : t('judging.rowError', { row: Number(row) + 1, error: v })
    })
  return (
    <section className="stack">
      <p>
        <Link to={`/organize/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
      </p>
      <h1>{t('judging.title')}</h1>
      {result?.error && result.intent !== 'rubric' && result.intent !== 'award' ? <ErrorList errors={[result.error]} /> : null}

      <section className="card" aria-labelledby="rubric-heading">
        <h2 id="rubric-heading">{t('judging.rubric')}</h2>
        <p className="hint">{t('judging.rubricHint')}</p>
        {result?.intent === 'rubric' ? <ErrorList errors={[result.error ?? '', ...rubricErrors]} /> : null}
        <Form method="post">
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('judging.criterionKey')}</th>
                  <th scope="col">{t('judging.criterionZh')}</th>
                  <th scope="col">{t('judging.criterionEn')}</th>
                  <th scope="col">{t('judging.weight')}</th>
                </tr>
              </thead>
              <tbody>
                {slots.map((c, i) => (
                  <tr key={i}>
                    <td>
                      <input aria-label={`${t('judging.criterionKey')} ${i + 1}`} name={`criteria[${i}].key`} defaultValue={c?.key ?? ''} />
                    </td>
                    <td>
                      <input aria-label={`${t('judging.criterionZh')} ${i + 1}`} name={`criteria[${i}].nameZh`} defaultValue={c?.nameZh ?? ''} />
                    </td>
                    <td>
                      <input aria-label={`${t('judging.criterionEn')} ${i + 1}`} name={`criteria[${i}].nameEn`} defaultValue={c?.nameEn ?? ''} />
                    </td>
                    <td>
                      <input
                        aria-label={`${t('judging.weight')} ${i + 1}`}
                        name={`criteria[${i}].weight`}
                        type="number"
                        min={1}
                        max={100}
                        defaultValue={c?.weight ?? ''}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SubmitButton name="intent" value="rubric">
            {t('common.save')}
          </SubmitButton>
        </Form>
      </section>

      <section className="card" aria-labelledby="leaderboard-heading">
        <h2 id="leaderboard-heading">{t('judging.leaderboard')}</h2>
        <p className="hint">{t('judging.normalisationNote')}</p>
        {standings.length === 0 ? <p>{t('judging.noTeams')}</p> : null}
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('judging.rank')}</th>
                <th scope="col">{t('judging.team')}</th>
                <th scope="col">{t('judging.normalised')}</th>
                <th scope="col">{t('judging.raw')}</th>
                <th scope="col">{t('judging.judges')}</th>
                <th scope="col">{t('judging.awards')}</th>
              </tr>
            </thead>
            <tbody>
              {standings.map((s) => (
                <tr key={s.teamId}>
                  <td>{s.rank}</td>
                  <td>
                    <Link to={`/teams/${s.teamId}`}>{s.name}</Link>
                  </td>
                  <td>{s.normalised.toFixed(3)}</td>
                  <td>{s.raw.toFixed(2)}</td>
                  <td>{s.judges}</td>
                  <td>{s.awards.map((a) => pickText(locale, a.titleZh, a.titleEn)).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="awards-heading">
        <h2 id="awards-heading">{t('judging.awards')}</h2>
        {result?.intent === 'award' ? <ErrorList errors={[result.error ?? '']} /> : null}
        {/* Awards go to ranked teams: with no scores yet there is nobody to choose. */}
        {standings.length > 0 ? (
          <Form method="post">
            <div className="field">
              <label htmlFor="award-team">{t('judging.team')}</label>
              <select id="award-team" name="teamId" required>
                {standings.map((s) => (
                  <option key={s.teamId} value={s.teamId}>
                    {s.rank}. {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="award-zh">{t('judging.awardTitleZh')}</label>
              <input id="award-zh" name="titleZh" />
              <ErrorList errors={result?.intent === 'award' && result.fields?.titleZh ? [result.fields.titleZh] : undefined} />
            </div>
            <div className="field">
              <label htmlFor="award-en">{t('judging.awardTitleEn')}</label>
              <input id="award-en" name="titleEn" />
            </div>
            <div className="field">
              <label htmlFor="award-rank">{t('judging.rank')}</label>
              <input id="award-rank" name="rank" type="number" min={1} defaultValue={1} required />
            </div>
            <SubmitButton name="intent" value="award">
              {t('judging.addAward')}
            </SubmitButton>
          </Form>
        ) : null}
        {event.resultsPublishedAt ? (
          <p className="tag ok">{t('judging.resultsAlreadyPublished', { time: formatDate(locale, event.resultsPublishedAt, 'dateTime24') })}</p>
        ) : (
          <Form method="post">
            <SubmitButton name="intent" value="publish">
              {t('judging.publishResults')}
            </SubmitButton>
          </Form>
        )}
      </section>
    </section>
  )
}
