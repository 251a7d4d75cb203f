// The skill-gap report: a filter form, an accessible SVG bar chart of the largest gaps and
// the full table. Used by university staff (their university) and admins (the region).
import { Form } from '@remix-run/react'
import type { ApiText } from '#app/i18n/api-text.ts'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { cityName, guangxiCities } from '#app/modules/cities/cities.ts'
import { gapRoleKindValues } from '#app/modules/matching/gap-kinds.ts'

export type GapItemView = { skill: string; name: ApiText; demand: number; supply: number; gap: number; taughtBy: Array<{ id: string; title: ApiText }> }

const CHART_ROWS = 12

export function SkillGapReport({
  items,
  filter,
  csvHref,
  hidden,
}: {
  items: GapItemView[]
  filter: { city?: string; kind?: string }
  csvHref: string
  hidden?: Record<string, string>
}) {
  const t = useT()
  const locale = useLocale()
  const name = (n: ApiText) => pickText(locale, n.zh, n.en)
  const top = items.slice(0, CHART_ROWS)
  const max = Math.max(1, ...top.map((i) => Math.max(i.demand, i.supply)))
  const rowHeight = 34
  const labelWidth = 150
  const barWidth = 420
  return (
    <div className="stack">
      <Form method="get" className="gap-filter">
        {Object.entries(hidden ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="field">
          <label htmlFor="gap-city">{t('gap.city')}</label>
          <select id="gap-city" name="city" defaultValue={filter.city ?? ''}>
            <option value="">{t('gap.any')}</option>
            {guangxiCities.map((c) => (
              <option key={c.key} value={c.key}>
                {cityName(c.key, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="gap-kind">{t('gap.kind')}</label>
          <select id="gap-kind" name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">{t('gap.any')}</option>
            {gapRoleKindValues.map((k) => (
              <option key={k} value={k}>
                {t(`gap.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('gap.filter')}
        </button>
        <a className="button" href={csvHref} download>
          {t('gap.csv')}
        </a>
      </Form>
      {items.length === 0 ? (
        <p>{t('gap.empty')}</p>
      ) : (
        <>
          <figure className="card gap-chart">
            <svg
              role="img"
              aria-labelledby="gap-chart-title gap-chart-desc"
              viewBox={`0 0 ${labelWidth + barWidth + 60} ${top.length * rowHeight + 10}`}
              width="100%"
            >
              <title id="gap-chart-title">{t('gap.chartTitle')}</title>
              <desc id="gap-chart-desc">
                {t('gap.chartDesc')} {top.map((i) => `${name(i.name)}: ${t('gap.demand')} ${i.demand}, ${t('gap.supply')} ${i.supply}`).join('; ')}
              </desc>
              {top.map((item, index) => {
                const y = index * rowHeight + 4
                return (
                  <g key={item.skill}>
                    <text x={labelWidth - 8} y={y + 18} textAnchor="end" className="gap-label">
                      {name(item.name)}
                    </text>
                    <rect x={labelWidth} y={y} width={(item.demand / max) * barWidth} height={13} className="gap-demand" />
                    <rect x={labelWidth} y={y + 15} width={(item.supply / max) * barWidth} height={13} className="gap-supply" />
                    <text x={labelWidth + (item.demand / max) * barWidth + 4} y={y + 11} className="gap-value">
                      {item.demand}
                    </text>
                    <text x={labelWidth + (item.supply / max) * barWidth + 4} y={y + 26} className="gap-value">
                      {item.supply}
                    </text>
                  </g>
                )
              })}
            </svg>
            <figcaption className="hint">
              <span className="gap-key demand" /> {t('gap.demand')} <span className="gap-key supply" /> {t('gap.supply')}
            </figcaption>
          </figure>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('gap.skill')}</th>
                <th scope="col">{t('gap.demand')}</th>
                <th scope="col">{t('gap.supply')}</th>
                <th scope="col">{t('gap.gap')}</th>
                <th scope="col">{t('gap.taughtBy')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.skill}>
                  <th scope="row">
                    {name(item.name)} <code>{item.skill}</code>
                  </th>
                  <td>{item.demand}</td>
                  <td>{item.supply}</td>
                  <td>{item.gap}</td>
                  <td>{item.taughtBy.length > 0 ? item.taughtBy.map((c) => name(c.title)).join('、') : t('gap.notTaught')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  )
}
