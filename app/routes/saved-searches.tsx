import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { parseForm } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { deleteSavedSearch, listSavedSearches, saveSearch } from '#app/modules/saved-searches/saved-searches.server.ts'
import { deleteSavedSearchSchema, saveSearchSchema } from '#app/modules/saved-searches/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { useFormatDate } from '#app/lib/time.ts'
import { pageTitle } from '#app/i18n/page-title.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'student')
  return { searches: await listSavedSearches(user.id) }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { locale, intent }) => {
  const user = await requireRole(request, 'student')
  const formData = await request.formData()
  if (intent(formData, ['save', 'delete']) === 'delete') {
    const submission = parseForm(formData, deleteSavedSearchSchema, locale)
    if (submission.status !== 'success') throw notFoundResponse()
    await deleteSavedSearch(user.id, submission.value.id)
    return redirectWithToast('/saved-searches', 'savedSearches.deleted')
  }
  const submission = parseForm(formData, saveSearchSchema, locale)
  if (submission.status !== 'success')
    return data(
      {
        error: Object.values(submission.error ?? {})
          .flat()
          .join(' '),
      },
      { status: 400 },
    )
  await saveSearch(user.id, submission.value)
  return redirectWithToast('/saved-searches', 'savedSearches.saved')
})

export const meta: MetaFunction = pageTitle('title.savedSearches')

export default function SavedSearches() {
  const { searches } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const formatDate = useFormatDate()
  return (
    <section className="stack">
      <h1>{t('savedSearches.title')}</h1>
      <p className="hint">{t('savedSearches.intro')}</p>
      {actionData?.error ? <ErrorList errors={[actionData.error]} /> : null}
      {searches.length === 0 ? <p>{t('savedSearches.none')}</p> : null}
      <ul className="plain-list">
        {searches.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong>
            <Link to={`/roles?${s.query}`}>{t('savedSearches.run')}</Link>
            {s.lastNotifiedAt ? <span className="hint">{t('savedSearches.lastDigest', { date: formatDate(s.lastNotifiedAt) })}</span> : null}
            <Form method="post" className="inline">
              <input type="hidden" name="id" value={s.id} />
              <SubmitButton name="intent" value="delete" className="button small">
                {t('common.delete')}
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  )
}
