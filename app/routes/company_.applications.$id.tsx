import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ApplicationThread } from '#app/components/application-thread.tsx'
import { AttachedCredentials } from '#app/components/attached-credentials.tsx'
import { EvidenceList } from '#app/components/evidence-list.tsx'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { SkillPicker, SkillSearchForm } from '#app/components/skill-picker.tsx'
import { errorMapFor } from '#app/i18n/validation.ts'
import { completeInternship, internshipCompletionView } from '#app/modules/credentials/internship.server.ts'
import { internshipCompletionSchema } from '#app/modules/credentials/schemas.ts'
import { chosenSkills, skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { changeStatus } from '#app/modules/applications/applications.server.ts'
import { getCompanyApplication } from '#app/modules/applications/review.server.ts'
import { messageSchema, privateNoteSchema, statusSchema } from '#app/modules/applications/schemas.ts'
import type { ApplicationStatus } from '#app/modules/applications/transitions.ts'
import { addPrivateNote, postMessage } from '#app/modules/applications/threads.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { shanghaiDay, useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  const user = await requireRole(request, 'company_member')
  const application = await getCompanyApplication(user, params.id ?? '')
  if (!application) throw notFoundResponse()
  // An accepted internship can be marked completed: the form offers the role's skills.
  const view = application.status === 'accepted' && !application.anonymised ? await internshipCompletionView(user, application.id) : null
  const internship = view && {
    eligible: view.eligible,
    completion: view.completion && { ...view.completion, skills: chosenSkills(locale, view.completion.skills) },
    skills: chosenSkills(locale, view.skills),
    skillSearch: await skillPickerSearch(request, locale),
    today: shanghaiDay(new Date()),
  }
  return { application, internship }
})

type Errors = { error?: string; note?: string[] | null; message?: string[] | null; intent?: 'complete'; result?: SubmissionResult<string[]> }

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, tools) => {
  const { locale, intent } = tools
  const user = await requireRole(request, 'company_member')
  const id = params.id ?? ''
  const formData = await request.formData()
  const here = `/company/applications/${id}`
  switch (intent(formData, ['status', 'note', 'message', 'complete'])) {
    case 'status': {
      const submission = parseForm(formData, statusSchema, locale)
      if (submission.status !== 'success')
        return data<Errors>(
          {
            error: Object.values(submission.error ?? {})
              .flat()
              .join(' '),
          },
          { status: 400 },
        )
      await changeStatus(user, id, submission.value.status)
      return redirectWithToast(here, 'applications.statusChanged')
    }
    case 'note': {
      const submission = parseForm(formData, privateNoteSchema, locale)
      if (submission.status !== 'success') return data<Errors>({ note: submission.error?.body ?? null }, { status: 400 })
      await addPrivateNote(user, id, submission.value.body)
      return redirectWithToast(here, 'applications.noteAdded')
    }
    case 'message': {
      const submission = parseForm(formData, messageSchema, locale)
      if (submission.status !== 'success') return data<Errors>({ message: submission.error?.body ?? null }, { status: 400 })
      await postMessage(user, id, submission.value.body)
      return redirectWithToast(here, 'applications.messageSent')
    }
    case 'complete': {
      const submission = tools.parseForm(formData, internshipCompletionSchema)
      if (submission.status !== 'success') return data<Errors>({ intent: 'complete', result: submission.reply() }, { status: 400 })
      await completeInternship(user, id, submission.value)
      return redirectWithToast(here, 'credentials.internship.saved')
    }
  }
})

export const meta: MetaFunction = pageTitle('title.application')

type Snapshot = {
  name?: string
  email?: string
  university?: { zh: string; en: string } | null
  major?: string | null
  graduationYear?: number | null
}

export default function CompanyApplication() {
  const { application: a, internship } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  const snap = (a.snapshot ?? {}) as Snapshot
  const status = (s: ApplicationStatus) => t(`applications.status.${s}`)
  return (
    <section className="stack">
      <p>
        <Link to={`/company/roles/${a.role.id}/applicants`}>{t('applications.viewApplicants')}</Link>
      </p>
      <h1>{t('applications.detailTitle', { name: a.anonymised ? t('privacy.anonymisedApplicant') : (snap.name ?? '') })}</h1>
      <p>
        {pickText(locale, a.role.titleZh, a.role.titleEn)} · <span className={`status status-${a.status}`}>{status(a.status)}</span>
        {a.overdue ? <span className="tag warning">{t('applications.overdue')}</span> : null}
      </p>
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">{t('applications.changeStatus')}</h2>
        {a.next.length === 0 ? (
          <p>{t('applications.finalStatus')}</p>
        ) : (
          <Form method="post">
            <div className="field">
              <label htmlFor="status">{t('applications.moveTo')}</label>
              <select id="status" name="status" defaultValue={a.next[0]}>
                {a.next.map((s) => (
                  <option key={s} value={s}>
                    {status(s)}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton name="intent" value="status">
              {t('applications.changeStatus')}
            </SubmitButton>
          </Form>
        )}
      </section>
      {internship ? <InternshipCompletion {...internship} result={actionData?.intent === 'complete' ? actionData.result : undefined} /> : null}
      {a.anonymised ? null : <AttachedCredentials credentials={a.credentials} />}
      {a.anonymised ? <p className="notice">{t('privacy.anonymisedNotice')}</p> : null}
      {a.anonymised ? null : (
        <section className="card" aria-labelledby="snapshot-heading">
          <h2 id="snapshot-heading">{t('applications.profileSnapshot')}</h2>
          <dl className="facts">
            <dt>{t('applications.email')}</dt>
            <dd>{snap.email}</dd>
            {snap.university ? (
              <>
                <dt>{t('applications.university')}</dt>
                <dd>{pickText(locale, snap.university.zh, snap.university.en)}</dd>
              </>
            ) : null}
            {snap.major ? (
              <>
                <dt>{t('applications.major')}</dt>
                <dd>{snap.major}</dd>
              </>
            ) : null}
            {snap.graduationYear ? (
              <>
                <dt>{t('applications.graduationYear')}</dt>
                <dd>{snap.graduationYear}</dd>
              </>
            ) : null}
          </dl>
          <h3>{t('evidence.shown.heading')}</h3>
          <EvidenceList items={a.evidence} />
          {a.resume ? (
            <p>
              <a href={`/company/applications/${a.id}/resume`} className="button small">
                {t('applications.downloadResume')}
              </a>{' '}
              {a.resume.filename}
            </p>
          ) : null}
          {a.note ? (
            <>
              <h3>{t('applications.coverNote')}</h3>
              <p className="message-body">{a.note}</p>
            </>
          ) : null}
          {a.answers.length ? (
            <>
              <h3>{t('applications.questions')}</h3>
              <ul>
                {a.answers.map((answer) => (
                  <li key={answer.questionId}>
                    {pickText(locale, answer.prompt.zh, answer.prompt.en)}:{' '}
                    <strong>{answer.answer === 'yes' ? t('applications.yes') : answer.answer === 'no' ? t('applications.no') : answer.answer}</strong>
                    {answer.passed === false ? <span className="tag warning">{t('applications.screenFailed')}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('applications.history')}</h2>
        <ol className="history">
          {a.events.map((e, i) => (
            <li key={i}>
              {t('applications.historyEntry', { date: formatDate(e.createdAt, 'dateTime'), status: status(e.toStatus) })}
              {e.actor ? t('applications.byActor', { name: e.actor.name }) : null}
              {e.reason ? ` · ${t('applications.reason', { reason: e.reason })}` : null}
            </li>
          ))}
        </ol>
      </section>
      {a.anonymised ? null : (
        <>
          <section className="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t('applications.privateNotes')}</h2>
            <ul className="plain-list">
              {a.notes.map((n) => (
                <li key={n.id}>
                  <span className="hint">
                    {n.author.name} · {formatDate(n.createdAt, 'dateTime')}
                  </span>
                  <span className="message-body">{n.body}</span>
                </li>
              ))}
            </ul>
            <Form method="post">
              <div className="field">
                <label htmlFor="note-body">{t('applications.noteBody')}</label>
                <textarea id="note-body" name="body" required maxLength={2000} aria-describedby="note-body-error" />
                <ErrorList id="note-body-error" errors={actionData?.note} />
              </div>
              <SubmitButton name="intent" value="note">
                {t('applications.addNote')}
              </SubmitButton>
            </Form>
          </section>
          <ApplicationThread messages={a.messages} errors={actionData?.message} />
        </>
      )}
    </section>
  )
}

type Internship = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['internship']>

/** The company confirms the internship: dates, and the skills shown (the role's, to adjust). */
function InternshipCompletion({ eligible, completion, skills, skillSearch, today, result }: Internship & { result?: SubmissionResult<string[]> }) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'complete',
    lastResult: result,
    defaultValue: { endedOn: today },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: internshipCompletionSchema, errorMap: errorMapFor(locale) }),
  })
  return (
    <section className="card" aria-labelledby="internship-heading">
      <h2 id="internship-heading">{t('credentials.internship.title')}</h2>
      {completion ? (
        <>
          <p>{t('credentials.internship.done', { from: completion.startedOn, to: completion.endedOn })}</p>
          <p>
            {t('credentials.internship.skills')}: {completion.skills.map((s) => s.name).join('、')}
          </p>
        </>
      ) : !eligible ? (
        <p>{t('credentials.internship.notEligible')}</p>
      ) : (
        <>
          <p className="hint">{t('credentials.internship.intro')}</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <ErrorList id={form.errorId} errors={form.errors} />
            <Field field={fields.startedOn} label={t('credentials.internship.startedOn')} type="date" />
            <Field field={fields.endedOn} label={t('credentials.internship.endedOn')} type="date" />
            <SkillPicker
              label={t('credentials.internship.skills')}
              hint={t('credentials.internship.skillsHint')}
              chosen={skills}
              search={skillSearch}
              searchFormId="complete-skill-search"
              errors={Object.values(fields.skills.allErrors).flat()}
            />
            <SubmitButton name="intent" value="complete">
              {t('credentials.internship.submit')}
            </SubmitButton>
          </Form>
          <SkillSearchForm id="complete-skill-search" />
        </>
      )}
    </section>
  )
}
