// The skill keys a `key:level` field accepts, folded away under the field.
import { useT } from '#app/i18n/use-t.ts'

export function KnownSkills({ skills }: { skills: Array<{ key: string; label: string }> }) {
  const t = useT()
  return (
    <details>
      <summary>{t('profile.knownSkills')}</summary>
      <ul className="skill-keys">
        {skills.map((s) => (
          <li key={s.key}>
            <code>{s.key}</code> {s.label}
          </li>
        ))}
      </ul>
    </details>
  )
}
