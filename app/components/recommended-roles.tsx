// "Recommended for you": the student's best-matching open roles with score, top reasons
// and what is missing (with where to learn it).
import { Link } from '@remix-run/react'
import type { ApiText } from '#app/i18n/api-text.ts'
import { MatchBadge, MatchReasons, type MatchReasonView } from '#app/components/match.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'

type Item = {
  role: { id: string; title: ApiText; company: { name: ApiText } }
  score: number
  reasons: MatchReasonView[]
  missing: Array<{ skill: string; name: ApiText; level: number; courses: Array<{ id: string; title: ApiText }>; events: Array<{ id: string; title: ApiText }> }>
}

export function RecommendedRoles({ items }: { items: Item[] }) {
  const t = useT()
  const locale = useLocale()
  const text = (v: ApiText) => pickText(locale, v.zh, v.en)
  return (
    <section aria-labelledby="recommended-heading" className="stack">
      <h2 id="recommended-heading">{t('match.recommended')}</h2>
      {items.length === 0 ? (
        <p>
          {t('match.recommendedEmpty')} <Link to="/profile">{t('nav.profile')}</Link>
        </p>
      ) : (
        <ol className="recommended-list">
          {items.map((item) => (
            <li key={item.role.id} className="card">
              <h3>
                <Link to={`/roles/${item.role.id}`}>{text(item.role.title)}</Link> <MatchBadge score={item.score} />
              </h3>
              <p className="hint">{text(item.role.company.name)}</p>
              <MatchReasons reasons={item.reasons} limit={3} />
              {item.missing.length > 0 ? (
                <div className="match-missing">
                  <p>{t('match.missing', { skills: item.missing.map((m) => t('match.missingSkill', { skill: text(m.name), level: m.level })).join('、') })}</p>
                  {item.missing.map((m) =>
                    m.courses.length > 0 || m.events.length > 0 ? (
                      <p key={m.skill} className="hint">
                        {text(m.name)}: {m.courses.length > 0 ? t('match.learnAt', { courses: m.courses.map((c) => text(c.title)).join('、') }) : null}{' '}
                        {m.events.length > 0 ? t('match.eventsFor', { events: m.events.map((e) => text(e.title)).join('、') }) : null}
                      </p>
                    ) : null,
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
