// University staff: upload course results (email, course_code, grade). A preview lists
// every row problem; confirming writes verified course records and creates accounts,
// whose claim links are shown once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmUpload, FileUploadForm, UploadProblems } from '#app/components/upload-preview.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { translate, type MessageKey } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { decodeUpload } from '#app/modules/universities/catalogue.server.ts'
import { requireOneUniversity } from '#app/modules/universities/context.server.ts'
import { applyRoster, previewRoster } from '#app/modules/universities/roster.server.ts'
import { confirmedPayload, problemTexts, uploadedBytes } from '#app/modules/universities/upload-form.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  const { university } = await requireOneUniversity(request)
  return { university }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, university } = await requireOneUniversity(request)
  const locale = requestLocale(request)
  const formData = await request.formData()
  const empty = { done: null, claims: [], preview: null, problems: [] as Array<{ row: string; text: string }> }
  if (formData.get('intent') === 'confirm') {
    const { payload, signature } = confirmedPayload(formData)
    try {
      const saved = await applyRoster(user.id, university.id, payload, signature)
      const origin = new URL(request.url).origin
      return {
        ...empty,
        done: translate(locale, 'universities.rosterSaved', { rows: saved.rows, accounts: saved.claims.length }),
        claims: saved.claims.map((c) => ({ email: c.email, link: `${origin}/claim/${c.token}` })),
      }
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      return data({ ...empty, problems: [{ row: '-', text: translate(locale, error.key, error.params) }] }, { status: error.status })
    }
  }
  const decoded = decodeUpload(await uploadedBytes(formData))
  if ('problem' in decoded) return data({ ...empty, problems: problemTexts(locale, [decoded.problem]) }, { status: 422 })
  const preview = await previewRoster(university.id, decoded.text)
  return data({ ...empty, preview, problems: problemTexts(locale, preview.problems) }, { status: preview.problems.length > 0 ? 422 : 200 })
}

export default function UploadRoster() {
  const { university } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('universities.roster')}</h1>
      <p>
        <Link to={`/university?u=${university.id}`}>{t('common.back')}</Link>
      </p>
      {result?.done ? (
        <div className="toast" role="status">
          <p>{result.done}</p>
          {result.claims.length > 0 ? (
            <>
              <p>{t('universities.claimLinks')}</p>
              <ul>
                {result.claims.map((c) => (
                  <li key={c.email}>
                    {c.email}: <code className="token">{c.link}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <UploadProblems problems={result?.problems ?? []} />
      {result?.preview && result.preview.rows.length > 0 ? (
        <section aria-labelledby="preview-heading" className="card">
          <h2 id="preview-heading">{t('universities.previewTitle')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('universities.row')}</th>
                <th scope="col">{t('universities.email')}</th>
                <th scope="col">{t('universities.code')}</th>
                <th scope="col">{t('universities.grade')}</th>
                <th scope="col">{t('universities.action')}</th>
              </tr>
            </thead>
            <tbody>
              {result.preview.rows.map((row) => (
                <tr key={row.row}>
                  <td>{row.row}</td>
                  <td>
                    {row.email} {row.newAccount ? <span className="tag">{t('universities.newAccount')}</span> : null}
                  </td>
                  <td>{row.code}</td>
                  <td>{row.grade}</td>
                  <td>{t(`universities.action.${row.action}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.preview.confirm ? <ConfirmUpload confirm={result.preview.confirm} /> : null}
        </section>
      ) : null}
      <FileUploadForm label={t('universities.file')} hint={t('universities.rosterHint')} />
    </section>
  )
}
