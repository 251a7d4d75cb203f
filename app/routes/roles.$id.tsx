// /roles/:id — everything about a role and its company, similar roles, and the way to
// apply. A closed role stays here, marked closed; drafts only for the company's members.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { SubmitButton } from '#app/components/forms.tsx'
import { MatchBadge, MatchReasons } from '#app/components/match.tsx'
import { cardOf, RoleCard, stipendText } from '#app/components/role-card.tsx'
import { LicenceBadge } from '#app/components/licence-badge.tsx'
import { ReportLink } from '#app/components/report-link.tsx'
import { RoleReviewNotice } from '#app/components/role-review-notice.tsx'
import { isMessageKey, pickText } from '#app/i18n/translate.ts'
import { localeOf } from '#app/i18n/page-title.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { isHttpUrl } from '#app/lib/http-url.ts'
import { getUser, notFoundResponse, requireStudent } from '#app/modules/auth/permissions.server.ts'
import { isRoleSaved, saveRole, unsaveRole } from '#app/modules/students/saved-roles.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { skillLevels } from '#app/modules/roles/schemas.ts'
import { cityName } from '#app/modules/cities/cities.ts'
import { renderMarkdown } from '#app/modules/roles/markdown.server.ts'
import { matchSummaries } from '#app/modules/matching/matching.server.ts'
import { getRoleForViewer, resolveRoleRef } from '#app/modules/roles/roles.server.ts'
import { similarRoles } from '#app/modules/search/search.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  const viewer = await getUser(request)
  const roleId = await resolveRoleRef(params.id ?? '')
  if (!roleId) throw notFoundResponse()
  const role = await getRoleForViewer(roleId, viewer)
  return {
    role: role.hit,
    status: role.status,
    open: role.open,
    details: {
      daysPerWeek: role.document.daysPerWeek,
      durationMonths: role.document.durationMonths,
      openings: role.document.openings,
      languages: role.document.languages,
    },
    descriptionHtml: { zh: renderMarkdown(role.description.zh), en: renderMarkdown(role.description.en) },
    company: { ...role.company, descriptionHtml: { zh: renderMarkdown(role.company.description.zh), en: renderMarkdown(role.company.description.en) } },
    canManage: role.canManage,
    review: role.canManage ? role.review : null,
    hidden: role.canManage ? role.hidden : null,
    similar: role.open ? (await similarRoles(role.document)).map((hit) => cardOf(hit, locale)) : [],
    match: viewer?.studentProfileId && role.open ? ((await matchSummaries(viewer.studentProfileId, [roleId], locale))[roleId] ?? null) : null,
    saved: viewer?.studentProfileId ? await isRoleSaved(viewer.studentProfileId, roleId) : null,
  }
})

/** A student saves the role (its deadline then shows on their home) or removes it. */
export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { intent }) => {
  const { studentId } = await requireStudent(request)
  const roleId = await resolveRoleRef(params.id ?? '')
  if (!roleId) throw notFoundResponse()
  if (intent(await request.formData(), ['save', 'unsave']) === 'save') {
    await saveRole(studentId, roleId)
    return redirectWithToast(`/roles/${roleId}`, 'roles.savedToast')
  }
  await unsaveRole(studentId, roleId)
  return redirectWithToast(`/roles/${roleId}`, 'roles.unsavedToast')
})

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data ? pickText(localeOf(matches), data.role.title.zh, data.role.title.en) : ''} · 链桥 Lianqiao` },
]

export default function RolePage() {
  const { role, status, open, details, descriptionHtml, company, canManage, review, hidden, similar, match, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const levelName = (n: number) => {
    const level = skillLevels.find((l) => l === n)
    return level ? t(`skillLevel.${level}`) : String(n)
  }
  const locale = useLocale()
  const required = role.skills.filter((s) => s.required)
  const nice = role.skills.filter((s) => !s.required)
  const skillName = (s: (typeof role.skills)[number]) => pickText(locale, s.name.zh, s.name.en) || s.skill
  return (
    <article className="stack role-page">
      <header>
        <h1>{pickText(locale, role.title.zh, role.title.en)}</h1>
        <p className="role-meta">
          <Link to={`/companies/${company.id}`}>{pickText(locale, company.name.zh, company.name.en)}</Link>
          {company.parkIncubated ? <span className="tag ok">{t('roles.parkBadge')}</span> : null}
          <LicenceBadge verifiedOn={company.licenceVerifiedOn} />
          <span className="tag">{t(`roleStatus.${status}`)}</span>
        </p>
        {status === 'draft' ? <p className="notice">{t('roles.draftNotice')}</p> : null}
        {review ? <RoleReviewNotice review={review} /> : null}
        {hidden ? (
          <p className="notice warning" role="alert">
            {t('trust.moderation.hiddenNotice', { reason: hidden.reason })}
          </p>
        ) : null}
        {!open && status !== 'draft' ? (
          <p className="notice warning" role="status">
            {t('roles.closedNotice')}
          </p>
        ) : null}
        {match ? (
          <div className="role-match">
            <MatchBadge score={match.score} />
            <MatchReasons reasons={match.reasons} />
            {match.missing.length > 0 ? <p className="hint">{t('match.missing', { skills: match.missing.join('、') })}</p> : null}
          </div>
        ) : null}
        <div className="role-actions">
          {open ? (
            <Link to={`/roles/${role.id}/apply`} className="button primary">
              {t('roles.apply')}
            </Link>
          ) : null}
          {saved !== null && (open || saved) ? (
            <Form method="post" className="inline">
              <SubmitButton name="intent" value={saved ? 'unsave' : 'save'} className="button">
                {saved ? t('roles.unsave') : t('roles.save')}
              </SubmitButton>
            </Form>
          ) : null}
          {canManage ? (
            <Link to={`/company/roles/${role.id}/edit`} className="button">
              {t('roles.edit')}
            </Link>
          ) : (
            <ReportLink targetType="role" targetId={role.id} />
          )}
        </div>
        {actionData && 'error' in actionData && actionData.error ? (
          <p className="notice warning" role="alert">
            {actionData.error}
          </p>
        ) : null}
      </header>

      <section className="card" aria-labelledby="role-details">
        <h2 id="role-details">{t('roles.details')}</h2>
        <dl className="facts">
          <dt>{t('search.city')}</dt>
          <dd>{cityName(role.city, locale)}</dd>
          <dt>{t('search.workMode')}</dt>
          <dd>{t(`workMode.${role.workMode}`)}</dd>
          <dt>{t('search.kind')}</dt>
          <dd>{t(`roleKind.${role.kind}`)}</dd>
          <dt>{t('search.stipend')}</dt>
          <dd>{stipendText(t, role.stipendMonthly)}</dd>
          <dt>{t('search.days')}</dt>
          <dd>{t('roles.daysPerWeek', { days: details.daysPerWeek })}</dd>
          <dt>{t('roleForm.durationMonths')}</dt>
          <dd>{t('roles.duration', { months: details.durationMonths })}</dd>
          <dt>{t('roleForm.openings')}</dt>
          <dd>{t('roles.openings', { count: details.openings })}</dd>
          <dt>{t('roles.deadline')}</dt>
          <dd>{role.deadline}</dd>
          {details.languages.length > 0 ? (
            <>
              <dt>{t('roles.languages')}</dt>
              <dd>
                {details.languages
                  .map((l) => {
                    const key = `language.${l}`
                    return isMessageKey(key) ? t(key) : l
                  })
                  .join('、')}
              </dd>
            </>
          ) : null}
        </dl>
        <h3>{t('roles.requiredSkills')}</h3>
        <ul className="skill-list">
          {required.map((s) => (
            <li key={s.skill} className="required">
              {skillName(s)} · {levelName(s.level)}
            </li>
          ))}
        </ul>
        {nice.length > 0 ? (
          <>
            <h3>{t('roles.niceSkills')}</h3>
            <ul className="skill-list">
              {nice.map((s) => (
                <li key={s.skill}>
                  {skillName(s)} · {levelName(s.level)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="role-description">
        <h2 id="role-description">{t('roles.description')}</h2>
        {/* Sanitised on the server (marked + sanitize-html, see markdown.server.ts). */}
        <div className="markdown" dangerouslySetInnerHTML={{ __html: pickText(locale, descriptionHtml.zh, descriptionHtml.en) }} />
      </section>

      <section className="card" aria-labelledby="role-company">
        <h2 id="role-company">{t('roles.aboutCompany')}</h2>
        {company.hasLogo ? (
          <img
            className="company-logo"
            src={`/companies/${company.id}/logo`}
            alt={t('companies.logoAlt', { name: pickText(locale, company.name.zh, company.name.en) })}
            width={64}
            height={64}
          />
        ) : null}
        <p>
          <Link to={`/companies/${company.id}`}>{pickText(locale, company.name.zh, company.name.en)}</Link> · {cityName(company.city, locale)}
          {company.parkClaimPending ? <span className="tag">{t('roles.parkPending')}</span> : null}
        </p>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: pickText(locale, company.descriptionHtml.zh, company.descriptionHtml.en) }} />
        {company.website && isHttpUrl(company.website) ? (
          <p>
            {t('roles.website')}:{' '}
            <a href={company.website} rel="nofollow noopener noreferrer">
              {company.website}
            </a>
          </p>
        ) : null}
      </section>

      {similar.length > 0 ? (
        <section aria-labelledby="similar-roles">
          <h2 id="similar-roles">{t('roles.similar')}</h2>
          <ol className="role-list">
            {similar.map((hit) => (
              <li key={hit.id}>
                <RoleCard hit={hit} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  )
}
