// A student's evidence on the company's side (an application, the candidate list): each
// course, event, project… with its skills and where it comes from, as on the student's profile.
import { SourceTag } from '#app/components/evidence-section.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import type { ShownEvidence } from '#app/modules/matching/shown-evidence.ts'

export function EvidenceList({ items }: { items: ShownEvidence[] }) {
  const t = useT()
  const locale = useLocale()
  if (items.length === 0) return <p className="hint">{t('evidence.shown.none')}</p>
  return (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={index}>
          <span className="tag">{t(`evidence.shown.${item.what}`)}</span>
          {item.title ? <strong>{pickText(locale, item.title.zh, item.title.en)}</strong> : null}
          <SourceTag source={item.origin} />
          {item.grade !== null ? <span>{t('evidence.shown.grade', { grade: item.grade })}</span> : null}
          <span className="hint">{item.skills.map((s) => `${pickText(locale, s.name.zh, s.name.en)} (${s.level})`).join('、')}</span>
        </li>
      ))}
    </ul>
  )
}
