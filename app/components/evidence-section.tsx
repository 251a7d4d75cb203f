// The student's own evidence on their profile: what they added (courses outside the
// catalogue, projects, work, contest results), each marked self-reported with its skills,
// and one form to add more (the skill picker inside; works without JavaScript).
import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorList, Field, SubmitButton, TextAreaField } from '#app/components/forms.tsx'
import { SkillPicker, SkillSearchForm, type SkillOption } from '#app/components/skill-picker.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { errorMapFor } from '#app/i18n/validation.ts'
import { skillLevels } from '#app/modules/skills/schemas.ts'
import { evidenceKinds, evidenceSchema } from '#app/modules/students/schemas.ts'
import type { EvidenceOrigin } from '#app/modules/matching/shown-evidence.ts'

export type EvidenceItem = {
  id: string
  kind: (typeof evidenceKinds)[number]
  title: string
  url: string | null
  description: string | null
  result: string | null
  startsOn: string | Date | null
  endsOn: string | Date | null
  skills: Array<{ level: number; skill: { key: string; nameZh: string | null; nameEn: string | null } }>
}

/** Where a piece of evidence comes from, in words, on every page that shows one. */
export function SourceTag({ source }: { source: EvidenceOrigin }) {
  const t = useT()
  return <span className={source === 'selfReported' ? 'tag' : 'tag ok'}>{t(`evidence.source.${source}`)}</span>
}

const SEARCH_FORM = 'evidence-skill-search'
export const EVIDENCE_SEARCH_PARAM = 'evidenceskillq'

export function EvidenceSection({
  items,
  lastResult,
  skillSearch,
}: {
  items: EvidenceItem[]
  lastResult?: SubmissionResult<string[]>
  skillSearch: { query: string; results: SkillOption[] }
}) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'add-evidence',
    lastResult,
    shouldValidate: 'onBlur',
    defaultValue: { kind: 'project' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: evidenceSchema, errorMap: errorMapFor(locale) }),
  })
  const kindProps = getSelectProps(fields.kind)
  const day = (value: string | Date | null) => (value ? String(value instanceof Date ? value.toISOString() : value).slice(0, 10) : '')
  return (
    <section aria-labelledby="evidence-heading" className="card">
      <h2 id="evidence-heading">{t('evidence.title')}</h2>
      <p className="hint">{t('evidence.intro')}</p>
      {items.length === 0 ? <p>{t('evidence.none')}</p> : null}
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id}>
            <span className="tag">{t(`evidence.kind.${item.kind}` as const)}</span> <strong>{item.title}</strong> <SourceTag source="selfReported" />
            {item.result ? <span> · {item.result}</span> : null}
            {item.startsOn || item.endsOn ? (
              <span className="hint">
                {' '}
                {day(item.startsOn)} – {day(item.endsOn)}
              </span>
            ) : null}
            {item.url ? (
              <>
                {' '}
                <a href={item.url} rel="noopener noreferrer nofollow">
                  {item.url}
                </a>
              </>
            ) : null}
            {item.description ? <p>{item.description}</p> : null}
            {item.skills.length > 0 ? (
              <p className="hint">{item.skills.map((s) => `${pickText(locale, s.skill.nameZh, s.skill.nameEn)} · ${levelWords(t, s.level)}`).join('；')}</p>
            ) : null}
            <Form method="post" className="inline">
              <input type="hidden" name="evidenceId" value={item.id} />
              <SubmitButton name="intent" value="remove-evidence" className="button small">
                {t('evidence.remove')}
                <span className="visually-hidden"> {item.title}</span>
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(form)} noValidate>
        <h3>{t('evidence.addHeading')}</h3>
        <ErrorList id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.kind.id}>{t('evidence.kind')}</label>
          <select {...kindProps} key={kindProps.key}>
            {evidenceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`evidence.kind.${kind}` as const)}
              </option>
            ))}
          </select>
        </div>
        <Field field={fields.title} label={t('evidence.titleField')} />
        <Field field={fields.url} label={t('evidence.url')} type="url" />
        <TextAreaField field={fields.description} label={t('evidence.description')} rows={3} />
        <Field field={fields.result} label={t('evidence.result')} />
        <div className="grid-2">
          <Field field={fields.startsOn} label={t('evidence.startsOn')} type="date" />
          <Field field={fields.endsOn} label={t('evidence.endsOn')} type="date" />
        </div>
        <SkillPicker
          // A new picker (nothing chosen) once the evidence was added.
          key={items.length}
          label={t('evidence.skills')}
          chosen={[]}
          search={skillSearch}
          searchFormId={SEARCH_FORM}
          searchParam={EVIDENCE_SEARCH_PARAM}
          errors={Object.values(fields.skills.allErrors).flat()}
        />
        <SubmitButton name="intent" value="add-evidence">
          {t('evidence.add')}
        </SubmitButton>
      </Form>
      <SkillSearchForm id={SEARCH_FORM} />
    </section>
  )
}

/** A skill level in words ("3 used it"); a level outside 1–5 stays a number. */
function levelWords(t: ReturnType<typeof useT>, level: number) {
  const known = skillLevels.find((l) => l === level)
  return known ? t(`skillLevel.${known}`) : String(level)
}
