// Skills found in the student's résumés: how far each résumé has been read (refreshed by a
// plain link, and with JavaScript by polling), and each suggested skill with its sentence,
// to accept at a chosen level or to dismiss. Nothing is added without the student's click.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { SkillCategory } from '#app/components/skill-picker.tsx'
import { pageTitle } from '#app/i18n/page-title.ts'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireStudent } from '#app/modules/auth/permissions.server.ts'
import { skillLevels } from '#app/modules/skills/schemas.ts'
import { acceptSuggestion, dismissSuggestion, rereadResume, resumeSkillsOverview } from '#app/modules/students/resume-skills.server.ts'
import { acceptSuggestionSchema, dismissSuggestionSchema, readResumeSchema } from '#app/modules/students/schemas.ts'

const PAGE = '/profile/resume-skills'
const POLL_MS = 2_000

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const { studentId } = await requireStudent(request)
  return resumeSkillsOverview(studentId)
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent: readIntent, about }) => {
  const { studentId } = await requireStudent(request)
  const formData = await request.formData()
  const intent = readIntent(formData, ['accept', 'dismiss', 'read'])
  about(String(formData.get(intent === 'read' ? 'resumeId' : 'suggestionId') ?? ''))
  switch (intent) {
    case 'accept': {
      const submission = parseForm(formData, acceptSuggestionSchema)
      if (submission.status !== 'success') return data({ subject: String(submission.payload.suggestionId ?? ''), result: submission.reply() }, { status: 400 })
      await acceptSuggestion(studentId, submission.value)
      return redirectWithToast(PAGE, 'resume.accepted')
    }
    case 'dismiss': {
      const submission = parseForm(formData, dismissSuggestionSchema)
      if (submission.status !== 'success') return data({ subject: String(submission.payload.suggestionId ?? ''), result: submission.reply() }, { status: 400 })
      await dismissSuggestion(studentId, submission.value)
      return redirectWithToast(PAGE, 'resume.dismissed')
    }
    case 'read': {
      const submission = parseForm(formData, readResumeSchema)
      if (submission.status !== 'success') return data({ subject: String(submission.payload.resumeId ?? ''), result: submission.reply() }, { status: 400 })
      await rereadResume(studentId, submission.value)
      return redirectWithToast(PAGE, 'resume.readQueued')
    }
  }
})

export const meta: MetaFunction = pageTitle('title.resumeSkills')

/** While a résumé is being read, the page asks again every few seconds (with JavaScript). */
function usePollWhile(active: boolean) {
  const { revalidate, state } = useRevalidator()
  useEffect(() => {
    if (!active || state !== 'idle') return
    const timer = setTimeout(revalidate, POLL_MS)
    return () => clearTimeout(timer)
  }, [active, state, revalidate])
}

export default function ResumeSkills() {
  const { resumes, suggestions, inProgress } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  usePollWhile(inProgress)
  const errorsFor = (subject: string) => {
    if (!actionData || actionData.subject !== subject) return []
    const result = actionData.result as { error?: Record<string, string[] | null> } | undefined
    return [...Object.values(result?.error ?? {}).flatMap((e) => e ?? []), ...('error' in actionData && actionData.error ? [actionData.error] : [])]
  }
  return (
    <section className="stack">
      <h1>{t('resume.title')}</h1>
      <p className="hint">{t('resume.intro')}</p>

      <section aria-labelledby="resume-files-heading" className="card">
        <h2 id="resume-files-heading">{t('resume.files')}</h2>
        {resumes.length === 0 ? (
          <p>
            {t('resume.noFiles')} <Link to="/profile#resume-heading">{t('resume.uploadOnProfile')}</Link>
          </p>
        ) : null}
        <ul className="plain-list" aria-live="polite">
          {resumes.map((r) => {
            const errors = errorsFor(r.id)
            return (
              <li key={r.id}>
                <a href={`/profile/resume/${r.id}`}>{r.filename}</a> <span className="hint">{formatDate(r.createdAt)}</span>
                <p className={r.readStatus === 'noText' || r.readStatus === 'unreadable' || r.readStatus === 'failed' ? 'error' : undefined}>
                  {r.readStatus === null ? t('resume.status.notRead') : t(`resume.status.${r.readStatus}`, { count: r.suggested })}
                </p>
                {r.readStatus === null || r.readStatus === 'failed' ? (
                  <Form method="post" className="inline">
                    <input type="hidden" name="resumeId" value={r.id} />
                    <SubmitButton name="intent" value="read" className="button small">
                      {t('resume.read')}
                    </SubmitButton>
                  </Form>
                ) : null}
                <ErrorList errors={errors} />
              </li>
            )
          })}
        </ul>
        {inProgress ? (
          <p>
            <span className="hint">{t('resume.refreshHint')}</span> <a href={PAGE}>{t('resume.refresh')}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="resume-suggestions-heading" className="card">
        <h2 id="resume-suggestions-heading">{t('resume.suggestions')}</h2>
        {suggestions.length === 0 ? <p>{t('resume.noSuggestions')}</p> : null}
        <ul className="plain-list suggestion-list">
          {suggestions.map((s) => {
            const name = pickText(locale, s.skill.nameZh, s.skill.nameEn)
            const errors = errorsFor(s.id)
            const levelId = `level-${s.id}`
            return (
              <li key={s.id}>
                <h3>
                  {name} <SkillCategory category={s.skill.category} />
                </h3>
                <blockquote>
                  <span className="hint">{t('resume.foundIn', { file: s.resume.filename })}</span> {s.sentence}
                </blockquote>
                <Form method="post">
                  <input type="hidden" name="suggestionId" value={s.id} />
                  <div className="field">
                    <label htmlFor={levelId}>{t('resume.level', { skill: name })}</label>
                    <select
                      id={levelId}
                      name="level"
                      defaultValue=""
                      aria-invalid={errors.length > 0 || undefined}
                      aria-describedby={errors.length > 0 ? `${levelId}-errors` : undefined}
                    >
                      <option value="">{t('resume.chooseLevel')}</option>
                      {skillLevels.map((level) => (
                        <option key={level} value={level}>
                          {t(`skillLevel.${level}`)}
                        </option>
                      ))}
                    </select>
                    <ErrorList id={`${levelId}-errors`} errors={errors} />
                  </div>
                  <SubmitButton name="intent" value="accept">
                    {t('resume.accept', { skill: name })}
                  </SubmitButton>
                  <SubmitButton name="intent" value="dismiss" className="button">
                    {t('resume.dismiss', { skill: name })}
                  </SubmitButton>
                </Form>
              </li>
            )
          })}
        </ul>
      </section>
    </section>
  )
}
