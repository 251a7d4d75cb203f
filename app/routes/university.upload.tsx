// University staff: upload a whole catalogue (CSV or import-format JSON), see what would
// change and every row problem, then confirm to write it all in one transaction.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmUpload, FileUploadForm, UploadProblems } from '#app/components/upload-preview.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { pickText, translate, type MessageKey } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { applyCatalogue, decodeUpload, previewCatalogue } from '#app/modules/universities/catalogue.server.ts'
import { requireOneUniversity } from '#app/modules/universities/context.server.ts'
import { CATALOGUE_COLUMNS } from '#app/modules/universities/schemas.ts'
import { confirmedPayload, problemTexts, uploadedBytes } from '#app/modules/universities/upload-form.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { university } = await requireOneUniversity(request)
  return { university }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, university } = await requireOneUniversity(request)
  const locale = requestLocale(request)
  const formData = await request.formData()
  if (formData.get('intent') === 'confirm') {
    const { payload, signature } = confirmedPayload(formData)
    try {
      const counts = await applyCatalogue(user.id, university.id, payload, signature)
      return { done: translate(locale, 'universities.uploaded', counts), preview: null, problems: [] }
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      return data({ done: null, preview: null, problems: [{ row: '-', text: translate(locale, error.key, error.params) }] }, { status: error.status })
    }
  }
  const decoded = decodeUpload(await uploadedBytes(formData))
  if ('problem' in decoded) return data({ done: null, preview: null, problems: problemTexts(locale, [decoded.problem]) }, { status: 422 })
  const preview = await previewCatalogue(university.id, decoded.text)
  return data({ done: null, preview, problems: problemTexts(locale, preview.problems) }, { status: preview.problems.length > 0 ? 422 : 200 })
}

export default function UploadCatalogue() {
  const { university } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('universities.upload')}</h1>
      <p>
        <Link to={`/university?u=${university.id}`}>{t('common.back')}</Link>
      </p>
      {result?.done ? (
        <p className="toast" role="status">
          {result.done}
        </p>
      ) : null}
      <UploadProblems problems={result?.problems ?? []} />
      {result?.preview && result.preview.rows.length > 0 ? (
        <section aria-labelledby="preview-heading" className="card">
          <h2 id="preview-heading">{t('universities.previewTitle')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('universities.row')}</th>
                <th scope="col">{t('universities.code')}</th>
                <th scope="col">{t('profile.course')}</th>
                <th scope="col">{t('universities.action')}</th>
                <th scope="col">{t('universities.changedFields')}</th>
              </tr>
            </thead>
            <tbody>
              {result.preview.rows.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>{row.code}</td>
                  <td>{pickText(locale, row.title.zh, row.title.en)}</td>
                  <td>{t(`universities.action.${row.action}` as MessageKey)}</td>
                  <td>{row.changes.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.preview.confirm ? <ConfirmUpload confirm={result.preview.confirm} /> : null}
        </section>
      ) : null}
      <FileUploadForm label={t('universities.file')} hint={t('universities.uploadHint', { columns: CATALOGUE_COLUMNS.join(',') })} />
    </section>
  )
}
