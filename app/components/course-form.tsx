// The course form shared by "add a course" and "edit course".
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { courseFormSchema } from '#app/modules/universities/schemas.ts'

type Defaults = { code?: string | null; titleZh?: string | null; titleEn?: string | null; descriptionZh?: string | null; descriptionEn?: string | null; semester?: string | null; skills?: string }

export function CourseForm({ id, intent, lastResult, defaults, submitLabel, skillListId }: { id: string; intent: string; lastResult?: SubmissionResult<string[]>; defaults?: Defaults; submitLabel: string; skillListId?: string }) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id,
    lastResult,
    shouldValidate: 'onBlur',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: courseFormSchema, errorMap: errorMapFor(locale) }),
  })
  return (
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
      <Field field={fields.skills} label={t('universities.skills')} hint={t('universities.skillsHint')} inputProps={skillListId ? { list: skillListId } : undefined} />
      <SubmitButton name="intent" value={intent}>
        {submitLabel}
      </SubmitButton>
    </Form>
  )
}
