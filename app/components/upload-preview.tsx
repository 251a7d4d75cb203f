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

export function ConfirmUpload({ confirm, children }: { confirm: { payload: string; signature: string }; children?: ReactNode }) {
  const t = useT()
  return (
    <Form method="post">
      <input type="hidden" name="payload" value={confirm.payload} />
      <input type="hidden" name="signature" value={confirm.signature} />
      {children}
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
