// The language picker: rows of a language and a level people know (native, HSK 1–6,
// CET-4/6, TEM-4/8, IELTS/TOEFL bands, or plain words). Plain selects, so it works
// without JavaScript (two empty rows add languages); with JavaScript the level list
// shows only the levels that fit the chosen language.
import { useState } from 'react'
import { ErrorList } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { generalLevels, levelGroups, studentLanguages } from '#app/modules/students/languages.ts'

type Row = { language: string; level: string }

/** @public (the pickers' pages are being built) */
export function LevelLabel({ level }: { level: string }) {
  const t = useT()
  const general = generalLevels.find((known) => known === level)
  return <>{general ? t(`languageLevel.${general}`) : level}</>
}

export function LanguagePicker({ name = 'languages', chosen, errors }: { name?: string; chosen: Row[]; errors?: string[] }) {
  const t = useT()
  const [rows, setRows] = useState<Row[]>([...chosen, { language: '', level: '' }, { language: '', level: '' }])
  const update = (index: number, change: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)))
  return (
    <fieldset className="language-picker">
      <legend>{t('languagePicker.legend')}</legend>
      <p className="hint">{t('languagePicker.hint')}</p>
      <ErrorList id={`${name}-errors`} errors={errors} />
      {rows.map((row, index) => {
        const groups = levelGroups.filter((g) => g.languages === null || !row.language || (g.languages as readonly string[]).includes(row.language))
        return (
          <div className="language-row" key={index}>
            <div className="field">
              <label htmlFor={`${name}-${index}-language`}>{t('languagePicker.language', { n: index + 1 })}</label>
              <select
                id={`${name}-${index}-language`}
                name={`${name}[${index}].language`}
                value={row.language}
                onChange={(e) => update(index, { language: e.target.value })}
              >
                <option value="">—</option>
                {studentLanguages.map((language) => (
                  <option key={language} value={language}>
                    {t(`language.${language}` as const)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${name}-${index}-level`}>{t('languagePicker.level', { n: index + 1 })}</label>
              <select
                id={`${name}-${index}-level`}
                name={`${name}[${index}].level`}
                value={row.level}
                onChange={(e) => update(index, { level: e.target.value })}
              >
                <option value="">—</option>
                {groups.map((group) => (
                  <optgroup key={group.id} label={t(`languageLevelGroup.${group.id}` as const)}>
                    {group.levels.map((level) => (
                      <option key={level} value={level}>
                        <LevelLabel level={level} />
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}
