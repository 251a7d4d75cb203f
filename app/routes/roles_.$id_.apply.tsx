import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CredentialChoices } from '#app/components/attached-credentials.tsx'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { applyToRole, loadApplyPage } from '#app/modules/applications/applications.server.ts'
import { medianFirstResponse } from '#app/modules/applications/response-time.server.ts'
import { NOTE_MAX, applySchema } from '#app/modules/applications/schemas.ts'
import { isEmailVerified, notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  const page = await loadApplyPage(params.id ?? '', user)
  if (!page) throw notFoundResponse()
  return { ...page, response: await medianFirstResponse(page.role.companyId), emailVerified: await isEmailVerified(user.id) }
})

export const action = pageAction(
  async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
    const user = await requireRole(request, 'student')
    const submission = parseForm(await request.formData(), applySchema)
    if (submission.status !== 'success') return invalidReply(submission)
    await applyToRole(user, params.id ?? '', submission.value)
    return redirectWithToast('/applications', 'applications.submitted')
  },
  // A double click or a resubmitted form lands on the application that already exists.
  { on: { 409: () => redirectWithToast('/applications', 'applications.alreadyApplied') } },
)

export const meta: MetaFunction = pageTitle('title.apply')

function formatWait(hours: number, t: ReturnType<typeof useT>) {
  return hours < 48 ? t('applications.hours', { hours }) : t('applications.days', { days: Math.round(hours / 24) })
}

export default function Apply() {
  const { role, resumes, existing, credentials, response, emailVerified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const formatDate = useFormatDate()
  const [form, fields] = useForm({
    id: 'apply',
    lastResult: actionData?.result,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: applySchema, errorMap: errorMapFor(locale) }),
  })
  const serverErrors = (actionData?.result?.error ?? {}) as Record<string, string[] | null>
  const title = pickText(locale, role.titleZh, role.titleEn)
  return (
    <section className="stack narrow">
      <h1>{t('applications.applyTitle', { role: title })}</h1>
      {emailVerified ? null : <VerifyEmailNotice />}
      <p>
        {t('applications.companyLabel')}: {pickText(locale, role.company.nameZh, role.company.nameEn)} · {t('applications.deadline')}:{' '}
        {formatDate(role.deadline)}
      </p>
      <p className="hint">
        {response.medianHours === null
          ? t('applications.medianUnknown')
          : t('applications.medianResponse', { time: formatWait(response.medianHours, t), count: response.responses })}
      </p>
      {existing ? (
        <p className="notice" role="status">
          {t('applications.existingNotice', { date: formatDate(existing.createdAt), status: t(`applications.status.${existing.status}`) })}{' '}
          <Link to="/applications">{t('applications.viewMine')}</Link>
        </p>
      ) : !role.open ? (
        <p className="notice warning" role="status">
          {t('applications.closedNotice')}
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate className="card">
          <ErrorList id={form.errorId} errors={form.errors} />
          <p className="hint">{t('applications.snapshotHint')}</p>
          <div className="field">
            <label htmlFor="apply-resume">{t('applications.resume')}</label>
            {resumes.length ? (
              <select id="apply-resume" name="resumeId" defaultValue={resumes[0]?.id} aria-describedby="apply-resume-error">
                {resumes.map((resume) => (
                  <option key={resume.id} value={resume.id}>
                    {resume.filename} · {formatDate(resume.createdAt)}
                  </option>
                ))}
                <option value="">{t('applications.noResume')}</option>
              </select>
            ) : (
              <p className="hint">{t('applications.noResumes')}</p>
            )}
            <ErrorList id="apply-resume-error" errors={serverErrors.resumeId} />
          </div>
          <div className="field">
            <label htmlFor={fields.note.id}>{t('applications.coverNote')}</label>
            <textarea {...getTextareaProps(fields.note)} maxLength={NOTE_MAX} />
            <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
          </div>
          <CredentialChoices credentials={credentials} errors={serverErrors.credentialIds ?? undefined} />
          {role.questions.length ? (
            <fieldset className="card">
              <legend>{t('applications.questions')}</legend>
              {role.questions.map((question) => {
                const name = `answers.${question.id}`
                const id = `answer-${question.id}`
                const prompt = pickText(locale, question.promptZh, question.promptEn)
                const errors = serverErrors[name]
                if (question.kind === 'short_text') {
                  return (
                    <div className="field" key={question.id}>
                      <label htmlFor={id}>{prompt}</label>
                      <textarea id={id} name={name} maxLength={1000} required aria-invalid={errors ? true : undefined} aria-describedby={`${id}-error`} />
                      <ErrorList id={`${id}-error`} errors={errors} />
                    </div>
                  )
                }
                const options =
                  question.kind === 'yes_no'
                    ? [
                        ['yes', t('applications.yes')],
                        ['no', t('applications.no')],
                      ]
                    : question.options.map((o) => [o, o])
                return (
                  <fieldset className="field" key={question.id} aria-describedby={`${id}-error`}>
                    <legend>{prompt}</legend>
                    {options.map(([value, label]) => (
                      <label key={value} className="choice">
                        <input type="radio" name={name} value={value} required /> {label}
                      </label>
                    ))}
                    <ErrorList id={`${id}-error`} errors={errors} />
                  </fieldset>
                )
              })}
            </fieldset>
          ) : null}
          <SubmitButton>{t('applications.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  )
}
