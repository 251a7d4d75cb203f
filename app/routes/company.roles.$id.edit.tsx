// /company/roles/:id/edit — change a role; a closed role reopens by a later deadline.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { RoleForm } from '#app/components/role-form.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { isEmailVerified, requireUser } from '#app/modules/auth/permissions.server.ts'
import { VerifyEmailNotice } from '#app/components/verify-email-notice.tsx'
import { roleFormDefaults, saveRoleForm } from '#app/modules/roles/form.server.ts'
import { chosenSkillsByKey, skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { roleFormSchema } from '#app/modules/roles/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'
import { shanghaiDay } from '#app/lib/time.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  const user = await requireUser(request)
  const role = await roleFormDefaults(user, params.id ?? '')
  const [chosenSkills, skillSearch] = await Promise.all([chosenSkillsByKey(locale, role.defaults.skills ?? []), skillPickerSearch(request, locale)])
  return { ...role, chosenSkills, skillSearch, today: shanghaiDay(new Date()), emailVerified: await isEmailVerified(user.id) }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm }) => {
  const user = await requireUser(request)
  const roleId = params.id ?? ''
  await roleFormDefaults(user, roleId)
  const submission = parseForm(await request.formData(), roleFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await saveRoleForm(user, { roleId }, submission.value)
  return redirectWithToast(`/roles/${roleId}`, 'company.roleSaved')
})

export default function EditRole() {
  const { defaults, status, chosenSkills, skillSearch, today, emailVerified } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="stack">
      <h1>{t('roleForm.editTitle')}</h1>
      {emailVerified ? null : <VerifyEmailNotice />}
      <RoleForm defaults={defaults} chosenSkills={chosenSkills} skillSearch={skillSearch} lastResult={actionData?.result} status={status} today={today} />
    </section>
  )
}
