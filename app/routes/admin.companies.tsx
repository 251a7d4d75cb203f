// /admin/companies — admins verify companies' park-incubated claims (the badge shows only then).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import { listCompaniesForAdmin, setParkVerification } from '#app/modules/companies/companies.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return { companies: await listCompaniesForAdmin() }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const formData = await request.formData()
  await setParkVerification(admin, String(formData.get('companyId') ?? ''), formData.get('intent') === 'verify')
  return redirectWithToast('/admin/companies', 'adminCompanies.updated')
}

export default function AdminCompanies() {
  const { companies } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <section className="stack">
      <h1>{t('adminCompanies.title')}</h1>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('adminCompanies.name')}</th>
            <th scope="col">{t('companies.city')}</th>
            <th scope="col">{t('adminCompanies.roles')}</th>
            <th scope="col">{t('adminCompanies.claim')}</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((company) => (
            <tr key={company.id}>
              <td>
                <Link to={`/companies/${company.id}`}>{pickText(locale, company.name.zh, company.name.en)}</Link>
              </td>
              <td>{cityName(company.city, locale)}</td>
              <td>{company.roles}</td>
              <td>
                {!company.parkIncubated ? (
                  t('adminCompanies.notClaimed')
                ) : (
                  <Form method="post" className="inline">
                    <input type="hidden" name="companyId" value={company.id} />
                    {company.parkVerified ? t('adminCompanies.verified') : t('adminCompanies.claimed')}{' '}
                    <SubmitButton name="intent" value={company.parkVerified ? 'unverify' : 'verify'} className="button small">
                      {company.parkVerified ? t('adminCompanies.unverify') : t('adminCompanies.verify')}
                    </SubmitButton>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
