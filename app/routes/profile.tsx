// A student's own profile: details and preferences, self-declared skills, courses
// (verified by the university or self-reported), résumés, and who may see all this.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { EVIDENCE_SEARCH_PARAM, EvidenceSection } from '#app/components/evidence-section.tsx'
import { LanguagePicker } from '#app/components/language-picker.tsx'
import { SkillPicker, SkillSearchForm } from '#app/components/skill-picker.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { resumeUpload } from '#app/lib/upload-limits.ts'
import { isEmailVerified, requireStudent } from '#app/modules/auth/permissions.server.ts'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { cityName } from '#app/modules/cities/cities.ts'
import { awardsForUser } from '#app/modules/events/judging.server.ts'
import { chosenSkills, skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import {
  addClaimedCourse,
  claimableCourses,
  deleteResume,
  getOwnProfile,
  removeClaimedCourse,
  setVisibility,
  updateProfile,
  uploadResume,
} from '#app/modules/students/profile.server.ts'
import { addEvidence, listEvidence, removeEvidence } from '#app/modules/students/evidence.server.ts'
import {
  claimedCourseSchema,
  evidenceSchema,
  profileSchema,
  removeEvidenceSchema,
  visibilities,
  visibilitySchema,
  workModeValues,
} from '#app/modules/students/schemas.ts'
import { listUniversityOptions } from '#app/modules/universities/universities.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'

/** Several forms share the action: the reply says which one it answers, keeping its status. */
function tagged(intent: string, reply: ReturnType<typeof invalidReply>) {
  return data({ intent, result: reply.data.result }, reply.init ?? undefined)
}

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const { user } = await requireStudent(request)
  const profile = await getOwnProfile(user.id)
  const [universities, courses, skillSearch, evidenceSkillSearch, evidence, awards] = await Promise.all([
    listUniversityOptions(),
    claimableCourses(profile.universityId),
    skillPickerSearch(request, locale),
    skillPickerSearch(request, locale, EVIDENCE_SEARCH_PARAM),
    listEvidence(profile.id),
    awardsForUser(user.id),
  ])
  // Companies find only students with a verified address, whatever the visibility says.
  return {
    profile,
    universities,
    courses,
    skills: chosenSkills(locale, profile.skills),
    skillSearch,
    evidenceSkillSearch,
    evidence,
    awards,
    emailVerified: await isEmailVerified(user.id),
  }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent: readIntent }) => {
  const { user, studentId } = await requireStudent(request)
  const formData = await readUploadForm(request, resumeUpload)
  const intent = readIntent(formData, ['profile', 'visibility', 'add-course', 'remove-course', 'add-evidence', 'remove-evidence', 'resume', 'delete-resume'])
  switch (intent) {
    case 'profile': {
      const submission = parseForm(formData, profileSchema)
      if (submission.status !== 'success') return tagged(intent, invalidReply(submission))
      await updateProfile(studentId, submission.value)
      return redirectWithToast('/profile', 'profile.saved')
    }
    case 'visibility': {
      const submission = parseForm(formData, visibilitySchema)
      if (submission.status !== 'success') return tagged(intent, invalidReply(submission))
      await setVisibility(user.id, studentId, submission.value)
      return redirectWithToast('/profile', 'profile.visibilitySaved')
    }
    case 'add-course': {
      const submission = parseForm(formData, claimedCourseSchema)
      if (submission.status !== 'success') return tagged(intent, invalidReply(submission))
      await addClaimedCourse(studentId, submission.value)
      return redirectWithToast('/profile', 'profile.courseAdded')
    }
    case 'remove-course': {
      await removeClaimedCourse(studentId, String(formData.get('courseId') ?? ''))
      return redirectWithToast('/profile', 'profile.courseRemoved')
    }
    case 'add-evidence': {
      const submission = parseForm(formData, evidenceSchema)
      if (submission.status !== 'success') return tagged(intent, invalidReply(submission))
      await addEvidence(studentId, submission.value)
      return redirectWithToast('/profile', 'evidence.added')
    }
    case 'remove-evidence': {
      const submission = parseForm(formData, removeEvidenceSchema)
      if (submission.status !== 'success') return tagged(intent, invalidReply(submission))
      await removeEvidence(studentId, submission.value.evidenceId)
      return redirectWithToast('/profile', 'evidence.removed')
    }
    case 'resume': {
      const file = formData.get('resume')
      parseForm(formData, visibilitySchema.partial())
      const bytes = file && typeof file !== 'string' ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
      await uploadResume(studentId, { bytes, filename: file && typeof file !== 'string' ? file.name : 'resume.pdf' })
      // The student watches it being read, and decides on what it suggests, on the résumé skills page.
      return redirectWithToast('/profile/resume-skills', 'resume.uploadedReading')
    }
    case 'delete-resume': {
      await deleteResume(studentId, String(formData.get('resumeId') ?? ''))
      return redirectWithToast('/profile', 'profile.resumeDeleted')
    }
  }
})

export default function Profile() {
  const { profile, universities, courses, skills, skillSearch, evidenceSkillSearch, evidence, awards, emailVerified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const resultFor = (intent: string) => (actionData && actionData.intent === intent ? actionData.result : undefined)
  const [form, fields] = useForm({
    id: 'profile',
    lastResult: resultFor('profile'),
    shouldValidate: 'onBlur',
    defaultValue: {
      universityId: profile.universityId ?? '',
      major: profile.major ?? '',
      graduationYear: profile.graduationYear ?? undefined,
      preferredCities: profile.preferredCities.map((c) => cityName(c, locale)).join(', '),
      workModes: profile.workModes,
      availableFrom: profile.availableFrom ? String(profile.availableFrom).slice(0, 10) : '',
      daysPerWeek: profile.daysPerWeek ?? undefined,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema, errorMap: errorMapFor(locale) }),
  })
  const [courseForm, courseFields] = useForm({
    id: 'add-course',
    lastResult: resultFor('add-course'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: claimedCourseSchema, errorMap: errorMapFor(locale) }),
  })
  const resumeErrors =
    actionData?.intent === 'resume'
      ? Object.values(actionData.result?.error ?? {})
          .flat()
          .filter((e): e is string => typeof e === 'string')
      : []
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('profile.title')}</h1>
      {emailVerified ? null : <VerifyEmailNotice />}

      {awards.length > 0 ? (
        <section aria-labelledby="awards-heading" className="card">
          <h2 id="awards-heading">{t('profile.awards')}</h2>
          <ul className="plain-list">
            {awards.map((award) => (
              <li key={award.id}>
                <strong>{pickText(locale, award.title.zh, award.title.en)}</strong>
                <Link to={`/events/${award.event.id}`}>{pickText(locale, award.event.title.zh, award.event.title.en)}</Link>
                <Link to={`/teams/${award.team.id}`}>{award.team.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="visibility-heading" className="card">
        <h2 id="visibility-heading">{t('profile.visibility')}</h2>
        <Form method="post">
          <fieldset className="choices">
            <legend className="visually-hidden">{t('profile.visibility')}</legend>
            {visibilities.map((v) => (
              <div className="field checkbox" key={v}>
                <input type="radio" id={`visibility-${v}`} name="visibility" value={v} defaultChecked={profile.visibility === v} />
                <label htmlFor={`visibility-${v}`}>{t(`profile.visibility.${v}`)}</label>
              </div>
            ))}
          </fieldset>
          <SubmitButton name="intent" value="visibility">
            {t('profile.saveVisibility')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="details-heading" className="card">
        <h2 id="details-heading">{t('profile.details')}</h2>
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorList id={form.errorId} errors={form.errors} />
          <div className="field">
            <label htmlFor={fields.universityId.id}>{t('profile.university')}</label>
            <select id={fields.universityId.id} name={fields.universityId.name} defaultValue={profile.universityId ?? ''}>
              <option value="">—</option>
              {universities.map((u) => (
                <option key={u.id} value={u.id}>
                  {pickText(locale, u.nameZh, u.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <Field field={fields.major} label={t('profile.major')} />
          <Field field={fields.graduationYear} label={t('profile.graduationYear')} type="number" />
          <Field field={fields.preferredCities} label={t('profile.preferredCities')} hint={t('profile.preferredCitiesHint')} />
          <fieldset className="field">
            <legend>{t('profile.workModes')}</legend>
            <p className="hint">{t('profile.workModesHint')}</p>
            {workModeValues.map((mode) => (
              <div className="field checkbox" key={mode}>
                <input type="checkbox" id={`mode-${mode}`} name={fields.workModes.name} value={mode} defaultChecked={profile.workModes.includes(mode)} />
                <label htmlFor={`mode-${mode}`}>{t(`match.workMode.${mode}`)}</label>
              </div>
            ))}
          </fieldset>
          <Field field={fields.availableFrom} label={t('profile.availableFrom')} type="date" />
          <Field field={fields.daysPerWeek} label={t('profile.daysPerWeek')} type="number" inputProps={{ min: 1, max: 7 }} />
          <LanguagePicker
            chosen={profile.languages.map((l) => ({ language: l.language, level: l.level ?? '' }))}
            errors={Object.values(fields.languages.allErrors).flat()}
          />
          <SkillPicker
            label={t('profile.skills')}
            hint={t('profile.skillsHint')}
            chosen={skills}
            search={skillSearch}
            searchFormId="profile-skill-search"
            errors={Object.values(fields.skills.allErrors).flat()}
          />
          <SubmitButton name="intent" value="profile">
            {t('profile.save')}
          </SubmitButton>
        </Form>
        <SkillSearchForm id="profile-skill-search" />
      </section>

      <section aria-labelledby="courses-heading" className="card">
        <h2 id="courses-heading">{t('profile.courses')}</h2>
        {profile.courses.length === 0 ? <p>{t('profile.noCourses')}</p> : null}
        <ul className="plain-list">
          {profile.courses.map((c) => (
            <li key={c.course.id}>
              <strong>{pickText(locale, c.course.titleZh, c.course.titleEn)}</strong>
              {c.course.code ? <code>{c.course.code}</code> : null}
              {c.grade !== null ? (
                <span>
                  {t('universities.grade')} {c.grade}
                </span>
              ) : null}
              {c.verified ? <span className="tag ok">{t('profile.verified')}</span> : <span className="tag">{t('profile.selfClaimed')}</span>}
              {c.verified ? null : (
                <Form method="post" className="inline">
                  <input type="hidden" name="courseId" value={c.course.id} />
                  <SubmitButton name="intent" value="remove-course" className="button small">
                    {t('profile.removeCourse')}
                  </SubmitButton>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {courses.length > 0 ? (
          <Form method="post" {...getFormProps(courseForm)} noValidate>
            <h3>{t('profile.addCourse')}</h3>
            <ErrorList id={courseForm.errorId} errors={courseForm.errors} />
            <div className="field">
              <label htmlFor={courseFields.courseId.id}>{t('profile.course')}</label>
              <select id={courseFields.courseId.id} name={courseFields.courseId.name} aria-describedby={courseFields.courseId.errorId}>
                {courses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.code} {pickText(locale, c.titleZh, c.titleEn)}
                  </option>
                ))}
              </select>
              <ErrorList id={courseFields.courseId.errorId} errors={courseFields.courseId.errors} />
            </div>
            <Field field={courseFields.grade} label={t('profile.grade')} type="number" inputProps={{ min: 0, max: 100 }} />
            <SubmitButton name="intent" value="add-course">
              {t('profile.addCourse')}
            </SubmitButton>
          </Form>
        ) : null}
      </section>

      <EvidenceSection items={evidence} lastResult={resultFor('add-evidence')} skillSearch={evidenceSkillSearch} />

      <section aria-labelledby="resume-heading" className="card">
        <h2 id="resume-heading">{t('profile.resume')}</h2>
        <ul className="plain-list">
          {profile.resumes.map((r) => (
            <li key={r.id}>
              <a href={`/profile/resume/${r.id}`}>{r.filename}</a>
              <span className="hint">
                {Math.ceil(r.size / 1024)} KB · {formatDate(r.createdAt)}
              </span>
              <Link to="/profile/resume-skills">
                {r.readStatus === null ? t('resume.status.notRead') : r.readStatus === 'done' ? t('resume.review') : t(`resume.status.${r.readStatus}`)}
              </Link>
              <Form method="post" className="inline">
                <input type="hidden" name="resumeId" value={r.id} />
                <SubmitButton name="intent" value="delete-resume" className="button small">
                  {t('common.delete')}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" encType="multipart/form-data">
          <div className="field">
            <label htmlFor="resume-file">{t('profile.resume')}</label>
            <input
              id="resume-file"
              type="file"
              name="resume"
              accept="application/pdf,.pdf"
              required
              aria-invalid={resumeErrors.length > 0 || undefined}
              aria-describedby="resume-errors"
            />
            <ErrorList id="resume-errors" errors={resumeErrors} />
          </div>
          <SubmitButton name="intent" value="resume">
            {t('profile.uploadResume')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="data-heading" className="card">
        <h2 id="data-heading">{t('profile.yourData')}</h2>
        <p>
          <a href="/profile/export" download>
            {t('profile.export')}
          </a>
        </p>
        <p>
          <Link to="/profile/delete" className="button danger">
            {t('profile.deleteAccount')}
          </Link>
        </p>
      </section>
    </section>
  )
}
