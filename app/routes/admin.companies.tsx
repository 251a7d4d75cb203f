// /admin/companies — admins verify companies (verified ones may see discoverable students) and
// their park-incubated claims (the badge shows only then).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import { listCompaniesForAdmin, setCompanyVerification, setParkVerification } from '#app/modules/companies/companies.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, 'admin')
  return { companies: await listCompaniesForAdmin() }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { intent }) => {
  const admin = await requireRole(request, 'admin')
  const formData = await request.formData()
  const companyId = String(formData.get('companyId') ?? '')
  const chosen = intent(formData, ['verify-company', 'unverify-company', 'verify', 'unverify'])
  if (chosen === 'verify-company' || chosen === 'unverify-company') {
    await setCompanyVerification(admin, companyId, chosen === 'verify-company')
    return redirectWithToast('/admin/companies', 'adminCompanies.companyUpdated')
  }
  await setParkVerification(admin, companyId, chosen === 'verify')
  return redirectWithToast('/admin/companies', 'adminCompanies.updated')
})

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
            <th scope="col">{t('adminCompanies.verification')}</th>
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
                <Form method="post" className="inline">
                  <input type="hidden" name="companyId" value={company.id} />
                  {company.verified ? t('adminCompanies.companyVerified') : t('adminCompanies.companyUnverified')}{' '}
                  <SubmitButton name="intent" value={company.verified ? 'unverify-company' : 'verify-company'} className="button small">
                    {company.verified ? t('adminCompanies.unverifyCompany') : t('adminCompanies.verifyCompany')}
                  </SubmitButton>
                </Form>
              </td>
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
