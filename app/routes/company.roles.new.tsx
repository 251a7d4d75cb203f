// /company/roles/new — a company member posts a role (draft or published).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { RoleForm } from '#app/components/role-form.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { isEmailVerified, notFoundResponse, requireRole } from '#app/modules/auth/permissions.server.ts'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { memberCompanyId } from '#app/modules/companies/companies.server.ts'
import { saveRoleForm } from '#app/modules/roles/form.server.ts'
import { skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { roleFormSchema } from '#app/modules/roles/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { shanghaiDay } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const user = await requireRole(request, 'company_member')
  if (!memberCompanyId(user, new URL(request.url).searchParams.get('company'))) throw notFoundResponse()
  const company = new URL(request.url).searchParams.get('company')
  return {
    skillSearch: await skillPickerSearch(request, locale),
    keep: company ? { company } : ({} as Record<string, string>),
    today: shanghaiDay(new Date()),
    emailVerified: await isEmailVerified(user.id),
  }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireRole(request, 'company_member')
  const companyId = memberCompanyId(user, new URL(request.url).searchParams.get('company'))
  if (!companyId) throw notFoundResponse()
  const submission = parseForm(await request.formData(), roleFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  const role = await saveRoleForm(user, { companyId }, submission.value)
  return redirectWithToast(
    `/roles/${role.id}`,
    role.inReview ? 'trust.review.sentToast' : submission.value.intent === 'publish' ? 'company.rolePublished' : 'company.roleSaved',
  )
})

export default function NewRole() {
  const { skillSearch, keep, today, emailVerified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('roleForm.newTitle')}</h1>
      {emailVerified ? null : <VerifyEmailNotice />}
      <RoleForm
        defaults={{ kind: 'smart-contract-dev', workMode: 'onsite', daysPerWeek: 4, durationMonths: 3, openings: 1 }}
        chosenSkills={[]}
        skillSearch={skillSearch}
        keep={keep}
        lastResult={actionData?.result}
        status="new"
        today={today}
      />
    </section>
  )
}
