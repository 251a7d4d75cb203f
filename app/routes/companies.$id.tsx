// /companies/:id — a company's public page with its open roles.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { LicenceBadge } from '#app/components/licence-badge.tsx'
import { ReportLink } from '#app/components/report-link.tsx'
import { stipendText } from '#app/components/role-card.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { isHttpUrl } from '#app/lib/http-url.ts'
import { notFoundResponse } from '#app/modules/auth/permissions.server.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import { getPublicCompany, resolveCompanyRef } from '#app/modules/companies/companies.server.ts'
import { renderMarkdown } from '#app/modules/roles/markdown.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ params }: LoaderFunctionArgs) => {
  const companyId = await resolveCompanyRef(params.id ?? '')
  if (!companyId) throw notFoundResponse()
  const company = await getPublicCompany(companyId)
  return { company, descriptionHtml: { zh: renderMarkdown(company.description.zh), en: renderMarkdown(company.description.en) } }
})

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.company.name.zh ?? data?.company.name.en ?? ''} · 链桥 Lianqiao` }]

export default function CompanyPage() {
  const { company, descriptionHtml } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const name = pickText(locale, company.name.zh, company.name.en)
  return (
    <article className="stack">
      <header className="company-header">
        {company.hasLogo ? (
          <img className="company-logo" src={`/companies/${company.id}/logo`} alt={t('companies.logoAlt', { name })} width={64} height={64} />
        ) : null}
        <div>
          <h1>{name}</h1>
          <p>
            {cityName(company.city, locale)}
            {company.parkIncubated ? <span className="tag ok">{t('roles.parkBadge')}</span> : null}
            {company.parkClaimPending ? <span className="tag">{t('roles.parkPending')}</span> : null}
            <LicenceBadge verifiedOn={company.licenceVerifiedOn} />
          </p>
          <p>
            <ReportLink targetType="company" targetId={company.id} />
          </p>
          {company.website && isHttpUrl(company.website) ? (
            <p>
              <a href={company.website} rel="nofollow noopener noreferrer">
                {company.website}
              </a>
            </p>
          ) : null}
        </div>
      </header>
      {/* Sanitised on the server (markdown.server.ts). */}
      <div className="markdown card" dangerouslySetInnerHTML={{ __html: pickText(locale, descriptionHtml.zh, descriptionHtml.en) }} />
      <section aria-labelledby="open-roles">
        <h2 id="open-roles">{t('companies.openRoles')}</h2>
        {company.roles.length === 0 ? (
          <p>{t('companies.noOpenRoles')}</p>
        ) : (
          <ul className="plain-list">
            {company.roles.map((role) => (
              <li key={role.id}>
                <Link to={`/roles/${role.id}`}>{pickText(locale, role.title.zh, role.title.en)}</Link>
                <span>{cityName(role.city, locale)}</span>
                <span>{stipendText(t, role.stipendMonthly)}</span>
                <span>{t('roles.deadlineValue', { date: role.deadline })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}
