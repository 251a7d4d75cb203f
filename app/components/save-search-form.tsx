// "Save this search": drop it on the /roles page; it posts the current query string to
// /saved-searches, with or without JavaScript.
import { Form, useLocation } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'

export function SaveSearchForm() {
  const t = useT()
  const location = useLocation()
  return (
    <Form method="post" action="/saved-searches" className="save-search">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="query" value={location.search.replace(/^\?/, '')} />
      <div className="field">
        <label htmlFor="saved-search-name">{t('savedSearches.name')}</label>
        <input id="saved-search-name" name="name" maxLength={100} />
      </div>
      <SubmitButton className="button small">{t('savedSearches.save')}</SubmitButton>
    </Form>
  )
}
