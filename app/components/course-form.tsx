// The course form shared by "add a course" and "edit course".
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { SkillPicker, SkillSearchForm, type ChosenSkill, type SkillOption } from '#app/components/skill-picker.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { courseFormSchema } from '#app/modules/universities/schemas.ts'

type Defaults = {
  code?: string | null
  titleZh?: string | null
  titleEn?: string | null
  descriptionZh?: string | null
  descriptionEn?: string | null
  semester?: string | null
}

export function CourseForm({
  id,
  intent,
  lastResult,
  defaults,
  submitLabel,
  skills,
  skillSearch,
  keep,
}: {
  id: string
  intent: string
  lastResult?: SubmissionResult<string[]>
  defaults?: Defaults
  submitLabel: string
  skills: ChosenSkill[]
  skillSearch: { query: string; results: SkillOption[] }
  /** Query parameters the picker's search keeps (e.g. the university). */
  keep?: Record<string, string>
}) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm<Defaults & { skills: Array<{ skill: string; level: number }> }>({
    id,
    lastResult,
    shouldValidate: 'onBlur',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: courseFormSchema, errorMap: errorMapFor(locale) }),
  })
  const searchFormId = `${id}-skill-search`
  return (
    <>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field field={fields.code} label={t('universities.code')} />
        <Field field={fields.titleZh} label={t('universities.titleZh')} />
        <Field field={fields.titleEn} label={t('universities.titleEn')} />
        {(['descriptionZh', 'descriptionEn'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={fields[name].id}>{t(`universities.${name}`)}</label>
            <textarea {...getTextareaProps(fields[name])} key={fields[name].key} />
            <ErrorList id={fields[name].errorId} errors={fields[name].errors} />
          </div>
        ))}
        <Field field={fields.semester} label={t('universities.semester')} />
        <SkillPicker
          label={t('universities.skills')}
          hint={t('universities.skillsHint')}
          chosen={skills}
          search={skillSearch}
          searchFormId={searchFormId}
          errors={Object.values(fields.skills.allErrors).flat()}
        />
        <SubmitButton name="intent" value={intent}>
          {submitLabel}
        </SubmitButton>
      </Form>
      <SkillSearchForm id={searchFormId} keep={keep} />
    </>
  )
}
