// /company — the member's company: its roles with status and actions.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { requireRole } from '#app/modules/auth/permissions.server.ts'
import { getCompanyProfile, memberCompanyId } from '#app/modules/companies/companies.server.ts'
import { changeRoleStatus, duplicateRole, listCompanyRoles } from '#app/modules/roles/roles.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'company_member')
  const companyId = memberCompanyId(user, new URL(request.url).searchParams.get('company'))
  if (!companyId) return { company: null, roles: [] }
  const company = await getCompanyProfile(user, companyId)
  return {
    company: {
      id: company.id,
      name: { zh: company.nameZh, en: company.nameEn },
      parkClaimPending: company.parkIncubated && !company.parkVerifiedAt,
      verified: company.verifiedAt !== null,
    },
    roles: await listCompanyRoles(companyId),
  }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { intent }) => {
  const user = await requireRole(request, 'company_member')
  const formData = await request.formData()
  const roleId = String(formData.get('roleId') ?? '')
  switch (intent(formData, ['publish', 'close', 'duplicate'])) {
    case 'publish': {
      const published = await changeRoleStatus(user, roleId, 'published')
      return redirectWithToast('/company', published.inReview ? 'trust.review.sentToast' : 'company.rolePublished')
    }
    case 'close':
      await changeRoleStatus(user, roleId, 'closed')
      return redirectWithToast('/company', 'company.roleClosed')
    case 'duplicate': {
      const copy = await duplicateRole(user, roleId)
      return redirectWithToast(`/company/roles/${copy.id}/edit`, 'company.roleDuplicated')
    }
  }
})

export default function CompanyDashboard() {
  const { company, roles } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  if (!company) {
    return (
      <section className="stack">
        <h1>{t('company.title')}</h1>
        <p>{t('company.noCompany')}</p>
      </section>
    )
  }
  return (
    <section className="stack">
      <h1>
        {t('company.title')} · {pickText(locale, company.name.zh, company.name.en)}
      </h1>
      {company.verified ? null : <p className="notice warning">{t('access.companyUnverifiedNotice')}</p>}
      {company.parkClaimPending ? <p className="notice">{t('company.unverified')}</p> : null}
      <p className="role-actions">
        <Link to="/company/roles/new" className="button primary">
          {t('company.newRole')}
        </Link>
        <Link to="/company/profile" className="button">
          {t('company.editProfile')}
        </Link>
        <Link to="/company/verification" className="button">
          {t('nav.companyVerification')}
        </Link>
        <Link to={`/companies/${company.id}`}>{t('company.view')}</Link>
      </p>
      {actionData?.error ? (
        <p className="notice warning" role="alert">
          {t('company.actionFailed', { reason: actionData.error })}
        </p>
      ) : null}
      <h2>{t('company.roles')}</h2>
      {roles.length === 0 ? (
        <p>{t('company.noRoles')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data role-table">
            <thead>
              <tr>
                <th scope="col">{t('company.roles')}</th>
                <th scope="col">{t('company.status')}</th>
                <th scope="col">{t('roles.deadline')}</th>
                <th scope="col">{t('company.applications')}</th>
                <th scope="col">{t('company.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {roles.map((role) => (
                <tr key={role.id}>
                  <td>
                    <Link to={`/roles/${role.id}`}>{pickText(locale, role.title.zh, role.title.en)}</Link>
                  </td>
                  <td>
                    {t(`roleStatus.${role.status}`)}
                    {role.review === 'pending' ? <span className="tag">{t('trust.review.inReview')}</span> : null}
                    {role.review === 'rejected' ? <span className="tag">{t('trust.review.rejected')}</span> : null}
                    {role.status === 'published' && role.expired ? <span className="tag">{t('company.expired')}</span> : null}
                  </td>
                  <td>{role.deadline}</td>
                  <td>{role.applications}</td>
                  <td className="row-actions">
                    <Link to={`/company/roles/${role.id}/edit`}>{t('common.edit')}</Link>
                    {role.status === 'published' && !role.expired ? <Link to={`/company/roles/${role.id}/candidates`}>{t('match.candidates')}</Link> : null}
                    <Form method="post" className="inline">
                      <input type="hidden" name="roleId" value={role.id} />
                      {role.status === 'draft' ? (
                        <SubmitButton name="intent" value="publish" className="button small">
                          {t('company.publish')}
                          <span className="visually-hidden"> {pickText(locale, role.title.zh, role.title.en)}</span>
                        </SubmitButton>
                      ) : null}
                      {role.status === 'published' ? (
                        <SubmitButton name="intent" value="close" className="button small">
                          {t('company.close')}
                          <span className="visually-hidden"> {pickText(locale, role.title.zh, role.title.en)}</span>
                        </SubmitButton>
                      ) : null}
                      <SubmitButton name="intent" value="duplicate" className="button small">
                        {t('company.duplicate')}
                        <span className="visually-hidden"> {pickText(locale, role.title.zh, role.title.en)}</span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
