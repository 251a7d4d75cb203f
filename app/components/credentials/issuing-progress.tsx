// How far the credentials of the user's recent uploads have got (issued in the background).
import { useT } from '#app/i18n/use-t.ts'

export type IssuingTask = { id: string; total: number | null; done: number; failed: number; finished: boolean }

export function IssuingProgress({ tasks }: { tasks: IssuingTask[] }) {
  const t = useT()
  if (tasks.length === 0) return null
  return (
    <section className="card" aria-labelledby="issuing-progress">
      <h2 id="issuing-progress">{t('credentials.progress.title')}</h2>
      <ul>
        {tasks.map((task) => (
          <li key={task.id}>
            {task.total === null ? (
              t('credentials.progress.waiting')
            ) : (
              <progress max={task.total || 1} value={task.done} aria-label={t('credentials.progress.title')} />
            )}{' '}
            {task.total === null ? null : t('credentials.progress.row', { done: task.done, total: task.total })}
            {task.failed > 0 ? <span className="tag warning">{t('credentials.progress.failed', { failed: task.failed })}</span> : null}
            {task.finished ? <span className="tag ok">✓</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
