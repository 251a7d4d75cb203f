// A new student's first steps, right after sign-up and whenever the profile is empty:
// 1 university, major, graduation year; 2 courses taken; 3 skills; 4 preferences. Each
// step saves on its own, can be skipped (a link), and works without JavaScript; the last
// lands on the home page's recommendations with their reasons.
import { getFormProps, useForm, type Submission } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { LanguagePicker } from '#app/components/language-picker.tsx'
import { SkillPicker, SkillSearchForm } from '#app/components/skill-picker.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireStudent } from '#app/modules/auth/permissions.server.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import { chosenSkills, skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { claimableCourses, claimCourses, getOwnProfile, updatePreferences, updateSkills, updateStudies } from '#app/modules/students/profile.server.ts'
import {
  claimCoursesSchema,
  onboardingSteps,
  preferencesSchema,
  skillsSchema,
  studiesSchema,
  workModeValues,
  type OnboardingStep,
} from '#app/modules/students/schemas.ts'
import { listUniversityOptions } from '#app/modules/universities/universities.server.ts'

const stepOf = (request: Request): OnboardingStep => onboardingSteps.find((s) => s === new URL(request.url).searchParams.get('step')) ?? 'studies'
const after = (step: OnboardingStep) => {
  const next = onboardingSteps[onboardingSteps.indexOf(step) + 1]
  return next ? `/onboarding?step=${next}` : '/'
}

export const meta: MetaFunction = () => [{ title: '开始使用 · Getting started · 链桥 Lianqiao' }]

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const { user } = await requireStudent(request)
  const step = stepOf(request)
  const profile = await getOwnProfile(user.id)
  const [universities, courses, skillSearch] = await Promise.all([
    step === 'studies' ? listUniversityOptions() : [],
    step === 'courses' ? claimableCourses(profile.universityId) : [],
    step === 'skills' ? skillPickerSearch(request, locale) : { query: '', results: [] },
  ])
  return { step, profile, universities, courses, skills: chosenSkills(locale, profile.skills), skillSearch, next: after(step) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm, intent: readIntent }) => {
  const { studentId } = await requireStudent(request)
  const formData = await request.formData()
  const step = readIntent(formData, onboardingSteps)
  const reply = (submission: Parameters<typeof invalidReply>[0]) => data({ step, result: invalidReply(submission).data.result }, { status: 400 })
  switch (step) {
    case 'studies': {
      const submission = parseForm(formData, studiesSchema)
      if (submission.status !== 'success') return reply(submission)
      await updateStudies(studentId, submission.value)
      break
    }
    case 'courses': {
      const submission = parseForm(formData, claimCoursesSchema)
      if (submission.status !== 'success') return reply(submission)
      await claimCourses(studentId, submission.value)
      break
    }
    case 'skills': {
      const submission = parseForm(formData, skillsSchema)
      if (submission.status !== 'success') return reply(submission)
      await updateSkills(studentId, submission.value)
      break
    }
    case 'preferences': {
      const submission = parseForm(formData, preferencesSchema)
      if (submission.status !== 'success') return reply(submission)
      await updatePreferences(studentId, submission.value)
      return redirectWithToast('/', 'onboarding.done')
    }
  }
  throw redirect(after(step))
})

/** Every step's fields, for the one form the page renders at a time. */
type StepFields = {
  major?: string
  graduationYear?: number
  courseIds?: string[]
  skills?: Array<{ skill: string; level: number }>
  preferredCities?: string
  daysPerWeek?: number
  availableFrom?: string
  languages?: Array<{ language: string; level: string }>
}

function Progress({ step }: { step: OnboardingStep }) {
  const t = useT()
  const index = onboardingSteps.indexOf(step)
  return (
    <nav aria-label={t('onboarding.progress')}>
      <p>{t('onboarding.stepOf', { n: index + 1, total: onboardingSteps.length })}</p>
      <ol className="steps">
        {onboardingSteps.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < index ? 'done' : undefined}>
            <Link to={`/onboarding?step=${s}`}>{t(`onboarding.step.${s}` as const)}</Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}

export default function Onboarding() {
  const { step, profile, universities, courses, skills, skillSearch, next } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const lastResult = actionData && 'step' in actionData && actionData.step === step ? actionData.result : undefined
  const schema = { studies: studiesSchema, courses: claimCoursesSchema, skills: skillsSchema, preferences: preferencesSchema }[step]
  const [form, fields] = useForm<StepFields>({
    id: `onboarding-${step}`,
    lastResult,
    // Each step's schema checks its own fields; the form's type names them all.
    onValidate: ({ formData }) => parseWithZod(formData, { schema, errorMap: errorMapFor(locale) }) as Submission<StepFields>,
  })
  const claimed = new Set(profile.courses.map((c) => c.course.id))
  const errors = (name: 'courseIds' | 'skills' | 'languages') => Object.values(fields[name].allErrors).flat()
  return (
    <section className="stack narrow">
      <h1>{t('onboarding.title')}</h1>
      <Progress step={step} />
      <h2>{t(`onboarding.step.${step}` as const)}</h2>
      <p className="hint">{t(`onboarding.hint.${step}` as const)}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        {step === 'studies' ? (
          <>
            <div className="field">
              <label htmlFor="onboarding-university">{t('profile.university')}</label>
              <select id="onboarding-university" name="universityId" defaultValue={profile.universityId ?? ''}>
                <option value="">—</option>
                {universities.map((u) => (
                  <option key={u.id} value={u.id}>
                    {pickText(locale, u.nameZh, u.nameEn)}
                  </option>
                ))}
              </select>
            </div>
            <Field field={fields.major} label={t('profile.major')} inputProps={{ defaultValue: profile.major ?? '' }} />
            <Field
              field={fields.graduationYear}
              label={t('profile.graduationYear')}
              type="number"
              inputProps={{ defaultValue: profile.graduationYear ?? undefined, min: 1990, max: 2100 }}
            />
          </>
        ) : null}
        {step === 'courses' ? (
          courses.length === 0 ? (
            <p>{profile.universityId ? t('onboarding.noCatalogue') : t('onboarding.noUniversity')}</p>
          ) : (
            <fieldset className="choices">
              <legend>{t('onboarding.coursesLegend')}</legend>
              <ErrorList errors={errors('courseIds')} />
              {courses.map((c) => (
                <div className="field checkbox" key={c.id}>
                  <input type="checkbox" id={`course-${c.id}`} name="courseIds" value={c.id} defaultChecked={claimed.has(c.id)} />
                  <label htmlFor={`course-${c.id}`}>
                    {c.code} {pickText(locale, c.titleZh, c.titleEn)}
                  </label>
                </div>
              ))}
            </fieldset>
          )
        ) : null}
        {step === 'skills' ? (
          <SkillPicker
            label={t('profile.skills')}
            hint={t('profile.skillsHint')}
            chosen={skills}
            search={skillSearch}
            searchFormId="onboarding-skill-search"
            errors={errors('skills')}
          />
        ) : null}
        {step === 'preferences' ? (
          <>
            <Field
              field={fields.preferredCities}
              label={t('profile.preferredCities')}
              hint={t('profile.preferredCitiesHint')}
              inputProps={{ defaultValue: profile.preferredCities.map((c) => cityName(c, locale)).join(', ') }}
            />
            <fieldset className="field">
              <legend>{t('profile.workModes')}</legend>
              <p className="hint">{t('profile.workModesHint')}</p>
              {workModeValues.map((mode) => (
                <div className="field checkbox" key={mode}>
                  <input type="checkbox" id={`mode-${mode}`} name="workModes" value={mode} defaultChecked={profile.workModes.includes(mode)} />
                  <label htmlFor={`mode-${mode}`}>{t(`match.workMode.${mode}`)}</label>
                </div>
              ))}
            </fieldset>
            <Field
              field={fields.daysPerWeek}
              label={t('profile.daysPerWeek')}
              type="number"
              inputProps={{ min: 1, max: 7, defaultValue: profile.daysPerWeek ?? undefined }}
            />
            <Field
              field={fields.availableFrom}
              label={t('profile.availableFrom')}
              type="date"
              inputProps={{ defaultValue: profile.availableFrom ? String(profile.availableFrom).slice(0, 10) : '' }}
            />
            <LanguagePicker chosen={profile.languages.map((l) => ({ language: l.language, level: l.level ?? '' }))} errors={errors('languages')} />
          </>
        ) : null}
        <p className="form-actions">
          <SubmitButton name="intent" value={step}>
            {step === 'preferences' ? t('onboarding.finish') : t('onboarding.saveAndContinue')}
          </SubmitButton>
          <Link to={next} className="button">
            {t('onboarding.skip')}
          </Link>
        </p>
      </Form>
      {step === 'skills' ? <SkillSearchForm id="onboarding-skill-search" keep={{ step: 'skills' }} /> : null}
    </section>
  )
}
