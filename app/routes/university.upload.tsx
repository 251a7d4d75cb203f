// University staff: upload a whole catalogue (CSV or import-format JSON), see what would
// change and every row problem, then confirm to write it all in one transaction.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { SkillPicker, SkillSearchForm } from '#app/components/skill-picker.tsx'
import { FileUploadForm, UploadPreview, UploadProblems, useRowAction } from '#app/components/upload-preview.tsx'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { pickText, translate } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { staffCsvUpload } from '#app/lib/upload-limits.ts'
import { applyCatalogue, previewCatalogue, previewCatalogueDraft, replaceUnknownSkill } from '#app/modules/universities/catalogue.server.ts'
import { requireOneUniversity } from './university-context.server.ts'
import { CATALOGUE_COLUMNS } from '#app/modules/universities/schemas.ts'
import { previewOrApply } from './university-upload-form.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const { university } = await requireOneUniversity(request)
  return { university }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs) => {
  const { user, university } = await requireOneUniversity(request)
  const locale = requestLocale(request)
  return previewOrApply(await readUploadForm(request, staffCsvUpload), locale, {
    apply: async (payload, signature) => translate(locale, 'universities.uploaded', await applyCatalogue(user, university.id, payload, signature)),
    preview: (text) => previewCatalogue(university.id, text),
    fixSkill: {
      replace: (input) => replaceUnknownSkill(user, university.id, input),
      reopen: (draft) => previewCatalogueDraft(university.id, draft),
    },
  })
})

type SkillSearch = { from: string; query: string; results: Array<{ key: string; name: string; otherName: string | null; category: string | null }> } | null

/** One form per skill key the taxonomy lacks: pick the skill it stands for with the skill picker. */
function ReplaceUnknownSkills({ unknown, search }: { unknown: { keys: string[]; draft: { payload: string; signature: string } }; search: SkillSearch }) {
  const t = useT()
  return (
    <>
      {unknown.keys.map((key, index) => {
        const searchFormId = `find-skill-${index}`
        const keep = { ...unknown.draft, from: key, intent: 'find-skill' }
        return (
          <section key={key} aria-labelledby={`replace-${index}`} className="card">
            <h2 id={`replace-${index}`}>{t('universities.replaceSkill', { skill: key })}</h2>
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="payload" value={unknown.draft.payload} />
              <input type="hidden" name="signature" value={unknown.draft.signature} />
              <input type="hidden" name="from" value={key} />
              <SkillPicker
                label={t('universities.replaceSkillLabel')}
                hint={t('universities.replaceSkillHint', { skill: key })}
                chosen={[]}
                search={search?.from === key ? search : { query: '', results: [] }}
                searchFormId={searchFormId}
              />
              <SubmitButton name="intent" value="replace-skill">
                {t('universities.replaceSkillButton')}
              </SubmitButton>
            </Form>
            <SkillSearchForm id={searchFormId} method="post" keep={keep} />
          </section>
        )
      })}
    </>
  )
}

export default function UploadCatalogue() {
  const { university } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const rowAction = useRowAction(result?.problems ?? [])
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
      <UploadProblems problems={result && 'error' in result && result.error ? [{ row: '-', text: result.error }] : (result?.problems ?? [])} />
      {result?.preview?.unknownSkills ? <ReplaceUnknownSkills unknown={result.preview.unknownSkills} search={result.skillSearch ?? null} /> : null}
      {result?.preview && result.preview.rows.length > 0 ? (
        <UploadPreview
          headers={[t('universities.code'), t('profile.course'), t('universities.action'), t('universities.changedFields')]}
          confirm={result.preview.confirm}
        >
          {result.preview.rows.map((row) => (
            <tr key={row.row}>
              <td>{row.row}</td>
              <td>{row.code}</td>
              <td>{pickText(locale, row.title.zh, row.title.en)}</td>
              <td>{rowAction(row)}</td>
              <td>{row.changes.join(', ')}</td>
            </tr>
          ))}
        </UploadPreview>
      ) : null}
      <FileUploadForm label={t('universities.file')} hint={t('universities.uploadHint', { columns: CATALOGUE_COLUMNS.join(',') })} />
    </section>
  )
}
