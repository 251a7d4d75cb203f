// University staff: upload course results (email, course_code, grade). A preview lists
// every row problem; confirming writes verified course records and creates accounts,
// whose claim links are shown once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { IssuingProgress } from '#app/components/credentials/issuing-progress.tsx'
import { FileUploadForm, UploadPreview, UploadProblems, useRowAction } from '#app/components/upload-preview.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { translate } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { staffCsvUpload } from '#app/lib/upload-limits.ts'
import { credentialIssuingOf } from '#app/modules/credentials/tasks.server.ts'
import { requireOneUniversity } from './university-context.server.ts'
import { applyRoster, previewRoster } from '#app/modules/universities/roster.server.ts'
import { previewOrApply } from './university-upload-form.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const { user, university } = await requireOneUniversity(request)
  return { university, issuing: await credentialIssuingOf(user.id) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs) => {
  const { user, university } = await requireOneUniversity(request)
  const locale = requestLocale(request)
  const origin = new URL(request.url).origin
  return previewOrApply(await readUploadForm(request, staffCsvUpload), locale, {
    apply: async (payload, signature) => {
      const saved = await applyRoster(user, university.id, payload, signature)
      return {
        message: translate(locale, 'universities.rosterSaved', { rows: saved.rows, accounts: saved.claims.length }),
        claims: saved.claims.map((c) => ({ email: c.email, link: `${origin}/claim/${c.token}` })),
      }
    },
    preview: (text) => previewRoster(university.id, text),
  })
})

export default function UploadRoster() {
  const { university, issuing } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const rowAction = useRowAction(result?.problems ?? [])
  return (
    <section className="stack">
      <h1>{t('universities.roster')}</h1>
      <p>
        <Link to={`/university?u=${university.id}`}>{t('common.back')}</Link>
      </p>
      {result?.done ? (
        <div className="toast" role="status">
          <p>{result.done.message}</p>
          {result.done.claims.length > 0 ? (
            <>
              <p>{t('universities.claimLinks')}</p>
              <ul>
                {result.done.claims.map((c) => (
                  <li key={c.email}>
                    {c.email}: <code className="token">{c.link}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <IssuingProgress tasks={issuing} />
      <UploadProblems problems={result && 'error' in result && result.error ? [{ row: '-', text: result.error }] : (result?.problems ?? [])} />
      {result?.preview && result.preview.rows.length > 0 ? (
        <UploadPreview
          headers={[t('universities.email'), t('universities.code'), t('universities.grade'), t('universities.action')]}
          confirm={result.preview.confirm}
        >
          {result.preview.rows.map((row) => (
            <tr key={row.row}>
              <td>{row.row}</td>
              <td>
                {row.email} {row.newAccount ? <span className="tag">{t('universities.newAccount')}</span> : null}
              </td>
              <td>{row.code}</td>
              <td>{row.grade}</td>
              <td>{rowAction(row)}</td>
            </tr>
          ))}
        </UploadPreview>
      ) : null}
      <FileUploadForm label={t('universities.file')} hint={t('universities.rosterHint')} />
    </section>
  )
}
