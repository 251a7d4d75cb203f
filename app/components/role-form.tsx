// The role form (new and edit): every Role field of the import format, skills picked from
// the taxonomy through a datalist that autocompletes in both languages. Plain HTML
// controls, so it works without JavaScript; Conform adds validation as you go.
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton, TextAreaField } from '#app/components/forms.tsx'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { formLanguages, roleFormSchema, roleKinds, skillLevels, workModes } from '#app/modules/roles/schemas.ts'

export const SKILL_ROWS = 8

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
  skills,
  lastResult,
  status,
  today,
}: {
  defaults: RoleFormDefaults
  skills: Array<{ key: string; nameZh: string | null; nameEn: string | null }>
  lastResult?: SubmissionResult<string[]>
  status: 'new' | 'draft' | 'published' | 'closed'
  today: string
}) {
  const t = useT()
  const locale = useLocale()
  const rows = [...(defaults.skills ?? [])]
  while (rows.length < SKILL_ROWS) rows.push({ skill: '', level: 3, required: rows.length === 0 })
  const [form, fields] = useForm<FormShape>({
    id: 'role-form',
    lastResult,
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: {
      ...defaults,
      languages: defaults.languages ?? ['zh'],
      skills: rows,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roleFormSchema, errorMap: errorMapFor(locale) }),
  })
  const skillRows = fields.skills.getFieldList()
  const chosenLanguages = new Set(defaults.languages ?? ['zh'])
  return (
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
        <Field field={fields.deadline} label={t('roleForm.deadline')} type="date" hint={t('roleForm.deadlineHint')} inputProps={{ min: status === 'new' || status === 'draft' ? undefined : today }} />
      </div>
      <fieldset className="field">
        <legend>{t('roleForm.languages')}</legend>
        <div className="checkbox-row">
          {formLanguages.map((language) => (
            <label key={language}>
              <input type="checkbox" name={fields.languages.name} value={language} defaultChecked={chosenLanguages.has(language)} /> {t(`language.${language}`)}
            </label>
          ))}
        </div>
        <ErrorList id={fields.languages.errorId} errors={fields.languages.errors} />
      </fieldset>
      <fieldset className="skills-fieldset">
        <legend>{t('roleForm.skills')}</legend>
        <p className="hint">{t('roleForm.skillsHint')}</p>
        <ErrorList id={fields.skills.errorId} errors={fields.skills.errors} />
        <datalist id="skill-options">
          {skills.map((s) => (
            <option key={s.key} value={s.key} label={[s.nameZh, s.nameEn].filter(Boolean).join(' / ')} />
          ))}
        </datalist>
        {skillRows.map((row, index) => {
          const rowFields = row.getFieldset()
          const skillProps = getInputProps(rowFields.skill, { type: 'text' })
          const levelProps = getSelectProps(rowFields.level)
          const requiredProps = getInputProps(rowFields.required, { type: 'checkbox' })
          return (
            <div className="skill-row" key={row.key}>
              <div className="field">
                <label htmlFor={rowFields.skill.id}>{t('roleForm.skill', { n: index + 1 })}</label>
                <input {...skillProps} key={skillProps.key} list="skill-options" autoComplete="off" />
                <ErrorList id={rowFields.skill.errorId} errors={rowFields.skill.errors} />
              </div>
              <div className="field">
                <label htmlFor={rowFields.level.id}>{t('roleForm.level')}</label>
                <select {...levelProps} key={levelProps.key}>
                  {skillLevels.map((level) => (
                    <option key={level} value={level}>
                      {t(`skillLevel.${level}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field checkbox">
                <input {...requiredProps} key={requiredProps.key} />
                <label htmlFor={rowFields.required.id}>{t('roleForm.required')}</label>
              </div>
            </div>
          )
        })}
      </fieldset>
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
  )
}
