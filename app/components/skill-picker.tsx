// The one skill picker: every form where a skill is chosen (profile, onboarding, role,
// course, event) uses it. With JavaScript it is an ARIA 1.2 combobox (a search box with a
// listbox of skills; arrows, Home/End, Enter, Escape) over `/skills/search`; chosen skills
// are chips with a level in words and a remove button. Without JavaScript the search box
// submits a GET form (`skillq`), the page lists the results, and picking a level next to
// one chooses it when the main form is saved. Both submit the same rows:
// `skills[i].skill`, `skills[i].level` (and `skills[i].required` on roles).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { ErrorList } from '#app/components/forms.tsx'
import { isMessageKey } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { SKILL_SEARCH_PARAM, skillLevels } from '#app/modules/skills/schemas.ts'

export type SkillOption = { key: string; name: string; otherName: string | null; category: string | null; matched?: string | null }
export type ChosenSkill = SkillOption & { level: number; required?: boolean }

export function SkillCategory({ category }: { category: string | null }) {
  const t = useT()
  if (!category) return null
  const key = `skillCategory.${category}`
  return <span className="tag">{isMessageKey(key) ? t(key) : category}</span>
}

/**
 * The form the picker's search box belongs to without JavaScript; place it outside the
 * page's form. GET, unless the page's state lives in a POST (an upload preview): then it
 * posts `keep` with the search.
 */
export function SkillSearchForm({ id, keep = {}, method = 'get' }: { id: string; keep?: Record<string, string>; method?: 'get' | 'post' }) {
  return (
    <form id={id} method={method}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </form>
  )
}

export function SkillPicker({
  name = 'skills',
  label,
  hint,
  chosen: initial,
  search,
  searchFormId,
  withRequired = false,
  errors,
  searchParam = SKILL_SEARCH_PARAM,
}: {
  name?: string
  label: string
  hint?: string
  chosen: ChosenSkill[]
  /** The page's `skillq` search and its results (for the form without JavaScript). */
  search: { query: string; results: SkillOption[] }
  searchFormId: string
  withRequired?: boolean
  errors?: string[]
  /** The search's query parameter, when a page has more than one picker. */
  searchParam?: string
}) {
  const t = useT()
  const id = useId()
  const inputId = `${id}-search`
  const listId = `${id}-list`
  const [hydrated, setHydrated] = useState(false)
  const [chosen, setChosen] = useState(initial)
  const [query, setQuery] = useState(search.query)
  const [options, setOptions] = useState<SkillOption[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [announcement, setAnnouncement] = useState('')
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => setHydrated(true), [])
  // A new server answer (e.g. after saving) replaces what was chosen here.
  const saved = JSON.stringify(initial.map((c) => [c.key, c.level, c.required]))
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `saved` stands for `initial`'s content
  useEffect(() => setChosen(initial), [saved])

  useEffect(() => {
    if (!hydrated) return
    const q = query.trim()
    if (!q) {
      setOptions([])
      setOpen(false)
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/skills/search?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: 'application/json' } })
        .then((response) => (response.ok ? (response.json() as Promise<{ skills: SkillOption[] }>) : { skills: [] }))
        .then(({ skills }) => {
          setOptions(skills)
          setOpen(true)
          setActive(-1)
          setAnnouncement(skills.length === 0 ? t('skillPicker.noResults') : t('skillPicker.resultCount', { count: skills.length }))
        })
        .catch(() => {
          // Aborted by the next keystroke; the newer request answers.
        })
    }, 150)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, hydrated, t])

  function choose(option: SkillOption) {
    if (!chosen.some((c) => c.key === option.key)) setChosen([...chosen, { ...option, level: 3, required: withRequired ? true : undefined }])
    setAnnouncement(t('skillPicker.added', { skill: option.name }))
    setQuery('')
    setOpen(false)
    setActive(-1)
  }

  function remove(key: string) {
    const skill = chosen.find((c) => c.key === key)
    setChosen(chosen.filter((c) => c.key !== key))
    if (skill) setAnnouncement(t('skillPicker.removed', { skill: skill.name }))
    input.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = options.length - 1
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!open) setOpen(options.length > 0)
        setActive(active >= last ? 0 : active + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        if (!open) setOpen(options.length > 0)
        setActive(active <= 0 ? last : active - 1)
        break
      case 'Home':
      case 'End':
        if (open && options.length > 0) {
          event.preventDefault()
          setActive(event.key === 'Home' ? 0 : last)
        }
        break
      case 'Enter': {
        // Enter never submits a form from the search box: it chooses the highlighted skill.
        event.preventDefault()
        const option = options[active] ?? (options.length === 1 ? options[0] : undefined)
        if (open && option) choose(option)
        break
      }
      case 'Escape':
        if (open) setOpen(false)
        else setQuery('')
        setActive(-1)
        break
      case 'Tab':
        setOpen(false)
        break
    }
  }

  const unchosenResults = search.results.filter((r) => !chosen.some((c) => c.key === r.key))
  const levelLabel = (skill: string) => t('skillPicker.levelOf', { skill })
  const errorId = `${id}-errors`
  return (
    <fieldset className="skill-picker" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{label}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <ErrorList id={errorId} errors={errors} />
      {chosen.length > 0 ? (
        <ul className="skill-chips" aria-label={t('skillPicker.chosen')}>
          {chosen.map((skill, index) => (
            <li key={skill.key} className="skill-chip">
              <input type="hidden" name={`${name}[${index}].skill`} value={skill.key} />
              <span className="skill-chip-name">{skill.name}</span>
              <SkillCategory category={skill.category} />
              <label className="visually-hidden" htmlFor={`${id}-level-${index}`}>
                {levelLabel(skill.name)}
              </label>
              <select
                id={`${id}-level-${index}`}
                name={`${name}[${index}].level`}
                value={String(skill.level)}
                onChange={(e) => setChosen(chosen.map((c) => (c.key === skill.key ? { ...c, level: Number(e.target.value) } : c)))}
              >
                {hydrated ? null : <option value="">{t('skillPicker.removeOption')}</option>}
                {skillLevels.map((level) => (
                  <option key={level} value={level}>
                    {t(`skillLevel.${level}` as const)}
                  </option>
                ))}
              </select>
              {withRequired ? (
                <label className="checkbox-inline">
                  <input
                    type="checkbox"
                    name={`${name}[${index}].required`}
                    checked={Boolean(skill.required)}
                    onChange={(e) => setChosen(chosen.map((c) => (c.key === skill.key ? { ...c, required: e.target.checked } : c)))}
                  />{' '}
                  {t('roleForm.required')}
                </label>
              ) : null}
              {hydrated ? (
                <button type="button" className="button small" aria-label={t('skillPicker.remove', { skill: skill.name })} onClick={() => remove(skill.key)}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('skillPicker.noneChosen')}</p>
      )}
      <div className="field skill-search">
        <label htmlFor={inputId}>{t('skillPicker.search')}</label>
        <div className="skill-search-row">
          <input
            ref={input}
            id={inputId}
            type="search"
            name={searchParam}
            form={searchFormId}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            placeholder={t('skillPicker.placeholder')}
            {...(hydrated
              ? {
                  role: 'combobox',
                  'aria-expanded': open,
                  'aria-controls': listId,
                  'aria-autocomplete': 'list' as const,
                  'aria-activedescendant': open && active >= 0 ? `${listId}-${active}` : undefined,
                  onKeyDown,
                  onBlur: () => setOpen(false),
                }
              : {})}
          />
          {hydrated ? null : (
            <button type="submit" form={searchFormId} className="button small">
              {t('skillPicker.searchButton')}
            </button>
          )}
        </div>
        {hydrated ? (
          <ul id={listId} role="listbox" aria-label={t('skillPicker.results')} className="skill-options" hidden={!open || options.length === 0}>
            {options.map((option, index) => (
              <li
                key={option.key}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                // Keeps focus in the box so the click chooses before blur closes the list.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(option)}
              >
                <span>{option.name}</span>
                {option.otherName ? <span className="hint"> {option.otherName}</span> : null}
                {option.matched ? <span className="hint"> ({option.matched})</span> : null} <SkillCategory category={option.category} />
              </li>
            ))}
          </ul>
        ) : null}
        {/* A live region without the status role: the page's toast is its one status. */}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
      </div>
      {!hydrated && search.query ? (
        <div className="skill-results">
          <p>{unchosenResults.length === 0 ? t('skillPicker.noResults') : t('skillPicker.pickLevel', { query: search.query })}</p>
          <ul className="plain-list">
            {unchosenResults.map((result, offset) => {
              const index = chosen.length + offset
              return (
                <li key={result.key} className="skill-chip">
                  <input type="hidden" name={`${name}[${index}].skill`} value={result.key} />
                  <label htmlFor={`${id}-level-${index}`}>
                    {result.name}
                    {result.otherName ? ` · ${result.otherName}` : ''}
                  </label>
                  <SkillCategory category={result.category} />
                  <select id={`${id}-level-${index}`} name={`${name}[${index}].level`} defaultValue="">
                    <option value="">{t('skillPicker.notChosen')}</option>
                    {skillLevels.map((level) => (
                      <option key={level} value={level}>
                        {t(`skillLevel.${level}` as const)}
                      </option>
                    ))}
                  </select>
                  {withRequired ? <input type="hidden" name={`${name}[${index}].required`} value="on" /> : null}
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </fieldset>
  )
}
