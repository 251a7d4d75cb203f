// What an upload would change, and every row problem, before anything is written.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'

export function UploadProblems({ problems }: { problems: Array<{ row: string; text: string }> }) {
  const t = useT()
  if (problems.length === 0) return null
  return (
    <div className="notice warning" role="alert">
      <p>{t('universities.problems', { count: problems.length })}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('universities.row')}</th>
            <th scope="col">{t('universities.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.row}</td>
              <td>{p.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ConfirmUpload({ confirm }: { confirm: { payload: string; signature: string } }) {
  const t = useT()
  return (
    <Form method="post">
      <input type="hidden" name="payload" value={confirm.payload} />
      <input type="hidden" name="signature" value={confirm.signature} />
      <SubmitButton name="intent" value="confirm">
        {t('universities.confirm')}
      </SubmitButton>
    </Form>
  )
}

export function FileUploadForm({ label, hint }: { label: string; hint: string }) {
  const t = useT()
  return (
    <Form method="post" encType="multipart/form-data">
      <div className="field">
        <label htmlFor="upload-file">{label}</label>
        <input id="upload-file" name="file" type="file" accept=".csv,.json,text/csv,application/json" required aria-describedby="upload-hint" />
        <p id="upload-hint" className="hint">
          {hint}
        </p>
      </div>
      <SubmitButton name="intent" value="preview">
        {t('universities.preview')}
      </SubmitButton>
    </Form>
  )
}

/** The rows an upload would write (`children`: one <tr> each, a cell per header after the row number), and the confirm button. */
export function UploadPreview({
  headers,
  confirm,
  children,
}: {
  headers: string[]
  confirm: { payload: string; signature: string } | null
  children: ReactNode
}) {
  const t = useT()
  return (
    <section aria-labelledby="preview-heading" className="card">
      <h2 id="preview-heading">{t('universities.previewTitle')}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('universities.row')}</th>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {confirm ? <ConfirmUpload confirm={confirm} /> : null}
    </section>
  )
}

/** What a previewed row would do; a row with a problem would not be written as it stands. */
export function useRowAction(problems: Array<{ row: string }>) {
  const t = useT()
  const problemRows = new Set(problems.map((p) => p.row))
  return (row: { row: string; action: 'create' | 'update' | 'unchanged' }) =>
    problemRows.has(row.row) ? <span className="tag">{t('universities.action.invalid')}</span> : t(`universities.action.${row.action}`)
}
