// /verify — anyone checks a credential: pasted JSON, an uploaded file, or a share link
// (?share=…). Works without JavaScript; nothing is fetched from the credential's URLs.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { VerificationReport } from '#app/components/credentials/verification-report.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { readUploadForm } from '#app/lib/multipart.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { verifyUpload } from '#app/lib/upload-limits.ts'
import { credentialFromForm } from '#app/modules/credentials/credential-input.server.ts'
import { verificationView } from '#app/modules/credentials/report-view.server.ts'
import { verifyFormSchema } from '#app/modules/credentials/schemas.ts'
import { sharedCredential } from '#app/modules/credentials/wallet.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const share = new URL(request.url).searchParams.get('share')
  if (!share) return { view: null, shareMissing: false }
  const credential = await sharedCredential(share.slice(0, 100))
  if (!credential) return { view: null, shareMissing: true }
  return { view: await verificationView(credential, locale), shareMissing: false }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { locale, parseForm }) => {
  const formData = await readUploadForm(request, verifyUpload)
  const submission = parseForm(formData, verifyFormSchema)
  if (submission.status !== 'success') return { view: null, problem: 'credentials.verify.tooLarge' as const }
  const input = await credentialFromForm(formData, submission.value.json)
  if ('problem' in input) return { view: null, problem: input.problem }
  return { view: await verificationView(input.credential, locale), problem: null }
})

export const meta: MetaFunction = () => [{ title: '验证证书 · Verify a credential · 链桥 Lianqiao' }]

export default function Verify() {
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const t = useT()
  const navigation = useNavigation()
  const view = acted?.view ?? loaded.view
  const problem = acted && 'problem' in acted ? acted.problem : null
  return (
    <section className="stack">
      <h1>{t('credentials.verify.title')}</h1>
      <p>{t('credentials.verify.intro')}</p>
      {loaded.shareMissing ? (
        <p role="alert" className="tag warning">
          {t('credentials.verify.shareMissing')}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="error">
          {t(problem)}
        </p>
      ) : null}
      {acted && 'error' in acted && acted.error ? (
        <p role="alert" className="error">
          {acted.error}
        </p>
      ) : null}
      {view ? <VerificationReport view={view} /> : null}
      <Form method="post" encType="multipart/form-data" className="card stack">
        <div className="field">
          <label htmlFor="verify-json">{t('credentials.verify.paste')}</label>
          <textarea id="verify-json" name="json" rows={8} spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="verify-file">{t('credentials.verify.file')}</label>
          <input id="verify-file" name="file" type="file" accept="application/json,application/ld+json,.json,.jsonld" />
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('credentials.verify.submit')}
        </button>
      </Form>
    </section>
  )
}
