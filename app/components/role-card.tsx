// A role in a result list, and highlighted text rendered as <mark> elements (never as
// injected HTML).
import { Link } from '@remix-run/react'
import { textFor, type ApiText } from '#app/i18n/api-text.ts'
import type { Locale } from '#app/i18n/locale.ts'
import { pickText, type Translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import type { RoleKind, WorkModeValue } from '#app/modules/roles/schemas.ts'
import { highlightSegments } from '#app/modules/search/schemas.ts'
import { LicenceBadge } from './licence-badge.tsx'

export type RoleCardHit = {
  id: string
  title: ApiText
  company: { id: string; name: ApiText; parkIncubated: boolean; licenceVerifiedOn?: string | null }
  kind: RoleKind
  city: string
  workMode: WorkModeValue
  stipendMonthly: { min: number; max: number }
  skills: Array<{ skill: string; required: boolean; name: ApiText }>
  deadline: string
  daysPerWeek: number
  highlight?: { title: ApiText; company: ApiText; snippet: ApiText }
}

/**
 * What a card shows of a hit, its texts in the reader's language only: the data a result
 * list sends. The page's loader data holds no other copy, so the page stays small.
 */
export function cardOf(hit: RoleCardHit, locale: Locale): RoleCardHit {
  const text = (value: ApiText) => textFor(locale, value)
  const { company } = hit
  return {
    id: hit.id,
    title: text(hit.title),
    company: { id: company.id, name: text(company.name), parkIncubated: company.parkIncubated, licenceVerifiedOn: company.licenceVerifiedOn },
    kind: hit.kind,
    city: hit.city,
    workMode: hit.workMode,
    stipendMonthly: hit.stipendMonthly,
    skills: hit.skills.map((s) => ({ skill: s.skill, required: s.required, name: text(s.name) })),
    deadline: hit.deadline,
    daysPerWeek: hit.daysPerWeek,
    ...(hit.highlight ? { highlight: { title: text(hit.highlight.title), company: text(hit.highlight.company), snippet: text(hit.highlight.snippet) } } : {}),
  }
}

/** A fixed stipend reads as one amount, not “2900–2900”. */
export function stipendText(t: Translate, stipend: { min: number; max: number }) {
  return stipend.min === stipend.max ? t('roles.stipendFixed', { amount: stipend.min }) : t('roles.stipendRange', stipend)
}

export function Highlighted({ text }: { text: string }) {
  return <>{highlightSegments(text).map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>
}

export function RoleCard({ hit }: { hit: RoleCardHit }) {
  const t = useT()
  const locale = useLocale()
  const title = pickText(locale, hit.highlight?.title.zh ?? hit.title.zh, hit.highlight?.title.en ?? hit.title.en)
  const company = pickText(locale, hit.highlight?.company.zh ?? hit.company.name.zh, hit.highlight?.company.en ?? hit.company.name.en)
  const snippet = hit.highlight ? pickText(locale, hit.highlight.snippet.zh, hit.highlight.snippet.en) : ''
  return (
    <article className="role-card">
      <h3>
        <Link to={`/roles/${hit.id}`}>
          <Highlighted text={title} />
        </Link>
      </h3>
      <p className="role-meta">
        <Link to={`/companies/${hit.company.id}`}>
          <Highlighted text={company} />
        </Link>
        {hit.company.parkIncubated ? <span className="tag ok">{t('roles.parkBadge')}</span> : null}
        <LicenceBadge verifiedOn={hit.company.licenceVerifiedOn} />
      </p>
      <p className="role-facts">
        <span>{cityName(hit.city, locale)}</span>
        <span>{t(`workMode.${hit.workMode}`)}</span>
        <span>{t(`roleKind.${hit.kind}`)}</span>
        <span>{stipendText(t, hit.stipendMonthly)}</span>
        <span>{t('roles.daysPerWeek', { days: hit.daysPerWeek })}</span>
        <span>{t('roles.deadlineValue', { date: hit.deadline })}</span>
      </p>
      {snippet ? (
        <p className="role-snippet">
          <Highlighted text={snippet} />
        </p>
      ) : null}
      <ul className="skill-list" aria-label={t('search.skill')}>
        {hit.skills.map((s) => (
          <li key={s.skill} className={s.required ? 'required' : undefined}>
            {pickText(locale, s.name.zh, s.name.en) || s.skill}
          </li>
        ))}
      </ul>
    </article>
  )
}
