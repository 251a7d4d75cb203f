import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { notFoundResponse, requireUser } from '#app/modules/auth/permissions.server.ts'
import { getEventForViewer } from '#app/modules/events/events.server.ts'
import { teamCreateSchema, teamJoinSchema } from '#app/modules/events/schemas.ts'
import { createTeam, myTeamForEvent, requestToJoin } from '#app/modules/events/teams.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const event = await getEventForViewer(params.id ?? '', user)
  if (event.kind !== 'contest') throw notFoundResponse()
  const team = await myTeamForEvent(event.id, user.id)
  if (team) throw redirect(`/teams/${team.id}`)
  return { event: { id: event.id, titleZh: event.titleZh, titleEn: event.titleEn, tracks: event.tracks } }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { locale, intent }) => {
  const user = await requireUser(request)
  const formData = await request.formData()
  const form = intent(formData, ['create', 'join'])
  const fail = (error: Record<string, string[] | null> | null) =>
    data({ intent: form, fields: Object.fromEntries(Object.entries(error ?? {}).map(([k, v]) => [k, (v ?? []).join(' ')])) }, { status: 400 })
  if (form === 'create') {
    const submission = parseForm(formData, teamCreateSchema, locale)
    if (submission.status !== 'success') return fail(submission.error)
    const team = await createTeam(params.id ?? '', user, submission.value)
    return redirectWithToast(`/teams/${team.id}`, 'teams.created')
  }
  const submission = parseForm(formData, teamJoinSchema, locale)
  if (submission.status !== 'success') return fail(submission.error)
  await requestToJoin(submission.value.code, user)
  return redirectWithToast(`/events/${params.id}`, 'teams.requested')
})

export const meta: MetaFunction = () => [{ title: '队伍 · Teams · 链桥 Lianqiao' }]

export default function Teams() {
  const { event } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const t = useT()
  const locale = useLocale()
  const errorsOf = (form: string, field: string) => (result?.intent === form && result.fields?.[field] ? [result.fields[field]] : undefined)
  return (
    <section className="narrow stack">
      <p>
        <Link to={`/events/${event.id}`}>{pickText(locale, event.titleZh, event.titleEn)}</Link>
      </p>
      <h1>{t('teams.title')}</h1>
      {result && 'error' in result && result.error ? <ErrorList errors={[result.error]} /> : null}
      <section className="card">
        <h2>{t('teams.joinByCode')}</h2>
        <Form method="post">
          <div className="field">
            <label htmlFor="code">{t('teams.code')}</label>
            <input id="code" name="code" defaultValue={params.get('code') ?? ''} required aria-invalid={errorsOf('join', 'code') ? true : undefined} />
            <ErrorList errors={errorsOf('join', 'code')} />
          </div>
          <SubmitButton name="intent" value="join">
            {t('teams.requestJoin')}
          </SubmitButton>
        </Form>
      </section>
      <section className="card">
        <h2>{t('teams.create')}</h2>
        <Form method="post">
          <div className="field">
            <label htmlFor="name">{t('teams.name')}</label>
            <input id="name" name="name" required maxLength={80} aria-invalid={errorsOf('create', 'name') ? true : undefined} />
            <ErrorList errors={errorsOf('create', 'name')} />
          </div>
          {event.tracks.length > 0 ? (
            <div className="field">
              <label htmlFor="trackId">{t('teams.track')}</label>
              <select id="trackId" name="trackId" defaultValue="">
                <option value="">{t('teams.noTrack')}</option>
                {event.tracks.map((track) => (
                  <option key={track.id} value={track.id}>
                    {pickText(locale, track.nameZh, track.nameEn)}
                  </option>
                ))}
              </select>
              <ErrorList errors={errorsOf('create', 'trackId')} />
            </div>
          ) : null}
          <SubmitButton name="intent" value="create">
            {t('teams.create')}
          </SubmitButton>
        </Form>
      </section>
    </section>
  )
}
