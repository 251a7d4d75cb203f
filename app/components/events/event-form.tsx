// The organizer's event form (create and edit): every field of the import format plus
// approval, eligibility, questions, rules and the skills it teaches (the skill picker).
// Plain controls, so it works without JS.
import { getFormProps, getSelectProps, getTextareaProps, useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { ErrorList, Field, SubmitButton } from '#app/components/forms.tsx'
import { SkillPicker, SkillSearchForm, type ChosenSkill, type SkillOption } from '#app/components/skill-picker.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { eligibilities, eventFormSchema, eventKinds } from '#app/modules/events/schemas.ts'

type EventFormFields = z.input<typeof eventFormSchema>
type EventFormDefaults = Partial<Record<Exclude<keyof EventFormFields, 'skills'>, string>>

export function EventForm({
  defaults,
  lastResult,
  submitLabel,
  skills,
  skillSearch,
}: {
  defaults?: EventFormDefaults
  lastResult?: SubmissionResult<string[]>
  submitLabel: ReactNode
  skills: ChosenSkill[]
  skillSearch: { query: string; results: SkillOption[] }
}) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm<EventFormFields, z.output<typeof eventFormSchema>>({
    id: 'event-form',
    lastResult,
    // Forms carry strings; the schema turns them into numbers, dates and booleans.
    defaultValue: defaults as DefaultValue<EventFormFields>,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema, errorMap: errorMapFor(locale) }),
  })
  const textarea = (field: typeof fields.descriptionZh, label: ReactNode, hint?: ReactNode) => (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <textarea {...getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined })} key={field.key} />
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
  const checkbox = (field: typeof fields.waitlist, label: ReactNode) => (
    <div className="check-field">
      <input type="checkbox" id={field.id} name={field.name} defaultChecked={field.initialValue === 'on' || field.initialValue === 'true'} key={field.key} />
      <label htmlFor={field.id}>{label}</label>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
  const searchFormId = 'event-skill-search'
  return (
    <>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.kind.id}>{t('organize.field.kind')}</label>
          <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
            {eventKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`events.kind.${kind}`)}
              </option>
            ))}
          </select>
          <ErrorList id={fields.kind.errorId} errors={fields.kind.errors} />
        </div>
        <Field field={fields.titleZh} label={t('organize.field.titleZh')} inputProps={{ lang: 'zh-CN' }} />
        <Field field={fields.titleEn} label={t('organize.field.titleEn')} inputProps={{ lang: 'en' }} />
        {textarea(fields.descriptionZh, t('organize.field.descriptionZh'))}
        {textarea(fields.descriptionEn, t('organize.field.descriptionEn'))}
        <Field field={fields.venue} label={t('organize.field.venue')} />
        <Field field={fields.onlineUrl} label={t('organize.field.onlineUrl')} type="url" />
        <Field field={fields.startsAt} label={t('organize.field.startsAt')} type="datetime-local" />
        <Field field={fields.endsAt} label={t('organize.field.endsAt')} type="datetime-local" />
        <Field field={fields.registrationOpensAt} label={t('organize.field.registrationOpensAt')} type="datetime-local" />
        <Field field={fields.registrationClosesAt} label={t('organize.field.registrationClosesAt')} type="datetime-local" />
        <Field field={fields.capacity} label={t('organize.field.capacity')} type="number" inputProps={{ min: 1 }} />
        {checkbox(fields.waitlist, t('organize.field.waitlist'))}
        {checkbox(fields.approvalRequired, t('organize.field.approvalRequired'))}
        <div className="field">
          <label htmlFor={fields.eligibility.id}>{t('organize.field.eligibility')}</label>
          <select {...getSelectProps(fields.eligibility)} key={fields.eligibility.key}>
            {eligibilities.map((value) => (
              <option key={value} value={value}>
                {t(`organize.eligibility.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {textarea(fields.questions, t('organize.field.questions'), t('organize.field.questionsHint'))}
        {textarea(fields.rulesZh, t('organize.field.rulesZh'))}
        {textarea(fields.rulesEn, t('organize.field.rulesEn'))}
        <fieldset>
          <legend>{t('organize.contestFields')}</legend>
          <Field field={fields.teamSizeMin} label={t('organize.field.teamSizeMin')} type="number" inputProps={{ min: 1 }} />
          <Field field={fields.teamSizeMax} label={t('organize.field.teamSizeMax')} type="number" inputProps={{ min: 1 }} />
          <Field field={fields.submissionDeadline} label={t('organize.field.submissionDeadline')} type="datetime-local" />
          {textarea(fields.tracks, t('organize.field.tracks'), t('organize.field.tracksHint'))}
        </fieldset>
        <SkillPicker
          label={t('organize.field.skills')}
          hint={t('organize.field.skillsHint')}
          chosen={skills}
          search={skillSearch}
          searchFormId={searchFormId}
          errors={Object.values(fields.skills.allErrors).flat()}
        />
        <Field field={fields.key} label={t('organize.field.key')} />
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
      <SkillSearchForm id={searchFormId} />
    </>
  )
}
