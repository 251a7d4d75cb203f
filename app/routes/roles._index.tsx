// /roles: search published, open roles. The URL holds the whole state; without JavaScript
// it is a plain GET form, with it results follow typing (debounced; a newer navigation
// cancels the previous one) and the layout keeps its place while loading. On a phone the
// filters fold away under one toggle so results come first.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation, useRouteLoaderData, useSubmit } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { MatchBadge, MatchReasons } from '#app/components/match.tsx'
import { cardOf, RoleCard } from '#app/components/role-card.tsx'
import { SaveSearchForm } from '#app/components/save-search-form.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import { roleKinds, workModes } from '#app/modules/roles/schemas.ts'
import { queryToSearchParams, roleSearchSchema, roleSorts, searchParamsToQuery, type RoleSearchQuery } from '#app/modules/search/schemas.ts'
import { facetLabels, facetsForPage } from '#app/modules/search/page-facets.server.ts'
import { searchRoles } from '#app/modules/search/search.server.ts'
import { getUser } from '#app/modules/auth/permissions.server.ts'
import { matchSummaries, rankingForSearch } from '#app/modules/matching/matching.server.ts'
import type { RootLoaderData } from '#app/root.tsx'
import { pageLoader } from '#app/lib/page.server.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const meta: MetaFunction = pageTitle('title.roles')

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const parsed = roleSearchSchema.safeParse(searchParamsToQuery(new URL(request.url).searchParams))
  // A hand-edited URL with a bad value shows the unfiltered search rather than an error.
  const query = parsed.success ? parsed.data : roleSearchSchema.parse({})
  const viewer = await getUser(request)
  const searched = await searchRoles(query, undefined, await rankingForSearch(query.sort, viewer?.studentProfileId))
  const facets = facetsForPage(searched.facets, query)
  const [labels, matches] = await Promise.all([
    facetLabels(facets, locale),
    viewer?.studentProfileId
      ? matchSummaries(
          viewer.studentProfileId,
          searched.hits.map((h) => h.id),
          locale,
        )
      : ({} as Awaited<ReturnType<typeof matchSummaries>>),
  ])
  // Only what the page shows, in the reader's language: the data is serialised into every page.
  return {
    query,
    result: { ...searched, facets, hits: searched.hits.map((hit) => cardOf(hit, locale)) },
    labels,
    matches,
  }
})

/** The form's fields as the canonical query string, as pagination links write it. */
function searchParamsOf(form: HTMLFormElement) {
  const raw = new URLSearchParams()
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') raw.append(name, value)
  const parsed = roleSearchSchema.safeParse(searchParamsToQuery(raw))
  return parsed.success ? queryToSearchParams(parsed.data) : raw
}

function FacetGroup({
  legend,
  name,
  counts,
  selected,
  label,
}: {
  legend: string
  name: string
  counts: Record<string, number>
  selected: Array<string | number>
  label: (value: string) => string
}) {
  const values = Object.entries(counts).sort((a, b) => b[1] - a[1])
  const chosen = selected.map(String)
  for (const value of chosen) if (!(value in counts)) values.push([value, 0])
  if (values.length === 0) return null
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      {values.slice(0, 12).map(([value, count]) => (
        <label key={value}>
          <input type="checkbox" name={name} value={value} defaultChecked={chosen.includes(value)} /> {label(value)} <span className="count">{count}</span>
        </label>
      ))}
    </fieldset>
  )
}

export default function RoleSearch() {
  const { query, result, labels, matches } = useLoaderData<typeof loader>()
  const isStudent = useRouteLoaderData<RootLoaderData>('root')?.user?.roles.includes('student') ?? false
  const t = useT()
  const locale = useLocale()
  const submit = useSubmit()
  const navigation = useNavigation()
  const formRef = useRef<HTMLFormElement>(null)
  const queryRef = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const loading = navigation.state === 'loading' && navigation.location.pathname === '/roles'
  const pages = Math.max(1, Math.ceil(result.total / result.perPage))

  // Back/forward and links (pagination, clear filters) change the search without the
  // form: its controls follow the loaded query. Set in place rather than remounted, so
  // the checkbox just toggled keeps keyboard focus; the box is left alone while typed in.
  // Not on the first render: the server's markup already shows that query, and a choice
  // made before hydration must not be undone.
  const shownQuery = useRef(query)
  useEffect(() => {
    const form = formRef.current
    if (!form || shownQuery.current === query) return
    shownQuery.current = query
    const chosen = (name: string) => {
      if (name === 'minStipend') return [String(query.minStipend ?? '')]
      if (name === 'parkIncubated') return query.parkIncubated ? ['true'] : []
      if (name === 'licenceVerified') return query.licenceVerified ? ['true'] : []
      const values = query[name as keyof RoleSearchQuery]
      return Array.isArray(values) ? values.map(String) : []
    }
    for (const element of Array.from(form.elements)) {
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio'))
        element.checked = chosen(element.name).includes(element.value)
      else if (element instanceof HTMLSelectElement && element.name === 'sort') element.value = query.sort
    }
    if (queryRef.current && document.activeElement !== queryRef.current) queryRef.current.value = query.q
  }, [query])
  useEffect(() => () => clearTimeout(timer.current), [])

  // Typing replaces the history entry (one per search, not per keystroke); a filter, a
  // sort or a submit adds one, so Back undoes it. The URL is the canonical one links and
  // pagination use (no empty or default parameters).
  const send = (delay: number, replace: boolean) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (formRef.current) submit(searchParamsOf(formRef.current), { method: 'get', action: '/roles', replace, preventScrollReset: true })
    }, delay)
  }
  const pageLink = (page: number) => {
    const params = queryToSearchParams({ ...query, page })
    return `/roles${params.size ? `?${params}` : ''}`
  }
  const filterCount = [...queryToSearchParams({ ...query, q: '', sort: 'relevance', page: 1, perPage: 20 } as RoleSearchQuery).keys()].length
  const hasFilters = filterCount > 0

  return (
    <section className="role-search">
      <h1>{t('search.title')}</h1>
      <div className="search-layout">
        <Form
          method="get"
          action="/roles"
          ref={formRef}
          className="search-form"
          onChange={(event) => {
            const typing = (event.target as HTMLElement).getAttribute('type') === 'search'
            send(typing ? 300 : 0, typing)
          }}
          onSubmit={(event) => {
            event.preventDefault()
            send(0, false)
          }}
        >
          <div className="search-bar">
            <label htmlFor="role-q" className="visually-hidden">
              {t('search.query')}
            </label>
            <input
              id="role-q"
              ref={queryRef}
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder={t('search.queryPlaceholder')}
              maxLength={200}
              autoComplete="off"
            />
            <label htmlFor="role-sort">{t('search.sort')}</label>
            <select id="role-sort" name="sort" defaultValue={query.sort}>
              {roleSorts
                .filter((sort) => sort !== 'recommended' || isStudent)
                .map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`search.sort.${sort}`)}
                  </option>
                ))}
            </select>
            <button type="submit" className="button primary">
              {t('search.submit')}
            </button>
          </div>

          {/* Closed in the markup; wide screens keep it open by CSS (app.css), phones show the toggle. */}
          <details className="facet-panel">
            <summary>
              {t('search.filters')}
              {hasFilters ? ` (${filterCount})` : null}
            </summary>
            <aside className="facets" aria-label={t('search.filters')}>
              <FacetGroup legend={t('search.city')} name="city" counts={result.facets.city} selected={query.city} label={(v) => cityName(v, locale)} />
              <FacetGroup
                legend={t('search.skill')}
                name="skill"
                counts={result.facets.skill}
                selected={query.skill}
                label={(v) => pickText(locale, labels.skill[v]?.zh, labels.skill[v]?.en) || v}
              />
              <FacetGroup
                legend={t('search.kind')}
                name="kind"
                counts={result.facets.kind}
                selected={query.kind}
                label={(v) => {
                  const kind = roleKinds.find((k) => k === v)
                  return kind ? t(`roleKind.${kind}`) : v
                }}
              />
              <FacetGroup
                legend={t('search.workMode')}
                name="workMode"
                counts={result.facets.workMode}
                selected={query.workMode}
                label={(v) => {
                  const mode = workModes.find((m) => m === v)
                  return mode ? t(`workMode.${mode}`) : v
                }}
              />
              <FacetGroup
                legend={t('search.company')}
                name="company"
                counts={result.facets.company}
                selected={query.company}
                label={(v) => pickText(locale, labels.company[v]?.zh, labels.company[v]?.en) || v}
              />
              <FacetGroup
                legend={t('search.days')}
                name="days"
                counts={result.facets.daysPerWeek}
                selected={query.days}
                label={(v) => t('search.daysValue', { days: v })}
              />
              <fieldset className="facet">
                <legend>{t('search.park')}</legend>
                <label>
                  <input type="checkbox" name="parkIncubated" value="true" defaultChecked={query.parkIncubated} /> {t('search.parkOnly')}{' '}
                  <span className="count">{result.facets.parkIncubated.true ?? 0}</span>
                </label>
                <label>
                  <input type="checkbox" name="licenceVerified" value="true" defaultChecked={query.licenceVerified} /> {t('trust.verification.filter')}{' '}
                  <span className="count">{result.facets.licenceVerified.true ?? 0}</span>
                </label>
              </fieldset>
              <fieldset className="facet">
                <legend>{t('search.stipend')}</legend>
                <label>
                  <input type="radio" name="minStipend" value="" defaultChecked={query.minStipend === undefined} /> {t('search.stipendAny')}
                </label>
                {Object.entries(result.facets.minStipend)
                  .filter(([floor]) => floor !== '0')
                  .map(([floor, count]) => (
                    <label key={floor}>
                      <input type="radio" name="minStipend" value={floor} defaultChecked={String(query.minStipend) === floor} />{' '}
                      {t('search.stipendAtLeast', { amount: floor })} <span className="count">{count}</span>
                    </label>
                  ))}
              </fieldset>
              <noscript>
                <button type="submit" className="button">
                  {t('search.applyFilters')}
                </button>
              </noscript>
              {hasFilters ? (
                <p>
                  <Link to={query.q ? `/roles?q=${encodeURIComponent(query.q)}` : '/roles'}>{t('search.clearFilters')}</Link>
                </p>
              ) : null}
            </aside>
          </details>
        </Form>

        <div className="results" aria-busy={loading || undefined}>
          {result.degraded ? (
            <p className="notice warning" role="status">
              {t('search.degraded')}
            </p>
          ) : null}
          <div className="results-head">
            <p className="total" role="status" aria-live="polite">
              {loading ? t('search.loading') : t('search.total', { count: result.total })}
            </p>
            {isStudent ? <SaveSearchForm /> : null}
          </div>
          {result.hits.length === 0 ? (
            <div className="empty card">
              <p>
                <strong>{t('search.empty')}</strong>
              </p>
              <p>{t('search.emptyHint')}</p>
              {hasFilters ? <Link to={query.q ? `/roles?q=${encodeURIComponent(query.q)}` : '/roles'}>{t('search.clearFilters')}</Link> : null}
            </div>
          ) : (
            <ol className="role-list" aria-label={t('search.results')}>
              {result.hits.map((hit) => (
                <li key={hit.id}>
                  <RoleCard hit={hit} />
                  {matches[hit.id] ? (
                    <div className="role-match">
                      <MatchBadge score={matches[hit.id]!.score} />
                      <MatchReasons reasons={matches[hit.id]!.reasons} limit={2} />
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {pages > 1 ? (
            <nav className="pagination" aria-label={t('common.pagination')}>
              {query.page > 1 ? <Link to={pageLink(query.page - 1)}>{t('common.previous')}</Link> : null}
              <span>{t('common.pageOf', { page: query.page, pages })}</span>
              {query.page < pages ? <Link to={pageLink(query.page + 1)}>{t('common.next')}</Link> : null}
            </nav>
          ) : null}
        </div>
      </div>
    </section>
  )
}
