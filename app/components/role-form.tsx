// The role form (new and edit): every Role field of the import format, skills chosen with
// the skill picker. Plain HTML controls, so it works without JavaScript; Conform adds
// validation as you go.
import { getFormProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton, TextAreaField } from '#app/components/forms.tsx'
import { SkillPicker, SkillSearchForm, type ChosenSkill, type SkillOption } from '#app/components/skill-picker.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { formLanguages, roleFormSchema, roleKinds, workModes } from '#app/modules/roles/schemas.ts'

type FormShape = Omit<RoleFormDefaults, 'skills'> & { skills: Array<{ skill: string; level: number; required: boolean }>; intent: string }

export type RoleFormDefaults = {
  titleZh?: string
  titleEn?: string
  descriptionZh?: string
  descriptionEn?: string
  kind?: string
  city?: string
  workMode?: string
  stipendMin?: number
  stipendMax?: number
  daysPerWeek?: number
  durationMonths?: number
  languages?: string[]
  openings?: number
  deadline?: string
  skills?: Array<{ skill: string; level: number; required: boolean }>
}

function Select({ field, label, options }: { field: FieldMetadata<string | undefined>; label: string; options: Array<{ value: string; label: string }> }) {
  const props = getSelectProps(field)
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...props} key={props.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  )
}

export function RoleForm({
  defaults,
  chosenSkills,
  skillSearch,
  keep,
  lastResult,
  status,
  today,
}: {
  defaults: RoleFormDefaults
  chosenSkills: ChosenSkill[]
  skillSearch: { query: string; results: SkillOption[] }
  /** Query parameters the picker's search keeps (the company). */
  keep?: Record<string, string>
  lastResult?: SubmissionResult<string[]>
  status: 'new' | 'draft' | 'published' | 'closed'
  today: string
}) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm<FormShape>({
    id: 'role-form',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      ...defaults,
      languages: defaults.languages ?? ['zh'],
      skills: defaults.skills ?? [],
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roleFormSchema, errorMap: errorMapFor(locale) }),
  })
  const chosenLanguages = new Set(defaults.languages ?? ['zh'])
  return (
    <>
      <Form method="post" {...getFormProps(form)} noValidate className="role-form">
        <ErrorList id={form.errorId} errors={form.errors} />
        {status === 'closed' ? <p className="notice">{t('roleForm.reopenHint')}</p> : null}
        <aside className="notice">
          <strong>{t('roleForm.rulesTitle')}</strong>: {t('roleForm.rules')}
        </aside>
        <div className="grid-2">
          <Field field={fields.titleZh} label={t('roleForm.titleZh')} hint={t('roleForm.bilingualHint')} />
          <Field field={fields.titleEn} label={t('roleForm.titleEn')} />
        </div>
        <TextAreaField field={fields.descriptionZh} label={t('roleForm.descriptionZh')} hint={t('roleForm.bilingualHint')} rows={8} />
        <TextAreaField field={fields.descriptionEn} label={t('roleForm.descriptionEn')} rows={8} />
        <div className="grid-3">
          <Select field={fields.kind} label={t('roleForm.kind')} options={roleKinds.map((k) => ({ value: k, label: t(`roleKind.${k}`) }))} />
          <Select field={fields.workMode} label={t('roleForm.workMode')} options={workModes.map((m) => ({ value: m, label: t(`workMode.${m}`) }))} />
          <Field field={fields.city} label={t('roleForm.city')} inputProps={{ list: 'guangxi-cities' }} />
        </div>
        <datalist id="guangxi-cities">
          {['南宁', '柳州', '桂林', '百色', '北海', '梧州', '钦州', '玉林', '防城港', '贵港', '河池', '来宾', '崇左', '贺州'].map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <div className="grid-3">
          <Field field={fields.stipendMin} label={t('roleForm.stipendMin')} type="number" hint={t('roleForm.stipendHint')} inputProps={{ min: 0, step: 100 }} />
          <Field field={fields.stipendMax} label={t('roleForm.stipendMax')} type="number" inputProps={{ min: 0, step: 100 }} />
          <Field field={fields.openings} label={t('roleForm.openings')} type="number" inputProps={{ min: 1 }} />
        </div>
        <div className="grid-3">
          <Field field={fields.daysPerWeek} label={t('roleForm.daysPerWeek')} type="number" inputProps={{ min: 1, max: 7 }} />
          <Field field={fields.durationMonths} label={t('roleForm.durationMonths')} type="number" inputProps={{ min: 1, max: 24 }} />
          <Field
            field={fields.deadline}
            label={t('roleForm.deadline')}
            type="date"
            hint={t('roleForm.deadlineHint')}
            inputProps={{ min: status === 'new' || status === 'draft' ? undefined : today }}
          />
        </div>
        <fieldset className="field">
          <legend>{t('roleForm.languages')}</legend>
          <div className="checkbox-row">
            {formLanguages.map((language) => (
              <label key={language}>
                <input type="checkbox" name={fields.languages.name} value={language} defaultChecked={chosenLanguages.has(language)} />{' '}
                {t(`language.${language}`)}
              </label>
            ))}
          </div>
          <ErrorList id={fields.languages.errorId} errors={fields.languages.errors} />
        </fieldset>
        <SkillPicker
          label={t('roleForm.skills')}
          hint={t('roleForm.skillsHint')}
          chosen={chosenSkills}
          search={skillSearch}
          searchFormId="role-skill-search"
          withRequired
          errors={Object.values(fields.skills.allErrors).flat()}
        />
        <p className="form-actions">
          {status === 'new' || status === 'draft' ? (
            <>
              <SubmitButton name="intent" value="draft" className="button">
                {t('roleForm.saveDraft')}
              </SubmitButton>
              <SubmitButton name="intent" value="publish">
                {t('roleForm.publish')}
              </SubmitButton>
            </>
          ) : (
            <>
              <SubmitButton name="intent" value="save" className={status === 'closed' ? 'button' : undefined}>
                {t('common.save')}
              </SubmitButton>
              {status === 'closed' ? (
                <SubmitButton name="intent" value="publish">
                  {t('roleForm.reopen')}
                </SubmitButton>
              ) : null}
            </>
          )}
        </p>
      </Form>
      <SkillSearchForm id="role-skill-search" keep={keep} />
    </>
  )
}
